import { Anchor, Badge, Breadcrumbs, Button, Card, Group, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFlag, IconMessages, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../api/client';
import { EmptyState, ErrorState, PageLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { threadPath, usePeers, useRemoveMember, useSpace, type Space } from '../features/community/community-api';
import { ConversationDrawer } from '../features/community/conversation-drawer';
import { NewThreadForm } from '../features/community/new-thread-form';
import { ThreadStateBadges } from '../features/community/thread-state-badges';

/** A cohort's or a programme's discussion: threads, the peer directory and, for moderators, reports. */
export default function CommunitySpacePage() {
  const { spaceId = '' } = useParams();
  const space = useSpace(spaceId);
  usePageTitle(space.data ? `${space.data.programme.title} discussion` : 'Discussion');
  if (space.isPending) return <PageLoader label="Loading the discussion" />;
  if (space.isError) return <ErrorState error={space.error} onRetry={() => void space.refetch()} />;
  const s = space.data;
  return (
    <Stack gap="lg">
      <Breadcrumbs separator="›">
        <Anchor component={Link} to="/community" size="sm">
          Community
        </Anchor>
        <Text size="sm">{s.programme.title}</Text>
      </Breadcrumbs>
      <Stack gap={4}>
        <Title order={1}>
          {s.cohort ? `${s.programme.title}: ${s.cohort.name}` : `${s.programme.title} discussion`}
        </Title>
        <Text c="dimmed">
          {s.cohort
            ? `Cohort from ${new Date(s.cohort.startsOn).toLocaleDateString()} to ${new Date(s.cohort.endsOn).toLocaleDateString()}.`
            : 'Everyone enrolled in this self-paced programme can read and write here.'}{' '}
          Be kind; the facilitator and the provider moderate.
        </Text>
      </Stack>
      <Tabs defaultValue="threads" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="threads" leftSection={<IconMessages size={16} aria-hidden />}>
            Discussion
          </Tabs.Tab>
          <Tabs.Tab value="people" leftSection={<IconUsers size={16} aria-hidden />}>
            People
          </Tabs.Tab>
          {s.canModerate ? (
            <Tabs.Tab
              value="reports"
              rightSection={s.openReports.length > 0 ? <Badge size="xs">{s.openReports.length}</Badge> : null}
            >
              Reports
            </Tabs.Tab>
          ) : null}
        </Tabs.List>
        <Tabs.Panel value="threads" pt="md">
          <Threads space={s} />
        </Tabs.Panel>
        <Tabs.Panel value="people" pt="md">
          <People space={s} />
        </Tabs.Panel>
        {s.canModerate ? (
          <Tabs.Panel value="reports" pt="md">
            <Reports space={s} />
          </Tabs.Panel>
        ) : null}
      </Tabs>
    </Stack>
  );
}

function Threads({ space }: { space: Space }) {
  return (
    <Stack gap="lg">
      {space.threads.length === 0 ? (
        <EmptyState icon={<IconMessages size={28} aria-hidden />} title="No threads yet">
          Start the first one: a question, a resource, an introduction.
        </EmptyState>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Threads">
          {space.threads.map((t) => (
            <li key={t.id}>
              <Card withBorder p="sm">
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Stack gap={2} style={{ minWidth: 0 }}>
                    <Anchor component={Link} to={threadPath(t.id)} fw={600}>
                      {t.title}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {t.author.name} · {t.replyCount} {t.replyCount === 1 ? 'reply' : 'replies'} · last activity{' '}
                      {new Date(t.lastPostAt).toLocaleString()}
                    </Text>
                  </Stack>
                  <ThreadStateBadges thread={t} />
                </Group>
              </Card>
            </li>
          ))}
        </Stack>
      )}
      <Card withBorder component="section" aria-labelledby="new-thread-heading">
        <Stack gap="sm">
          <Title order={2} size="h4" id="new-thread-heading">
            Start a thread
          </Title>
          <NewThreadForm spaceId={space.id} />
        </Stack>
      </Card>
    </Stack>
  );
}

function People({ space }: { space: Space }) {
  const peers = usePeers(space.id);
  const remove = useRemoveMember(space.id);
  const [talkingTo, setTalkingTo] = useState<{ id: string; name: string } | null>(null);
  if (peers.isPending) return <PageLoader label="Loading people" />;
  if (peers.isError) return <ErrorState error={peers.error} onRetry={() => void peers.refetch()} />;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Only people who turned on their directory card are listed. Set up yours on the{' '}
        <Anchor component={Link} to="/community">
          Community page
        </Anchor>
        .
      </Text>
      {peers.data.length === 0 ? (
        <EmptyState icon={<IconMessages size={28} aria-hidden />} title="Nobody listed yet">
          Be the first: turn on your directory card.
        </EmptyState>
      ) : (
        <SimpleGrid
          cols={{ base: 1, sm: 2, md: 3 }}
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label="People"
        >
          {peers.data.map((p) => (
            <li key={p.id}>
              <Card withBorder h="100%" component="article" aria-label={p.name}>
                <Stack gap={6}>
                  <Text fw={650}>
                    {p.name}
                    {p.isMe ? ' (you)' : ''}
                  </Text>
                  {p.headline ? <Text size="sm">{p.headline}</Text> : null}
                  {p.skills.length > 0 ? (
                    <Group gap={4} aria-label="Skills">
                      {p.skills.map((skill) => (
                        <Badge key={skill} variant="outline" tt="none" fw={500}>
                          {skill}
                        </Badge>
                      ))}
                    </Group>
                  ) : null}
                  {p.credentials.length > 0 ? (
                    <Text size="xs" c="dimmed">
                      Holds: {p.credentials.map((c) => `${c.name} (${c.issuerName})`).join('; ')}
                    </Text>
                  ) : null}
                  <Group gap="xs">
                    {p.canMessage ? (
                      <Button size="xs" variant="light" onClick={() => setTalkingTo({ id: p.id, name: p.name })}>
                        Message
                      </Button>
                    ) : null}
                    {space.canModerate && space.kind === 'cohort' && !p.isMe ? (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        loading={remove.isPending}
                        onClick={() =>
                          remove.mutate(p.id, {
                            onSuccess: () => notifications.show({ message: `${p.name} was removed from the cohort` }),
                            onError: (error) => notifications.show({ message: errorMessage(error), color: 'red' }),
                          })
                        }
                      >
                        Remove from cohort
                      </Button>
                    ) : null}
                  </Group>
                </Stack>
              </Card>
            </li>
          ))}
        </SimpleGrid>
      )}
      {space.kind === 'cohort' ? (
        <ConversationDrawer cohortId={space.id} peer={talkingTo} onClose={() => setTalkingTo(null)} />
      ) : null}
    </Stack>
  );
}

function Reports({ space }: { space: Space }) {
  if (space.openReports.length === 0)
    return (
      <EmptyState icon={<IconFlag size={28} aria-hidden />} title="No open reports">
        Reports about threads and replies appear here.
      </EmptyState>
    );
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Open reports">
      {space.openReports.map((r) => (
        <li key={r.id}>
          <Card withBorder p="sm">
            <Text size="sm">
              {r.postId ? 'A reply in ' : 'The thread '}
              <Anchor component={Link} to={threadPath(r.threadId)}>
                {r.threadTitle}
              </Anchor>
              : “{r.reason}” ({new Date(r.createdAt).toLocaleString()})
            </Text>
          </Card>
        </li>
      ))}
    </Stack>
  );
}
