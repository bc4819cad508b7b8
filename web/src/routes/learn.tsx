import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  NavLink,
  Paper,
  Progress,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconArrowLeft,
  IconArrowRight,
  IconCertificate,
  IconCheck,
  IconExternalLink,
  IconMapSearch,
  IconPlayerPlay,
} from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useReadingTime } from '../features/learning/assessment-api';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../api/client';
import type { EnrolmentDetail, LearnerModule } from '../api/types';
import { ConfirmDialog } from '../components/confirm-dialog';
import { EmptyState, ErrorState, PageLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { minutesLabel, programmePath } from '../features/catalog/catalog-format';
import { AssignmentPanel } from '../features/learning/assignment-panel';
import { useCompleteModule, useEnrolment, useWithdraw } from '../features/learning/learning-api';
import { ModuleStateBadge, ModuleStateIcon, moduleStateView } from '../features/learning/module-state';
import { QuizPanel } from '../features/learning/quiz-panel';
import { MarkdownText } from '../features/markdown/markdown';
import { CompletionPathways } from '../features/pathways/completion-pathways';

function ModuleContent({
  enrolment,
  module: m,
  isReadOnly,
  onNext,
}: {
  enrolment: EnrolmentDetail;
  module: LearnerModule;
  isReadOnly: boolean;
  onNext?: () => void;
}) {
  const complete = useCompleteModule(enrolment.id);
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Group gap="sm">
          <Text size="sm" c="dimmed">
            Module {enrolment.modules.indexOf(m) + 1} of {enrolment.modules.length} · {minutesLabel(m.estimatedMinutes)}
          </Text>
          <ModuleStateBadge state={m.state} />
        </Group>
        <Title order={2} style={{ overflowWrap: 'anywhere' }}>
          {m.title}
        </Title>
      </Stack>
      {m.content ? <MarkdownText>{m.content}</MarkdownText> : null}
      {m.links.length > 0 ? (
        <Stack gap={6} component="section" aria-label="Links">
          <Title order={3} fz="md">
            {m.links.some((l) => l.kind === 'video') ? 'Watch and read' : 'Read more'}
          </Title>
          {m.links.map((link) => (
            <Anchor
              key={link.url}
              href={link.url}
              target="_blank"
              rel="noopener noreferrer"
              style={{ overflowWrap: 'anywhere' }}
            >
              <Group gap={6} wrap="nowrap" component="span">
                {link.kind === 'video' ? (
                  <IconPlayerPlay size={16} aria-hidden />
                ) : (
                  <IconExternalLink size={16} aria-hidden />
                )}
                <span>
                  {link.kind === 'video' ? 'Video: ' : ''}
                  {link.title || link.url}
                </span>
              </Group>
            </Anchor>
          ))}
        </Stack>
      ) : null}

      {m.activity?.type === 'quiz' ? (
        <QuizPanel key={m.id} enrolmentId={enrolment.id} moduleId={m.id} quiz={m.activity} isReadOnly={isReadOnly} />
      ) : m.activity?.type === 'assignment' ? (
        <AssignmentPanel
          key={m.id}
          enrolmentId={enrolment.id}
          moduleId={m.id}
          assignment={m.activity}
          state={m.state}
          isReadOnly={isReadOnly}
        />
      ) : m.state === 'done' ? (
        <Group gap={6}>
          <IconCheck size={18} color="var(--mantine-color-teal-6)" aria-hidden />
          <Text>You marked this module as done.</Text>
        </Group>
      ) : !isReadOnly ? (
        <Stack gap="xs" align="flex-start">
          {complete.isError ? (
            <Alert color="red" role="alert">
              {complete.error.message}
            </Alert>
          ) : null}
          <Button
            leftSection={<IconCheck size={18} aria-hidden />}
            loading={complete.isPending}
            onClick={() => complete.mutate(m.id, { onSuccess: (detail) => detail.status === 'active' && onNext?.() })}
          >
            Mark as done
          </Button>
        </Stack>
      ) : null}
    </Stack>
  );
}

/** `/learn/:enrolmentId`: one programme, module by module, resuming where the learner left off. */
export default function LearnPage() {
  const { enrolmentId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const enrolment = useEnrolment(enrolmentId);
  const withdraw = useWithdraw(enrolmentId);
  const [isWithdrawOpen, setWithdrawOpen] = useState(false);
  const headingRef = useRef<HTMLDivElement>(null);
  usePageTitle(enrolment.data?.programme.title ?? 'Learning');

  const data = enrolment.data;
  const requested = params.get('module');
  const current =
    data?.modules.find((m) => m.id === requested) ??
    data?.modules.find((m) => m.id === data.nextModuleId) ??
    data?.modules[0];

  useReadingTime(enrolmentId, current?.id ?? null, data?.status === 'active');

  // Moving between modules puts the reader at the top of the new one.
  useEffect(() => {
    if (requested) headingRef.current?.focus();
  }, [requested]);

  if (enrolment.isPending) return <PageLoader label="Loading your programme" />;
  if (enrolment.isError) {
    if (isApiError(enrolment.error) && (enrolment.error.status === 404 || enrolment.error.status === 403)) {
      return (
        <EmptyState
          icon={<IconMapSearch size={28} />}
          title="No enrolment here"
          action={
            <Button component={Link} to="/me">
              Go to My learning
            </Button>
          }
        >
          This enrolment does not exist or is not yours.
        </EmptyState>
      );
    }
    return <ErrorState error={enrolment.error} onRetry={() => void enrolment.refetch()} />;
  }
  const e = enrolment.data;
  const isReadOnly = e.status !== 'active';
  const index = current ? e.modules.indexOf(current) : -1;
  const prev = index > 0 ? e.modules[index - 1] : undefined;
  const next = index >= 0 && index < e.modules.length - 1 ? e.modules[index + 1] : undefined;
  const go = (id: string) => setParams({ module: id });

  const moduleNav = (
    <Stack gap={2} component="nav" aria-label="Modules">
      {e.modules.map((m, i) => (
        <NavLink
          key={m.id}
          component="button"
          type="button"
          active={m.id === current?.id}
          aria-current={m.id === current?.id ? 'step' : undefined}
          onClick={() => go(m.id)}
          leftSection={<ModuleStateIcon state={m.state} />}
          label={`${i + 1}. ${m.title}`}
          description={`${moduleStateView[m.state].label} · ${minutesLabel(m.estimatedMinutes)}`}
          style={{ borderRadius: 8 }}
        />
      ))}
    </Stack>
  );

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Anchor component={Link} to="/me" size="sm">
          <Group gap={4} component="span">
            <IconArrowLeft size={14} aria-hidden />
            My learning
          </Group>
        </Anchor>
        <Group justify="space-between" align="flex-start">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Title order={1} style={{ overflowWrap: 'anywhere' }}>
              {e.programme.title}
            </Title>
            <Text c="dimmed" size="sm">
              {e.programme.providerName} · version {e.programme.versionNumber} ·{' '}
              <Anchor component={Link} to={programmePath(e.programme.providerSlug, e.programme.slug)} size="sm">
                Programme page
              </Anchor>
            </Text>
          </Stack>
          {e.status === 'active' ? (
            <Button variant="subtle" color="red" onClick={() => setWithdrawOpen(true)}>
              Withdraw
            </Button>
          ) : (
            <Badge size="lg" variant="light" color={e.status === 'completed' ? 'teal' : 'gray'}>
              {e.status === 'completed' ? 'Completed' : 'Withdrawn'}
            </Badge>
          )}
        </Group>
        <Stack gap={4}>
          <Progress
            value={e.progress.percent}
            size="lg"
            aria-label={`Progress: ${e.progress.done} of ${e.progress.total} modules done`}
            color={e.status === 'completed' ? 'teal' : undefined}
          />
          <Text size="sm" c="dimmed">
            {e.progress.done} of {e.progress.total} modules done ({e.progress.percent}%)
            {e.overall.percent !== null ? ` · overall score ${e.overall.percent}%` : ''}
            {e.overall.passMark !== null ? `, pass mark ${e.overall.passMark}%` : ''}
          </Text>
        </Stack>
      </Stack>

      {e.status === 'completed' ? (
        <Alert color="teal" icon={<IconCertificate aria-hidden />} title="You completed this programme" role="status">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              {e.completedAt ? `Completed on ${dayjs(e.completedAt).format('D MMMM YYYY')}. ` : ''}
              {e.credentialId
                ? 'Your signed credential is ready to share.'
                : 'Your credential is being issued; it will appear under My credentials.'}
            </Text>
            {e.credentialId ? (
              <Button component={Link} to={`/credentials/${e.credentialId}`} color="teal" size="sm">
                See your credential
              </Button>
            ) : null}
            {/* Pathways it completes are awarded in the background: shown here as they arrive. */}
            {e.credentialId ? <CompletionPathways credentialId={e.credentialId} /> : null}
          </Stack>
        </Alert>
      ) : e.status === 'withdrawn' ? (
        <Alert color="gray" title="You withdrew from this programme">
          Your work is kept but you cannot continue this enrolment. You can enrol again from the programme page.
        </Alert>
      ) : null}

      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 4 }} visibleFrom="md">
          <Paper withBorder p="xs" bg="white">
            {moduleNav}
          </Paper>
        </Grid.Col>
        <Grid.Col span={12} hiddenFrom="md">
          <Select
            label="Module"
            value={current?.id ?? null}
            onChange={(v) => v && go(v)}
            allowDeselect={false}
            data={e.modules.map((m, i) => ({
              value: m.id,
              label: `${i + 1}. ${m.title} (${moduleStateView[m.state].label})`,
            }))}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper
            withBorder
            p={{ base: 'md', sm: 'xl' }}
            bg="white"
            ref={headingRef}
            tabIndex={-1}
            style={{ outline: 'none' }}
          >
            {current ? (
              <Stack gap="xl">
                <ModuleContent
                  enrolment={e}
                  module={current}
                  isReadOnly={isReadOnly}
                  onNext={next ? () => go(next.id) : undefined}
                />
                <Group justify="space-between">
                  {prev ? (
                    <Button
                      variant="default"
                      leftSection={<IconArrowLeft size={16} aria-hidden />}
                      onClick={() => go(prev.id)}
                    >
                      Previous
                    </Button>
                  ) : (
                    <span />
                  )}
                  {next ? (
                    <Button
                      variant="light"
                      rightSection={<IconArrowRight size={16} aria-hidden />}
                      onClick={() => go(next.id)}
                    >
                      Next module
                    </Button>
                  ) : null}
                </Group>
              </Stack>
            ) : (
              <Text c="dimmed">This programme has no modules.</Text>
            )}
          </Paper>
        </Grid.Col>
      </Grid>

      <ConfirmDialog
        opened={isWithdrawOpen}
        title="Withdraw from this programme?"
        confirmLabel="Withdraw"
        onClose={() => setWithdrawOpen(false)}
        isPending={withdraw.isPending}
        error={withdraw.error}
        onConfirm={() =>
          withdraw.mutate(undefined, {
            onSuccess: () => {
              setWithdrawOpen(false);
              notifications.show({ title: 'Withdrawn', message: `You withdrew from ${e.programme.title}.` });
            },
          })
        }
      >
        You will stop working on {e.programme.title}. No credential is issued for a withdrawn enrolment.
      </ConfirmDialog>
    </Stack>
  );
}
