import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { SimpleGrid } from '@mantine/core';
import dayjs from 'dayjs';
import type { LearningStats } from '../../api/types';
import { ChartCard } from '../../components/chart-card';

/**
 * The dashboard's charts, in a chunk of their own (recharts is large). Each chart has a
 * visually hidden table with the same figures for screen readers.
 */
export default function DashboardCharts({ stats }: { stats: LearningStats }) {
  const weeks = stats.enrolmentsByWeek.map((w) => ({ ...w, label: dayjs(w.week).format('D MMM') }));
  const quizzes = stats.quizzes.map((q) => ({
    name: q.title,
    passRate: Math.round(q.passRate * 100),
    attempts: q.attempts,
    programme: q.programme,
  }));
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <ChartCard
        headingId="weekly-heading"
        title="Enrolments and completions by week"
        emptyText="No enrolments yet."
        rows={weeks}
        rowKey={(w) => w.week}
        headers={['Week of', 'Enrolments', 'Completions']}
        cells={(w) => [w.label, w.enrolments, w.completions]}
        chart={
          <LineChart
            h={240}
            data={weeks}
            dataKey="label"
            series={[
              { name: 'enrolments', label: 'Enrolments', color: 'cairn.6' },
              { name: 'completions', label: 'Completions', color: 'ember.6' },
            ]}
            withLegend
            curveType="monotone"
            yAxisProps={{ allowDecimals: false }}
          />
        }
      />
      <ChartCard
        headingId="quiz-heading"
        title="Pass rate per quiz"
        emptyText="No quiz attempts yet."
        rows={quizzes}
        rowKey={(q) => `${q.programme}-${q.name}`}
        headers={['Quiz', 'Programme', 'Attempts', 'Pass rate']}
        cells={(q) => [q.name, q.programme, q.attempts, `${q.passRate}%`]}
        chart={
          <BarChart
            h={Math.max(160, quizzes.length * 44)}
            data={quizzes}
            dataKey="name"
            orientation="vertical"
            series={[{ name: 'passRate', label: 'Pass rate (%)', color: 'cairn.6' }]}
            xAxisProps={{ domain: [0, 100] }}
            yAxisProps={{ width: 140 }}
            valueFormatter={(v) => `${v}%`}
          />
        }
      />
    </SimpleGrid>
  );
}
