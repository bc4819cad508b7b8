import { Alert, Anchor, Button, Card, Group, Progress, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { DataTable } from '../components/data-table';
import { PageHeader } from '../components/page-header';
import { ErrorState, PageLoader } from '../components/page-states';
import { RequestError } from '../components/request-error';
import { usePageTitle } from '../components/use-page-title';
import { auditPackUrl, useCpdPresets, useCpdRecord, useDeleteActivity, useSetScheme } from '../features/cpd/cpd-api';
import { LogActivityModal } from '../features/cpd/log-activity-modal';

const categoryLabel = { structured: 'Structured', 'self-directed': 'Self-directed' } as const;

function SchemePicker({ current }: { current: string | null }) {
  const presets = useCpdPresets();
  const setScheme = useSetScheme();
  return (
    <Stack gap={4}>
      <Select
        label="CPD scheme"
        placeholder="Choose a scheme"
        data={(presets.data ?? []).map((p) => ({ value: p.preset ?? '', label: p.name }))}
        value={current}
        onChange={(preset) => preset && setScheme.mutate({ preset })}
        disabled={setScheme.isPending}
        maw={420}
      />
      <RequestError error={setScheme.error} />
    </Stack>
  );
}

/** `/me/cpd`: my CPD record for a period, against my scheme's target; log activities; the audit pack. */
export default function MyCpdPage() {
  usePageTitle('My CPD');
  const [period, setPeriod] = useState<number | null>(null);
  const record = useCpdRecord(period);
  const remove = useDeleteActivity();
  const [isLogging, setLogging] = useState(false);
  const year = new Date().getFullYear();
  const [range, setRange] = useState({ from: `${year}-01-01`, to: `${year}-12-31` });
  let body;
  if (record.isPending) body = <PageLoader label="Loading your CPD record" />;
  else if (record.isError) body = <ErrorState error={record.error} onRetry={() => void record.refetch()} />;
  else {
    const r = record.data;
    const percent = r.target > 0 ? Math.min(100, Math.round((r.done / r.target) * 100)) : 0;
    body = (
      <Stack gap="lg">
        <Card withBorder bg="white">
          <Stack gap="sm">
            <SchemePicker current={r.scheme?.preset ?? null} />
            {r.scheme ? (
              <>
                <Title order={2} fz="lg" id="progress-heading">
                  {r.period.label}: {r.done} of {r.target} {r.unit}
                  {r.isMet ? ' — target met' : ''}
                </Title>
                <Progress value={percent} aria-labelledby="progress-heading" size="lg" />
                <DataTable
                  labelledBy="progress-heading"
                  minWidth={420}
                  rows={r.byCategory}
                  rowKey={(c) => c.category}
                  columns={[
                    { header: 'Category', isRowHeader: true, cell: (c) => categoryLabel[c.category] },
                    { header: 'Logged', cell: (c) => c.logged, align: 'right' },
                    { header: 'Counts', cell: (c) => c.counted, align: 'right' },
                    { header: 'Cap', cell: (c) => (c.cap === null ? 'none' : c.cap), align: 'right' },
                  ]}
                />
                {r.carriedIn > 0 ? <Text size="sm">Carried over from last period: {r.carriedIn}</Text> : null}
              </>
            ) : (
              <Alert color="blue">Choose a scheme to see your progress against its target.</Alert>
            )}
          </Stack>
        </Card>

        <Group justify="space-between" align="flex-end">
          <Title order={2} fz="lg" id="entries-heading">
            Activities ({r.period.from} to {r.period.to})
          </Title>
          <Group gap="xs">
            <Button variant="default" size="sm" onClick={() => setPeriod(r.period.period - 1)}>
              Previous period
            </Button>
            <Button variant="default" size="sm" onClick={() => setPeriod(r.period.period + 1)}>
              Next period
            </Button>
          </Group>
        </Group>
        {r.entries.length === 0 ? (
          <Text c="dimmed">
            Nothing logged in this period. Credentials you earn are added automatically; log other activities yourself.
          </Text>
        ) : (
          <DataTable
            labelledBy="entries-heading"
            minWidth={760}
            rows={r.entries}
            rowKey={(e) => e.id}
            columns={[
              { header: 'Date', cell: (e) => e.date },
              {
                header: 'Activity',
                isRowHeader: true,
                cell: (e) =>
                  e.credentialId ? (
                    <Anchor component={Link} to={`/credentials/${e.credentialId}`}>
                      {e.title}
                    </Anchor>
                  ) : (
                    <Stack gap={2}>
                      <Text size="sm">{e.title}</Text>
                      {e.learned ? (
                        <Text size="xs" c="dimmed">
                          Learned: {e.learned}
                        </Text>
                      ) : null}
                      {e.application ? (
                        <Text size="xs" c="dimmed">
                          Applying: {e.application}
                        </Text>
                      ) : null}
                    </Stack>
                  ),
              },
              { header: 'Hours', cell: (e) => e.hours, align: 'right' },
              { header: 'Category', cell: (e) => categoryLabel[e.category] },
              { header: 'Source', cell: (e) => (e.source === 'credential' ? 'Credential' : 'Self-logged') },
              {
                header: 'Action',
                cell: (e) =>
                  e.source === 'self' ? (
                    <Button
                      size="xs"
                      variant="subtle"
                      color="red"
                      aria-label={`Delete ${e.title}`}
                      loading={remove.isPending && remove.variables === e.id}
                      onClick={() => remove.mutate(e.id)}
                    >
                      Delete
                    </Button>
                  ) : null,
              },
            ]}
          />
        )}

        <Card withBorder bg="white">
          <Stack gap="sm">
            <Title order={2} fz="lg">
              Audit pack
            </Title>
            <Text size="sm" c="dimmed">
              A ZIP for an auditor: a PDF summary, the entries as CSV, your evidence files, and each credential as
              signed, which anyone can verify.
            </Text>
            <Group align="flex-end">
              <TextInput
                type="date"
                label="From"
                value={range.from}
                onChange={(e) => setRange({ ...range, from: e.currentTarget.value })}
              />
              <TextInput
                type="date"
                label="To"
                value={range.to}
                onChange={(e) => setRange({ ...range, to: e.currentTarget.value })}
              />
              <Button
                component="a"
                href={auditPackUrl(range.from, range.to)}
                download
                leftSection={<IconDownload size={16} aria-hidden />}
              >
                Download audit pack
              </Button>
            </Group>
          </Stack>
        </Card>
      </Stack>
    );
  }
  return (
    <Stack gap="xl">
      <PageHeader
        title="My CPD"
        description="Continuing professional development: hours from your credentials and the activities you log, against your scheme."
        actions={<Button onClick={() => setLogging(true)}>Log an activity</Button>}
      />
      {body}
      <LogActivityModal opened={isLogging} onClose={() => setLogging(false)} />
    </Stack>
  );
}
