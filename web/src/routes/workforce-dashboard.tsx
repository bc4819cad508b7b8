import { Anchor, Badge, Group, List, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import dayjs from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../components/page-header';
import { ErrorState, PageLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { TeamsPanel } from '../features/workforce/teams-panel';
import { useAssignments, useDashboard, useSeatBudgets, useTeams } from '../features/workforce/workforce-api';
import { Section } from '../components/section';
import { DataTable } from '../components/data-table';

const WorkforceCharts = lazy(() => import('../features/workforce/workforce-charts'));

const statusLabels = {
  assigned: { label: 'Assigned', color: 'blue' },
  in_progress: { label: 'In progress', color: 'yellow' },
  overdue: { label: 'Overdue', color: 'red' },
  completed: { label: 'Completed', color: 'teal' },
  not_shared: { label: 'Not shared', color: 'gray' },
} as const;

/** The team dashboard: where assignments stand, skills gained, gaps closed per role, people at risk, seats. */
export default function WorkforceDashboardPage() {
  const { slug = '' } = useParams();
  usePageTitle('Team dashboard');
  const [teamId, setTeamId] = useState<string | null>(null);
  const teams = useTeams(slug);
  const dashboard = useDashboard(slug, teamId);
  const assignments = useAssignments(slug);
  const seats = useSeatBudgets(slug);
  if (dashboard.isPending) return <PageLoader label="Loading the dashboard" />;
  if (dashboard.isError) return <ErrorState error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
  const d = dashboard.data;
  return (
    <Stack gap="xl">
      <PageHeader
        title="Team dashboard"
        titleId="dashboard-heading"
        description={`${d.sharingMembers === 1 ? '1 person shares' : `${d.sharingMembers} people share`} their credentials with you; only they count in skills and progress.`}
        actions={
          <Anchor component={Link} to={`/o/${slug}/roles`}>
            Roles and gaps
          </Anchor>
        }
      />
      <Select
        label="Team"
        placeholder="Everyone"
        clearable
        w={280}
        data={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
        value={teamId}
        onChange={setTeamId}
        description={dashboard.isFetching ? 'Updating…' : undefined}
      />
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md" component="section" aria-label="Assignments now">
        {(['assigned', 'in_progress', 'overdue', 'completed'] as const).map((key) => (
          <Paper key={key} withBorder p="md" bg="white">
            <Text size="sm" c="dimmed">
              {statusLabels[key].label}
            </Text>
            <Text fz={28} fw={700} data-testid={`count-${key}`}>
              {d.assignments[key]}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Suspense fallback={<PageLoader label="Loading charts" />}>
        <WorkforceCharts dashboard={d} />
      </Suspense>
      <Section frame="paper" title="Members at risk" titleId="at-risk-heading">
        {d.atRisk.length === 0 ? (
          <Text c="dimmed" size="sm">
            Nobody is overdue or stalled.
          </Text>
        ) : (
          <List spacing="xs">
            {d.atRisk.map((m) => (
              <List.Item key={m.userId}>
                <Text fw={600} span>
                  {m.name}
                </Text>
                : {m.reasons.join('; ')}
              </List.Item>
            ))}
          </List>
        )}
      </Section>
      <Section frame="paper" title="Assignments" titleId="assignments-heading">
        <DataTable
          rows={assignments.data ?? []}
          rowKey={(a) => a.id}
          labelledBy="assignments-heading"
          minWidth={560}
          columns={[
            { header: 'Person', cell: (a) => a.userName },
            {
              header: 'Programme',
              cell: (a) => (
                <>
                  {a.title}
                  {a.isSponsored ? (
                    <Badge ml="xs" size="xs" variant="outline">
                      Sponsored
                    </Badge>
                  ) : null}
                </>
              ),
            },
            { header: 'Due', cell: (a) => dayjs(a.dueAt).format('D MMM YYYY') },
            {
              header: 'Status',
              cell: (a) => (
                <Badge color={statusLabels[a.status].color} variant="light">
                  {statusLabels[a.status].label}
                </Badge>
              ),
            },
          ]}
        />
      </Section>
      <Section frame="paper" title="Sponsored seats" titleId="seats-heading">
        {(seats.data ?? []).length === 0 ? (
          <Text c="dimmed" size="sm">
            No seat budgets yet.
          </Text>
        ) : (
          <Stack gap="sm">
            {(seats.data ?? []).map((b) => (
              <Stack key={b.id} gap={2}>
                <Group gap="xs">
                  <Text fw={600}>{b.title}</Text>
                  <Text size="sm" c="dimmed">
                    {b.seatsUsed} of {b.seatsTotal} seats granted
                  </Text>
                </Group>
                {b.seats.map((s) => (
                  <Text key={s.id} size="sm">
                    {s.userName}, sponsored by {s.sponsoredBy ?? 'someone no longer here'} on{' '}
                    {dayjs(s.grantedAt).format('D MMM YYYY')}
                    {s.claimedAt ? ` · used ${dayjs(s.claimedAt).format('D MMM YYYY')}` : ' · not used yet'}
                  </Text>
                ))}
              </Stack>
            ))}
          </Stack>
        )}
      </Section>
      <TeamsPanel slug={slug} />
    </Stack>
  );
}
