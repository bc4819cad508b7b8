import { Alert, Anchor, Breadcrumbs, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../api/client';
import { FormAlert } from '../components/form-alert';
import { ErrorState, PageLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { useProblemSubmit } from '../components/use-problem-submit';
import { spacePath, useModeration, useReply, useThread } from '../features/community/community-api';
import { ReportButton } from '../features/community/report-button';
import { MarkdownText } from '../features/markdown/markdown';
import { ThreadStateBadges } from '../features/community/thread-state-badges';

/** One thread: the opening message, its replies, a reply box, and moderation for those who may. */
export default function CommunityThreadPage() {
  const { threadId = '' } = useParams();
  const thread = useThread(threadId);
  const reply = useReply(threadId);
  const moderation = useModeration(threadId);
  const form = useForm({ initialValues: { body: '' } });
  const { onSubmit, formError } = useProblemSubmit(form, async (values) => {
    await reply.mutateAsync(values);
    form.reset();
  });
  usePageTitle(thread.data?.title ?? 'Thread');
  if (thread.isPending) return <PageLoader label="Loading the thread" />;
  if (thread.isError) return <ErrorState error={thread.error} onRetry={() => void thread.refetch()} />;
  const t = thread.data;
  const canModerate = t.space.canModerate;
  const failed = (error: unknown) => notifications.show({ message: errorMessage(error), color: 'red' });
  const canReply = !t.isLocked || canModerate;

  return (
    <Stack gap="lg">
      <Breadcrumbs separator="›">
        <Anchor component={Link} to="/community" size="sm">
          Community
        </Anchor>
        <Anchor component={Link} to={spacePath(t.space.id)} size="sm">
          {t.space.cohort ? `${t.space.programme.title}: ${t.space.cohort.name}` : t.space.programme.title}
        </Anchor>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start">
        <Title order={1}>{t.title}</Title>
        <ThreadStateBadges thread={t} />
      </Group>
      {canModerate ? (
        <Group gap="xs" aria-label="Moderation">
          <Button
            size="xs"
            variant="default"
            loading={moderation.lock.isPending}
            onClick={() => moderation.lock.mutate(!t.isLocked, { onError: failed })}
          >
            {t.isLocked ? 'Unlock thread' : 'Lock thread'}
          </Button>
          <Button
            size="xs"
            variant="default"
            loading={moderation.hideThread.isPending}
            onClick={() => moderation.hideThread.mutate(!t.isHidden, { onError: failed })}
          >
            {t.isHidden ? 'Show thread' : 'Hide thread'}
          </Button>
        </Group>
      ) : null}
      <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Messages in this thread">
        <li>
          <Card withBorder component="article" aria-label={`${t.author.name} wrote`}>
            <Text size="sm" c="dimmed" mb={4}>
              {t.author.name} · {new Date(t.createdAt).toLocaleString()}
            </Text>
            <MarkdownText>{t.body}</MarkdownText>
            <Group gap="xs">
              <ReportButton target={{ threadId: t.id }} what="this thread" />
            </Group>
          </Card>
        </li>
        {t.posts.map((p) => (
          <li key={p.id}>
            <Card withBorder component="article" aria-label={`${p.author.name} replied`} opacity={p.isHidden ? 0.6 : 1}>
              <Group justify="space-between">
                <Text size="sm" c="dimmed" mb={4}>
                  {p.author.name} · {new Date(p.createdAt).toLocaleString()}
                  {p.isHidden ? ' · hidden' : ''}
                </Text>
              </Group>
              <MarkdownText>{p.body}</MarkdownText>
              <Group gap="xs">
                <ReportButton target={{ postId: p.id }} what={`${p.author.name}’s reply`} />
                {canModerate ? (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    onClick={() => moderation.hidePost.mutate({ id: p.id, isHidden: !p.isHidden }, { onError: failed })}
                  >
                    {p.isHidden ? 'Show reply' : 'Hide reply'}
                  </Button>
                ) : null}
              </Group>
            </Card>
          </li>
        ))}
      </Stack>
      {canReply ? (
        <form onSubmit={onSubmit} noValidate aria-label="Reply">
          <Stack gap="xs">
            <FormAlert message={formError} />
            <Textarea
              label="Your reply"
              description="Markdown works. Mention someone with @ and their full name."
              required
              autosize
              minRows={3}
              {...form.getInputProps('body')}
            />
            <Button type="submit" loading={reply.isPending} w="fit-content">
              Reply
            </Button>
          </Stack>
        </form>
      ) : (
        <Alert color="gray" icon={<IconLock size={18} aria-hidden />}>
          This thread is locked: it takes no more replies.
        </Alert>
      )}
    </Stack>
  );
}
