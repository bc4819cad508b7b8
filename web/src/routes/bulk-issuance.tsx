import { useState } from 'react';
import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Button,
  FileInput,
  Group,
  Loader,
  Paper,
  Progress,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../components/use-page-title';
import { useMicrocredentials } from '../features/authoring/authoring-api';
import {
  jobUrl,
  useCancelIssuanceJob,
  useCreateIssuanceJob,
  useIssuanceJobEvents,
  useIssuanceJobs,
  usePreviewIssuance,
  type IssuanceJob,
  type IssuanceJobPreview,
} from '../features/credentials/bulk-issuance-api';
import { useOrg } from '../features/orgs/orgs-api';
import { canIssueCredentials, isIssuingOrg } from '../features/orgs/roles';
import { CsvProblems } from '../components/csv-problems';
import { DataTable } from '../components/data-table';
import { RequestError } from '../components/request-error';
import { RestrictedNotice } from '../components/page-states';

const statusColor: Record<IssuanceJob['status'], string> = {
  queued: 'gray',
  running: 'blue',
  succeeded: 'green',
  failed: 'red',
  cancelled: 'orange',
};

function JobProgress({ slug, id }: { slug: string; id: string }) {
  const { job, isBroken } = useIssuanceJobEvents(slug, id);
  const cancel = useCancelIssuanceJob(slug);
  if (isBroken && !job)
    return (
      <Alert color="red" role="alert">
        The progress of this job could not be loaded. Reload the page to try again.
      </Alert>
    );
  if (!job) return <Loader size="sm" aria-label="Loading progress" />;
  const done = job.issued + job.failed;
  const percent = job.total > 0 ? Math.round((100 * done) / job.total) : 100;
  const isOpen = job.status === 'queued' || job.status === 'running';
  return (
    <Stack gap="xs" aria-live="polite">
      <Group justify="space-between">
        <Text fw={600}>
          {done.toLocaleString()} of {job.total.toLocaleString()} rows · {job.issued.toLocaleString()} issued ·{' '}
          {job.failed.toLocaleString()} failed
        </Text>
        <Badge color={statusColor[job.status]}>{job.status}</Badge>
      </Group>
      {/* The section is the progressbar: Mantine gives it role and aria-valuenow/min/max. */}
      <Progress.Root size="lg">
        <Progress.Section value={percent} aria-label="Issuing progress" />
      </Progress.Root>
      <Text size="sm" c="dimmed">
        {job.rate !== null ? `${job.rate.toLocaleString()} rows per second` : 'Waiting to start'}
        {job.secondsLeft !== null ? ` · about ${job.secondsLeft} s left` : ''}
      </Text>
      <Group>
        {isOpen ? (
          <Button variant="default" color="red" loading={cancel.isPending} onClick={() => cancel.mutate(id)}>
            Cancel
          </Button>
        ) : null}
        {!isOpen && job.failed > 0 ? (
          <Button
            component="a"
            href={jobUrl(slug, id, '/errors.csv')}
            download
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            Download errors ({job.failed})
          </Button>
        ) : null}
      </Group>
      <RequestError error={cancel.error} />
    </Stack>
  );
}

function PreviewTable({ preview }: { preview: IssuanceJobPreview }) {
  const problems = preview.rows.filter((r) => r.errors.length > 0);
  return (
    <Stack gap="xs">
      <Text>
        {preview.total.toLocaleString()} rows: <strong>{preview.valid.toLocaleString()} ready</strong>,{' '}
        {preview.invalid.toLocaleString()} with problems (they are skipped and listed in the errors file).
      </Text>
      {preview.fileErrors.length > 0 ? (
        <Alert color="red" role="alert" title="This file cannot be issued">
          <ul>
            {preview.fileErrors.map((e) => (
              <li key={`${e.line}-${e.column ?? ''}-${e.message}`}>
                Line {e.line}
                {e.column ? `, column ${e.column}` : ''}: {e.message}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {preview.errors.length > 0 ? (
        <CsvProblems problems={preview.errors.slice(0, 200)} label="Rows with problems" />
      ) : problems.length === 0 && preview.fileErrors.length === 0 ? (
        <Text c="green.8">Every row is ready to issue.</Text>
      ) : null}
    </Stack>
  );
}

export default function BulkIssuancePage() {
  const { slug = '' } = useParams();
  const { data: org } = useOrg(slug);
  const programmes = useMicrocredentials(slug);
  const jobs = useIssuanceJobs(slug);
  const preview = usePreviewIssuance(slug);
  const create = useCreateIssuanceJob(slug);
  const [microcredentialId, setMicrocredentialId] = useState<string | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [activeJob, setActiveJob] = useState<string | undefined>();
  usePageTitle('Issue in bulk');
  if (!org) return null;

  const heading = (
    <Stack gap={4}>
      <Breadcrumbs>
        <Anchor component={Link} to={`/o/${slug}/credentials`} size="sm">
          Credentials
        </Anchor>
        <Text size="sm" c="dimmed">
          Issue in bulk
        </Text>
      </Breadcrumbs>
      <Title order={1}>Issue in bulk</Title>
      <Text c="dimmed">
        Upload a CSV with one row per learner: {org.name} issues and mails each of them a signed Open Badges 3.0
        credential.
      </Text>
    </Stack>
  );
  if (!isIssuingOrg(org.roles) || !canIssueCredentials(org.myRole)) {
    return (
      <Stack gap="xl">
        {heading}
        <RestrictedNotice title="You cannot issue credentials here">
          Owners, admins, authors and assessors of issuing organisations issue credentials.
        </RestrictedNotice>
      </Stack>
    );
  }
  const published = (programmes.data ?? []).filter((p) => p.publishedVersion !== null);
  const canPreview = microcredentialId !== null && file !== null;
  const run = (action: typeof preview | typeof create) => canPreview && action.mutate({ microcredentialId, file });

  return (
    <Stack gap="xl" maw={960}>
      {heading}
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} bg="white">
        <Stack>
          {programmes.isPending ? <Loader size="sm" aria-label="Loading micro-credentials" /> : null}
          <RequestError error={programmes.error} />
          {programmes.isSuccess && published.length === 0 ? (
            <Alert color="blue">Publish a micro-credential first: only published ones can be issued.</Alert>
          ) : null}
          <Select
            label="Micro-credential"
            placeholder="Choose a published micro-credential"
            data={published.map((p) => ({ value: p.id, label: p.title }))}
            value={microcredentialId}
            onChange={(value) => {
              setMicrocredentialId(value);
              preview.reset();
            }}
            required
          />
          {microcredentialId ? (
            <Anchor
              href={`/api/v1/orgs/${encodeURIComponent(slug)}/issuance-jobs/template.csv?microcredentialId=${microcredentialId}`}
              download
              size="sm"
            >
              Download a template CSV for this micro-credential
            </Anchor>
          ) : null}
          <FileInput
            label="CSV file"
            description="Columns: email (required), name, issued_on, expires_on, evidence_url, external_id, score and the results by name. Up to 200,000 rows, 20 MB."
            placeholder="Choose a .csv file"
            accept=".csv,text/csv"
            value={file}
            onChange={(value) => {
              setFile(value);
              preview.reset();
            }}
            leftSection={<IconUpload size={16} aria-hidden />}
            clearable
            clearButtonProps={{ 'aria-label': 'Remove the file' }}
            required
          />
          <Group>
            <Button variant="default" disabled={!canPreview} loading={preview.isPending} onClick={() => run(preview)}>
              Check the file
            </Button>
            <Button
              disabled={!preview.data || preview.data.fileErrors.length > 0 || preview.data.valid === 0}
              loading={create.isPending}
              onClick={() =>
                canPreview && create.mutate({ microcredentialId, file }, { onSuccess: (r) => setActiveJob(r.id) })
              }
            >
              Issue {preview.data ? preview.data.valid.toLocaleString() : ''} credentials
            </Button>
          </Group>
          <RequestError error={preview.error} />
          <RequestError error={create.error} />
          {preview.data ? <PreviewTable preview={preview.data} /> : null}
          {activeJob ? <JobProgress slug={slug} id={activeJob} /> : null}
        </Stack>
      </Paper>
      <Stack gap="xs">
        <Title order={2} size="h3">
          Past jobs
        </Title>
        {jobs.isPending ? <Loader size="sm" aria-label="Loading jobs" /> : null}
        <RequestError error={jobs.error} />
        {jobs.isSuccess && jobs.data.length === 0 ? <Text c="dimmed">No bulk issuance yet.</Text> : null}
        {jobs.isSuccess && jobs.data.length > 0 ? (
          <DataTable
            rows={jobs.data}
            rowKey={(j) => j.id}
            label="Bulk issuance jobs"
            minWidth={560}
            columns={[
              { header: 'Started', cell: (j) => new Date(j.createdAt).toLocaleString() },
              { header: 'File', cell: (j) => j.fileName ?? 'JSON rows' },
              { header: 'Status', cell: (j) => <Badge color={statusColor[j.status]}>{j.status}</Badge> },
              { header: 'Issued', cell: (j) => `${j.issued.toLocaleString()} / ${j.total.toLocaleString()}` },
              { header: 'Failed', cell: (j) => j.failed.toLocaleString() },
              {
                header: 'Errors',
                cell: (j) =>
                  j.failed > 0 ? (
                    <Anchor href={jobUrl(slug, j.id, '/errors.csv')} download>
                      errors.csv
                    </Anchor>
                  ) : (
                    '—'
                  ),
              },
            ]}
          />
        ) : null}
      </Stack>
    </Stack>
  );
}
