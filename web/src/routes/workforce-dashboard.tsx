import { Anchor, Badge, Group, List, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import dayjs from 'dayjs';
import { lazy, Suspense, useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../components/page-header';
import { ErrorState, PageLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { TeamsPanel } from '../features/workforce/teams-panel';
import { useAssignments, useDashboard, useSeatBudgets, useTeams } from '../features/workforce/workforce-api';

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
      <Paper withBorder p="lg" bg="white" component="section" aria-labelledby="at-risk-heading">
        <Title order={2} fz="lg" id="at-risk-heading" mb="sm">
          Members at risk
        </Title>
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
      </Paper>
      <Paper withBorder p="lg" bg="white" component="section" aria-labelledby="assignments-heading">
        <Title order={2} fz="lg" id="assignments-heading" mb="sm">
          Assignments
        </Title>
        <Table.ScrollContainer minWidth={560}>
          <Table aria-labelledby="assignments-heading">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Person</Table.Th>
                <Table.Th>Programme</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(assignments.data ?? []).map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{a.userName}</Table.Td>
                  <Table.Td>
                    {a.title}
                    {a.isSponsored ? (
                      <Badge ml="xs" size="xs" variant="outline">
                        Sponsored
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{dayjs(a.dueAt).format('D MMM YYYY')}</Table.Td>
                  <Table.Td>
                    <Badge color={statusLabels[a.status].color} variant="light">
                      {statusLabels[a.status].label}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Paper withBorder p="lg" bg="white" component="section" aria-labelledby="seats-heading">
        <Title order={2} fz="lg" id="seats-heading" mb="sm">
          Sponsored seats
        </Title>
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
      </Paper>
      <TeamsPanel slug={slug} />
    </Stack>
  );
}
