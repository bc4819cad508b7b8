import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  Container,
  Grid,
  Group,
  List,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowRight, IconMapSearch, IconRoute } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../api/client';
import { EmptyState, ErrorState, PageLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { useSession } from '../features/auth/use-session';
import { myPathwayPath } from '../features/pathways/pathway-format';
import { PathwayMap } from '../features/pathways/pathway-map';
import { PathwayTotals } from '../features/pathways/pathway-totals';
import { useJoinPathway, useMyPathways, usePathway } from '../features/pathways/pathways-api';
import type { PublicPathway } from '../features/pathways/pathways-types';
import { LogInFirst } from '../features/auth/log-in-first';

function JoinPanel({ pathway }: { pathway: PublicPathway }) {
  const { session, isPending } = useSession();
  const navigate = useNavigate();
  const mine = useMyPathways(Boolean(session));
  const join = useJoinPathway(pathway.id);
  const entry = mine.data?.find((p) => p.id === pathway.id);

  let action;
  if (isPending) action = null;
  else if (!session) {
    action = <LogInFirst label="Log in to join" newcomer="New here?" />;
  } else if (entry && (entry.isJoined || entry.awarded)) {
    action = (
      <Button
        component={Link}
        to={myPathwayPath(pathway.id)}
        rightSection={<IconArrowRight size={18} aria-hidden />}
        fullWidth
      >
        {entry.awarded
          ? 'Awarded: see your record'
          : `Your progress (${entry.progress.done} of ${entry.progress.required})`}
      </Button>
    );
  } else {
    action = (
      <Stack gap="xs">
        {entry ? (
          <Text size="sm">
            Your credentials already count: {entry.progress.done} of {entry.progress.required} done.
          </Text>
        ) : null}
        <Button
          fullWidth
          loading={join.isPending}
          leftSection={<IconRoute size={18} aria-hidden />}
          onClick={() => join.mutate(undefined, { onSuccess: () => void navigate(myPathwayPath(pathway.id)) })}
        >
          Join this pathway
        </Button>
        {join.isError ? <ErrorState error={join.error} title="Could not join" /> : null}
      </Stack>
    );
  }

  return (
    <Paper withBorder p="md" bg="white">
      <Stack gap="sm">
        <Text fw={700}>Leads to</Text>
        <Group gap="xs">
          <Badge variant="light">{pathway.achievementType}</Badge>
          <Text fw={600}>{pathway.name}</Text>
        </Group>
        <Text size="sm" c="dimmed">
          Awarded automatically, with a CLR record of every credential in the stack, as soon as the requirements are
          met.
        </Text>
        {action}
      </Stack>
    </Paper>
  );
}

/** `/pathways/:id`: the public page of a pathway, its map of stones, totals and providers. */
export default function PathwayPage() {
  const { id = '' } = useParams();
  const pathway = usePathway(id);
  usePageTitle(pathway.data?.name ?? 'Pathway');

  if (pathway.isPending) {
    return (
      <Container size="lg" py="xl">
        <PageLoader label="Loading the pathway" />
      </Container>
    );
  }
  if (pathway.isError) {
    const missing = isApiError(pathway.error) && (pathway.error.status === 404 || pathway.error.status === 400);
    return (
      <Container size="lg" py="xl">
        {missing ? (
          <EmptyState
            icon={<IconMapSearch size={28} />}
            title="No pathway at this address"
            action={
              <Button component={Link} to="/pathways">
                See all pathways
              </Button>
            }
          >
            It may not be published yet.
          </EmptyState>
        ) : (
          <ErrorState error={pathway.error} onRetry={() => void pathway.refetch()} />
        )}
      </Container>
    );
  }
  const p = pathway.data;
  return (
    <Container size="lg" py="xl">
      <Stack gap="xl">
        <Breadcrumbs>
          <Anchor component={Link} to="/pathways">
            Pathways
          </Anchor>
          <Text size="sm">{p.name}</Text>
        </Breadcrumbs>
        <Stack gap={6}>
          <Title order={1}>{p.name}</Title>
          <Text c="dimmed">
            {p.achievementType} by {p.provider.name} · version {p.versionNumber} · {p.totals.requirementCount}{' '}
            {p.totals.requirementCount === 1 ? 'requirement' : 'requirements'}
          </Text>
          {p.description ? <Text style={{ whiteSpace: 'pre-line' }}>{p.description}</Text> : null}
        </Stack>
        <PathwayTotals cheapest={p.totals.cheapest} shortest={p.totals.shortest} cpdHours={p.totals.cpdHours} />
        <Grid gutter="xl">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="sm" component="section" aria-labelledby="map-heading">
              <Title order={2} fz="h3" id="map-heading">
                Map of stones
              </Title>
              <Text size="sm" c="dimmed">
                Each stone is a requirement; together they stack onto the qualification. Programmes on Cairn link to
                their page.
              </Text>
              <PathwayMap map={p.map} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="md">
              <JoinPanel pathway={p} />
              <Paper withBorder p="md" bg="white" component="section" aria-labelledby="providers-heading">
                <Title order={2} fz="md" id="providers-heading" mb="xs">
                  Providers involved
                </Title>
                {p.providers.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    Only {p.provider.name}.
                  </Text>
                ) : (
                  <List size="sm" spacing={4}>
                    {p.providers.map((pr) => (
                      <List.Item key={pr.did}>
                        {pr.slug ? (
                          <Anchor component={Link} to={`/catalog?provider=${encodeURIComponent(pr.slug)}`}>
                            {pr.name}
                          </Anchor>
                        ) : (
                          <Text span size="sm" style={{ overflowWrap: 'anywhere' }}>
                            {pr.name}{' '}
                            <Text span size="xs" c="dimmed">
                              (outside Cairn)
                            </Text>
                          </Text>
                        )}
                      </List.Item>
                    ))}
                  </List>
                )}
              </Paper>
              {!p.totals.cheapest ? (
                <Alert color="yellow" variant="light">
                  Some requirements are earned outside Cairn, so no total can be given for them.
                </Alert>
              ) : null}
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </Container>
  );
}
