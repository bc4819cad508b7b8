import { Alert, Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconAward, IconRoute } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState, ErrorState, PageLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { myPathwayPath } from '../features/pathways/pathway-format';
import { PathwayProgress } from '../features/pathways/pathway-progress';
import { isAnyAwardPending } from '../features/pathways/award-polling';
import { useMyPathways, useRefreshWhenAwarded } from '../features/pathways/pathways-api';
import type { MyPathway } from '../features/pathways/pathways-types';
import { CardGrid } from '../components/card-grid';

function MyPathwayCard({ pathway: p }: { pathway: MyPathway }) {
  return (
    <Card component="article" withBorder bg="white">
      <Stack gap="sm" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={2} fz="md">
            <Anchor component={Link} to={myPathwayPath(p.id)} inherit c="cairn.9">
              {p.name}
            </Anchor>
          </Title>
          {p.awarded ? (
            p.isSuspended ? (
              <Badge color="orange" leftSection={<IconAlertTriangle size={12} aria-hidden />} style={{ flexShrink: 0 }}>
                Suspended
              </Badge>
            ) : (
              <Badge color="teal" leftSection={<IconAward size={12} aria-hidden />} style={{ flexShrink: 0 }}>
                Awarded
              </Badge>
            )
          ) : p.isAwardPending ? (
            <Badge color="teal" variant="light" style={{ flexShrink: 0 }}>
              Issuing…
            </Badge>
          ) : p.isJoined ? (
            <Badge variant="light" style={{ flexShrink: 0 }}>
              Joined
            </Badge>
          ) : (
            <Badge variant="outline" color="gray" style={{ flexShrink: 0 }}>
              Counts toward
            </Badge>
          )}
        </Group>
        <PathwayProgress progress={p.progress} name={p.name} />
        <Group gap="xs" mt="auto">
          <Button component={Link} to={myPathwayPath(p.id)} size="sm" variant="light">
            {p.awarded ? 'See the record' : 'What is left'}
          </Button>
          {p.credentialId ? (
            <Button component={Link} to={`/credentials/${p.credentialId}`} size="sm" variant="default">
              Credential
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Card>
  );
}

/** `/me/pathways`: the pathways I joined or already count toward, with progress. */
export default function MyPathwaysPage() {
  usePageTitle('My pathways');
  const pathways = useMyPathways();
  useRefreshWhenAwarded(isAnyAwardPending(pathways.data));
  let body;
  if (pathways.isPending) body = <PageLoader label="Loading your pathways" />;
  else if (pathways.isError) body = <ErrorState error={pathways.error} onRetry={() => void pathways.refetch()} />;
  else if (pathways.data.length === 0) {
    body = (
      <EmptyState
        icon={<IconRoute size={28} />}
        title="No pathways yet"
        action={
          <Button component={Link} to="/pathways">
            Find a pathway
          </Button>
        }
      >
        Join a pathway to see what is left, or earn a credential that counts toward one.
      </EmptyState>
    );
  } else {
    const suspended = pathways.data.filter((p) => p.isSuspended);
    body = (
      <Stack gap="md">
        {suspended.length ? (
          <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} title="A pathway credential is suspended">
            {suspended.map((p) => p.name).join(', ')}: a credential it stacks on was revoked. It is reinstated if that
            credential is.
          </Alert>
        ) : null}
        <CardGrid items={pathways.data} label="My pathways">
          {(p) => <MyPathwayCard pathway={p} />}
        </CardGrid>
      </Stack>
    );
  }
  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <Title order={1}>My pathways</Title>
        <Text c="dimmed">
          Qualifications your credentials stack toward. Credentials from other platforms count too: add them to your
          wallet.
        </Text>
      </Stack>
      {body}
    </Stack>
  );
}
