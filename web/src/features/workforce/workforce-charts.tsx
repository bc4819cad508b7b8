import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { SimpleGrid } from '@mantine/core';
import { ChartCard } from '../../components/chart-card';
import type { Dashboard } from './workforce-api';

/** The team dashboard's charts, in a chunk of their own (recharts is large). */
export default function WorkforceCharts({ dashboard }: { dashboard: Dashboard }) {
  const months = dashboard.months;
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <ChartCard
        table="details"
        withBorder
        headingId="assignments-over-time"
        title="Assignments by month"
        emptyText="No assignments yet."
        rows={months}
        rowKey={(m) => m.month}
        headers={['Month', 'Assigned', 'Started', 'Completed']}
        cells={(m) => [m.month, m.assigned, m.started, m.completed]}
        chart={
          <LineChart
            h={240}
            data={months}
            dataKey="month"
            series={[
              { name: 'assigned', label: 'Assigned', color: 'blue.6' },
              { name: 'started', label: 'Started', color: 'yellow.7' },
              { name: 'completed', label: 'Completed', color: 'teal.7' },
            ]}
            withLegend
            yAxisProps={{ allowDecimals: false }}
          />
        }
      />
      <ChartCard
        table="details"
        withBorder
        headingId="skills-gained"
        title="Skills gained per month"
        emptyText="No verified skills yet."
        rows={months}
        rowKey={(m) => m.month}
        headers={['Month', 'Skills gained']}
        cells={(m) => [m.month, m.skillsGained]}
        chart={
          <BarChart
            h={240}
            data={months}
            dataKey="month"
            series={[{ name: 'skillsGained', label: 'Skills gained', color: 'teal.7' }]}
            yAxisProps={{ allowDecimals: false }}
          />
        }
      />
      <ChartCard
        table="details"
        withBorder
        headingId="gap-closed"
        title="Gap closed per role"
        emptyText="No roles yet."
        rows={dashboard.roles}
        rowKey={(r) => r.roleId}
        headers={['Role', 'Requirements met', 'Closed']}
        cells={(r) => [r.name, `${r.met} of ${r.requirements}`, `${r.closedPercent}%`]}
        chart={
          <BarChart
            h={Math.max(140, dashboard.roles.length * 48)}
            data={dashboard.roles}
            dataKey="name"
            orientation="vertical"
            series={[{ name: 'closedPercent', label: 'Closed (%)', color: 'blue.6' }]}
            xAxisProps={{ domain: [0, 100] }}
            yAxisProps={{ width: 160 }}
            valueFormatter={(v) => `${v}%`}
          />
        }
      />
    </SimpleGrid>
  );
}
