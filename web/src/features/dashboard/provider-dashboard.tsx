import { Anchor, Button, Card, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorState } from '../../components/page-states';
import { useLearningStats } from './dashboard-api';
import { Section } from '../../components/section';

const DashboardCharts = lazy(() => import('./dashboard-charts'));

function Stat({ label, value, hint, to }: { label: string; value: string; hint?: string; to?: string }) {
  return (
    <Paper withBorder p="md" bg="white">
      <Text size="xs" tt="uppercase" fw={700} c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.3}>
        {to ? (
          <Anchor component={Link} to={to} inherit>
            {value}
          </Anchor>
        ) : (
          value
        )}
      </Text>
      {hint ? (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      ) : null}
    </Paper>
  );
}

/** Enrolments, completion, time to complete and the review queue, with charts, for a provider. */
export function ProviderDashboard({ slug }: { slug: string }) {
  const stats = useLearningStats(slug);
  let body;
  if (stats.isPending) {
    body = (
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md" aria-busy="true" aria-label="Loading figures">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} h={96} radius="md" />
        ))}
      </SimpleGrid>
    );
  } else if (stats.isError) {
    body = <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />;
  } else if (stats.data.enrolments === 0 && stats.data.reviewQueue === 0) {
    body = (
      <EmptyState
        icon={<IconChartBar size={28} />}
        title="No learners yet"
        action={
          <Button component={Link} to={`/o/${slug}/programmes`} variant="light">
            Your programmes
          </Button>
        }
      >
        Figures and charts appear here once learners enrol in your published programmes.
      </EmptyState>
    );
  } else {
    const s = stats.data;
    body = (
      <Stack gap="md">
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
          <Stat
            label="Enrolments"
            value={String(s.enrolments)}
            hint={`${s.active} active · ${s.completed} completed · ${s.withdrawn} withdrawn`}
          />
          <Stat
            label="Completion rate"
            value={s.completionRate === null ? '–' : `${Math.round(s.completionRate * 100)}%`}
            hint="Of enrolments that finished or withdrew"
          />
          <Stat
            label="Median time to complete"
            value={
              s.medianDaysToComplete === null
                ? '–'
                : `${s.medianDaysToComplete < 1 ? '<1' : Math.round(s.medianDaysToComplete)} d`
            }
            hint="From enrolment to credential"
          />
          <Stat
            label="Review queue"
            value={String(s.reviewQueue)}
            hint="Submissions waiting"
            to={`/o/${slug}/reviews`}
          />
        </SimpleGrid>
        <Suspense fallback={<Skeleton h={300} radius="md" />}>
          <DashboardCharts stats={s} />
        </Suspense>
        {s.byProgramme.length > 0 ? (
          <Card bg="white">
            <Title order={3} fz="md" mb="xs">
              By programme
            </Title>
            <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {s.byProgramme.map((p) => (
                <Group component="li" key={p.microcredentialId} justify="space-between">
                  <Anchor component={Link} to={`/o/${slug}/programmes/${p.microcredentialId}`} size="sm">
                    {p.title}
                  </Anchor>
                  <Text size="sm" c="dimmed">
                    {p.enrolments} enrolled · {p.completed} completed
                  </Text>
                </Group>
              ))}
            </Stack>
          </Card>
        ) : null}
      </Stack>
    );
  }
  return (
    <Section title="Learning at a glance" titleId="dashboard-heading">
      {body}
    </Section>
  );
}
