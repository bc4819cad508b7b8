import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Card, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import type { LearningStats } from '../../api/types';

type ChartCardProps<Row> = {
  headingId: string;
  title: string;
  emptyText: string;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** The chart, hidden from screen readers: they read the table of the same figures instead. */
  chart: ReactNode;
  headers: readonly string[];
  cells: (row: Row) => ReactNode[];
};

function ChartCard<Row>({ headingId, title, emptyText, rows, rowKey, chart, headers, cells }: ChartCardProps<Row>) {
  return (
    <Card bg="white" component="section" aria-labelledby={headingId}>
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
            <VisuallyHidden>
              <table>
                <caption>{title}</caption>
                <thead>
                  <tr>
                    {headers.map((header) => (
                      <th key={header}>{header}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={rowKey(row)}>
                      {cells(row).map((cell, index) => (
                        <td key={index}>{cell}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </VisuallyHidden>
          </>
        )}
      </Stack>
    </Card>
  );
}

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
