import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Box, Card, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Dashboard } from './workforce-api';

type ChartCardProps<Row> = {
  headingId: string;
  title: string;
  emptyText: string;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  chart: ReactNode;
  headers: readonly string[];
  cells: (row: Row) => ReactNode[];
};

/** A chart (hidden from screen readers) and the same figures as a table anyone can open. */
function ChartCard<Row>({ headingId, title, emptyText, rows, rowKey, chart, headers, cells }: ChartCardProps<Row>) {
  return (
    <Card bg="white" withBorder component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={3} fz="md" id={headingId}>
          {title}
        </Title>
        {rows.length === 0 ? (
          <Text c="dimmed" size="sm">
            {emptyText}
          </Text>
        ) : (
          <>
            <div aria-hidden>{chart}</div>
            <Box component="details">
              <Box component="summary" fz="sm" style={{ cursor: 'pointer' }}>
                Show as a table
              </Box>
              <Table mt="xs" captionSide="top">
                <Table.Caption>{title}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    {headers.map((h) => (
                      <Table.Th key={h}>{h}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((row) => (
                    <Table.Tr key={rowKey(row)}>
                      {cells(row).map((cell, i) => (
                        <Table.Td key={i}>{cell}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Box>
          </>
        )}
      </Stack>
    </Card>
  );
}

/** The team dashboard's charts, in a chunk of their own (recharts is large). */
export default function WorkforceCharts({ dashboard }: { dashboard: Dashboard }) {
  const months = dashboard.months;
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <ChartCard
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
