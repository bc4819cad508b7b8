import { Alert, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChecks } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { JobFailure } from '../api/types';
import { errorMessage, isApiError } from '../api/client';
import { EmptyState, ErrorState, PageLoader, RestrictedNotice } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { JOBS_REFRESH_MS, useJobsOverview, useRetryJob } from '../features/admin/admin-api';
import { FailuresTable } from '../features/admin/failures-table';
import { QueuesTable } from '../features/admin/queues-table';

/** `/admin/jobs`: the instance's background work, for operators (CAIRN_OPERATOR_EMAILS). */
export default function AdminJobsPage() {
  usePageTitle('Background jobs');
  const [isLive, setIsLive] = useState(true);
  const overview = useJobsOverview(isLive);
  const retry = useRetryJob();
  const [retryingId, setRetryingId] = useState<string | null>(null);

  const onRetry = (failure: JobFailure) => {
    setRetryingId(failure.id);
    retry.mutate(failure, {
      onSuccess: (outcome) =>
        notifications.show(
          outcome.isRetried
            ? { title: 'Job queued again', message: `It runs in ${outcome.job.queue} as job ${outcome.job.id}.` }
            : {
                title: 'Already retried',
                message: `This failure was run again before; it is now ${outcome.job.state}.`,
              },
        ),
      onError: (error) =>
        notifications.show({ color: 'red', title: 'Could not retry the job', message: errorMessage(error) }),
      onSettled: () => setRetryingId(null),
    });
  };

  if (overview.isError && !overview.data && isApiError(overview.error) && overview.error.status === 403) {
    return (
      <RestrictedNotice title="Only instance operators see background jobs">
        {overview.error.userMessage}
      </RestrictedNotice>
    );
  }

  let queues;
  let failures;
  if (overview.isPending) {
    queues = <PageLoader label="Loading the job queues" />;
  } else if (!overview.data) {
    queues = <ErrorState error={overview.error} onRetry={() => void overview.refetch()} />;
  } else {
    queues = <QueuesTable queues={overview.data.queues} labelledBy="queues-heading" />;
    failures =
      overview.data.recentFailures.length === 0 ? (
        <EmptyState icon={<IconChecks size={26} />} title="No failed jobs">
          Jobs that fail every attempt land here with their last error, so you can fix the cause and run them again.
        </EmptyState>
      ) : (
        <FailuresTable
          failures={overview.data.recentFailures}
          labelledBy="failures-heading"
          retryingId={retryingId}
          onRetry={onRetry}
        />
      );
  }

  return (
    <Stack gap="xl">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4} maw={720}>
          <Title order={1}>Background jobs</Title>
          <Text c="dimmed">
            Mail, webhooks, pathway awards and scheduled work run as jobs with retries. A job that fails every attempt
            becomes a dead letter and waits here.
          </Text>
        </Stack>
        <Stack gap={4} align="flex-end">
          <Switch
            checked={isLive}
            onChange={(event) => setIsLive(event.currentTarget.checked)}
            label={`Refresh every ${JOBS_REFRESH_MS / 1000} seconds`}
          />
          {overview.dataUpdatedAt > 0 ? (
            <Text size="xs" c="dimmed">
              Updated {dayjs(overview.dataUpdatedAt).format('HH:mm:ss')}
            </Text>
          ) : null}
        </Stack>
      </Group>
      {overview.isError && overview.data ? (
        <Alert color="orange" title="The last refresh failed" role="status">
          {errorMessage(overview.error)} The figures below are from {dayjs(overview.dataUpdatedAt).format('HH:mm:ss')}.
        </Alert>
      ) : null}
      <Stack gap="sm">
        <Title order={2} fz="h3" id="queues-heading">
          Queues
        </Title>
        <Paper withBorder p="lg" bg="white">
          {queues}
        </Paper>
      </Stack>
      {failures ? (
        <Stack gap="sm">
          <Title order={2} fz="h3" id="failures-heading">
            Failures waiting for you
          </Title>
          <Paper withBorder p="lg" bg="white">
            {failures}
          </Paper>
        </Stack>
      ) : null}
    </Stack>
  );
}
