import { Alert, Anchor, Badge, Breadcrumbs, Button, Grid, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconAward, IconCertificate, IconMapSearch, IconWallet } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../api/client';
import { EmptyState, ErrorState, PageLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { hoursLabel } from '../features/catalog/catalog-format';
import { pathwayPath, planCostLabel, weeksLabel } from '../features/pathways/pathway-format';
import { PathwayMap } from '../features/pathways/pathway-map';
import { PathwayTotals } from '../features/pathways/pathway-totals';
import { AwardPending } from '../features/pathways/award-pending';
import { useMyPathway, useRefreshWhenAwarded } from '../features/pathways/pathways-api';
import type { CompletionPlan, MyPathwayDetail } from '../features/pathways/pathways-types';
import { whatIsLeft } from '../features/pathways/what-is-left';
import { PathwayProgress } from '../features/pathways/pathway-progress';

function PlanList({ title, plan }: { title: string; plan: CompletionPlan | null }) {
  return (
    <Paper withBorder p="md" bg="white" component="section" aria-label={title}>
      <Text fw={700} mb={4}>
        {title}
      </Text>
      {!plan ? (
        <Text size="sm" c="dimmed">
          Not reachable with programmes on Cairn alone.
        </Text>
      ) : plan.offers.length === 0 ? (
        <Text size="sm">Nothing more to take.</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="xs">
            {planCostLabel(plan.cost)} · {hoursLabel(plan.effortHours)} · {weeksLabel(plan.durationWeeks)}
          </Text>
          <List size="sm" spacing={4}>
            {plan.offers.map((o) => (
              <List.Item key={o.microcredentialId}>
                {o.title}{' '}
                <Text span size="xs" c="dimmed">
                  ({o.providerName})
                </Text>
              </List.Item>
            ))}
          </List>
        </>
      )}
    </Paper>
  );
}

function Outcome({ detail: d }: { detail: MyPathwayDetail }) {
  if (!d.awarded) return null;
  return (
    <Paper withBorder p="md" bg="white">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="sm">
          <IconAward size={28} color="var(--mantine-color-teal-7)" aria-hidden />
          <Stack gap={0}>
            <Text fw={700}>Awarded</Text>
            <Text size="sm" c="dimmed">
              Your pathway credential and its CLR record of every credential in the stack.
            </Text>
          </Stack>
        </Group>
        <Group gap="xs">
          {d.credentialId ? (
            <Button
              component={Link}
              to={`/credentials/${d.credentialId}`}
              leftSection={<IconCertificate size={16} aria-hidden />}
            >
              Pathway credential
            </Button>
          ) : null}
          {d.clrCredentialId ? (
            <Button component={Link} to={`/credentials/${d.clrCredentialId}`} variant="light">
              CLR record
            </Button>
          ) : null}
        </Group>
      </Group>
    </Paper>
  );
}

/** `/me/pathways/:id`: my map, what is done and left, and the cheapest and shortest way to finish. */
export default function MyPathwayPage() {
  const { id = '' } = useParams();
  const detail = useMyPathway(id);
  usePageTitle(detail.data?.name ?? 'My pathway');
  useRefreshWhenAwarded(detail.data?.isAwardPending ?? false);
  if (detail.isPending) return <PageLoader label="Loading your progress" />;
  if (detail.isError) {
    return isApiError(detail.error) && (detail.error.status === 404 || detail.error.status === 400) ? (
      <EmptyState
        icon={<IconMapSearch size={28} />}
        title="Not one of your pathways"
        action={
          <Button component={Link} to="/me/pathways">
            My pathways
          </Button>
        }
      >
        Join it from its public page first.
      </EmptyState>
    ) : (
      <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
    );
  }
  const d = detail.data;
  const e = d.estimate;
  const left = whatIsLeft(d);
  // Met but not yet awarded: nothing is left to plan; the award follows within seconds.
  const isOpen = !d.awarded && !d.isAwardPending;
  return (
    <Stack gap="xl">
      <Breadcrumbs>
        <Anchor component={Link} to="/me/pathways">
          My pathways
        </Anchor>
        <Text size="sm">{d.name}</Text>
      </Breadcrumbs>
      <Stack gap={6}>
        <Group gap="sm">
          <Title order={1}>{d.name}</Title>
          {d.awarded ? (
            <Badge color={d.isSuspended ? 'orange' : 'teal'}>{d.isSuspended ? 'Suspended' : 'Awarded'}</Badge>
          ) : null}
        </Group>
        <Text c="dimmed">
          Version {d.versionNumber} ·{' '}
          <Anchor component={Link} to={pathwayPath(d.id)}>
            public page
          </Anchor>
        </Text>
        <PathwayProgress progress={d.progress} name={d.name} />
      </Stack>
      {d.isSuspended ? (
        <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} title="Suspended" role="alert">
          A credential this pathway stacks on was revoked, so the pathway credential is suspended. It is reinstated if
          that credential is.
        </Alert>
      ) : null}
      {d.isNewerVersionPublished ? (
        <Alert color="blue" variant="light">
          A newer version of this pathway is published; you stay on version {d.versionNumber}.
        </Alert>
      ) : null}
      {d.isAwardPending ? <AwardPending name={d.name} /> : <Outcome detail={d} />}
      {isOpen ? (
        <PathwayTotals
          cheapest={d.completion.cheapest}
          shortest={d.completion.shortest}
          extra={[
            ['Estimated cost left', e.cost.length ? planCostLabel(e.cost) : e.costMinor === 0 ? 'Free' : 'Unknown'],
            [
              'Estimated time left',
              e.durationWeeks !== null ? weeksLabel(e.durationWeeks) : 'Unknown',
              e.effortHours !== null ? `${hoursLabel(e.effortHours)} of effort` : undefined,
            ],
          ]}
        />
      ) : null}
      <Grid gutter="xl">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="sm" component="section" aria-labelledby="my-map-heading">
            <Title order={2} fz="h3" id="my-map-heading">
              Your map
            </Title>
            <PathwayMap map={d.map} statuses={d.nodes} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            {isOpen ? (
              <>
                <Paper withBorder p="md" bg="white" component="section" aria-labelledby="left-heading">
                  <Title order={2} fz="md" id="left-heading" mb="xs">
                    What is left
                  </Title>
                  {left.length === 0 ? (
                    <Text size="sm">Nothing: the award is on its way.</Text>
                  ) : (
                    <List size="sm" spacing={6}>
                      {left.map((r) => (
                        <List.Item key={r.nodeId}>
                          {r.text}
                          {r.options.length ? (
                            <Text size="xs" c="dimmed">
                              From: {r.options.join(', ')}
                            </Text>
                          ) : null}
                        </List.Item>
                      ))}
                    </List>
                  )}
                </Paper>
                <PlanList title="Cheapest way to finish" plan={d.completion.cheapest} />
                <PlanList title="Shortest way to finish" plan={d.completion.shortest} />
              </>
            ) : null}
            <Paper withBorder p="md" bg="white" component="section" aria-labelledby="done-heading">
              <Title order={2} fz="md" id="done-heading" mb="xs">
                Done
              </Title>
              {d.done.length === 0 ? (
                <Text size="sm" c="dimmed">
                  Nothing yet.
                </Text>
              ) : (
                <List size="sm" spacing={6}>
                  {d.done.map((x) => {
                    // Only worth saying when the credential is named otherwise than the requirement.
                    const named = x.credentials.map((c) => c.name).filter((name) => name !== x.label);
                    return (
                      <List.Item key={x.nodeId}>
                        {x.label}
                        {named.length ? (
                          <Text size="xs" c="dimmed">
                            With {named.join(', ')}
                          </Text>
                        ) : null}
                      </List.Item>
                    );
                  })}
                </List>
              )}
            </Paper>
            <Button
              component={Link}
              to="/me/wallet"
              variant="default"
              leftSection={<IconWallet size={16} aria-hidden />}
            >
              Add a credential from elsewhere
            </Button>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
