import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Card, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import dayjs from 'dayjs';
import type { LearningStats } from '../../api/types';

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
      <Card bg="white" component="section" aria-labelledby="weekly-heading">
        <Stack gap="sm">
          <Title order={3} fz="md" id="weekly-heading">
            Enrolments and completions by week
          </Title>
          {weeks.length === 0 ? (
            <Text c="dimmed" size="sm">
              No enrolments yet.
            </Text>
          ) : (
            <>
              <div aria-hidden>
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
              </div>
              <VisuallyHidden>
                <table>
                  <caption>Enrolments and completions by week</caption>
                  <thead>
                    <tr>
                      <th>Week of</th>
                      <th>Enrolments</th>
                      <th>Completions</th>
                    </tr>
                  </thead>
                  <tbody>
                    {weeks.map((w) => (
                      <tr key={w.week}>
                        <td>{w.label}</td>
                        <td>{w.enrolments}</td>
                        <td>{w.completions}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </VisuallyHidden>
            </>
          )}
        </Stack>
      </Card>
      <Card bg="white" component="section" aria-labelledby="quiz-heading">
        <Stack gap="sm">
          <Title order={3} fz="md" id="quiz-heading">
            Pass rate per quiz
          </Title>
          {quizzes.length === 0 ? (
            <Text c="dimmed" size="sm">
              No quiz attempts yet.
            </Text>
          ) : (
            <>
              <div aria-hidden>
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
              </div>
              <VisuallyHidden>
                <table>
                  <caption>Pass rate per quiz</caption>
                  <thead>
                    <tr>
                      <th>Quiz</th>
                      <th>Programme</th>
                      <th>Attempts</th>
                      <th>Pass rate</th>
                    </tr>
                  </thead>
                  <tbody>
                    {quizzes.map((q) => (
                      <tr key={`${q.programme}-${q.name}`}>
                        <td>{q.name}</td>
                        <td>{q.programme}</td>
                        <td>{q.attempts}</td>
                        <td>{q.passRate}%</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </VisuallyHidden>
            </>
          )}
        </Stack>
      </Card>
    </SimpleGrid>
  );
}
