import { Badge, Button, Group, Progress, Select, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { DataTable, type Column } from '../../components/data-table';
import { STATUS_LABELS, reportUrl, type CandidateCheck, type CandidateCheckItem } from './candidate-checks-api';

const columns: Column<CandidateCheckItem>[] = [
  {
    header: 'File or URL',
    cell: (item) => (
      <Text size="sm" style={{ wordBreak: 'break-all' }}>
        {item.name}
      </Text>
    ),
    isRowHeader: true,
  },
  {
    header: 'Status',
    width: 200,
    cell: (item) => (
      <Stack gap={2}>
        <Badge color={STATUS_LABELS[item.status].color} variant="light">
          {STATUS_LABELS[item.status].label}
        </Badge>
        {item.reason ? (
          <Text size="xs" c="dimmed">
            {item.reason}
          </Text>
        ) : null}
      </Stack>
    ),
  },
  { header: 'Holder', cell: (item) => item.holder ?? '—', visibleFrom: 'sm' },
  { header: 'Issuer', cell: (item) => item.issuer ?? '—', visibleFrom: 'sm' },
  { header: 'Achievement', cell: (item) => item.achievement ?? '—' },
  {
    header: 'Skills evidenced',
    cell: (item) => (item.skills.length > 0 ? item.skills.map((s) => s.name).join(', ') : '—'),
    visibleFrom: 'md',
  },
];

/** A check's progress, its results with a status filter, and the CSV report. */
export function CandidateResults({ slug, check }: { slug: string; check: CandidateCheck }) {
  const [filter, setFilter] = useState<string>('all');
  const isOpen = check.status === 'queued' || check.status === 'running';
  const percent = check.total > 0 ? Math.round((100 * check.done) / check.total) : 100;
  const present = [...new Set(check.items.map((i) => i.status))];
  const shown = filter === 'all' ? check.items : check.items.filter((i) => i.status === filter);
  return (
    <Stack gap="md">
      <Stack gap="xs" aria-live="polite">
        <Group justify="space-between">
          <Text fw={600}>
            {check.done.toLocaleString()} of {check.total.toLocaleString()} credentials checked
          </Text>
          <Badge color={isOpen ? 'blue' : check.status === 'failed' ? 'red' : 'green'}>{check.status}</Badge>
        </Group>
        <Progress.Root size="lg">
          <Progress.Section value={percent} aria-label="Checking progress" />
        </Progress.Root>
        {check.error ? (
          <Text c="red.8" role="alert">
            {check.error}
          </Text>
        ) : null}
      </Stack>
      <Group justify="space-between" align="flex-end">
        <Select
          label="Show"
          value={filter}
          onChange={(value) => setFilter(value ?? 'all')}
          allowDeselect={false}
          data={[
            { value: 'all', label: `All (${check.items.length})` },
            ...present.map((status) => ({
              value: status,
              label: `${STATUS_LABELS[status].label} (${check.items.filter((i) => i.status === status).length})`,
            })),
          ]}
          w={280}
        />
        <Button
          component="a"
          href={reportUrl(slug, check.id)}
          download
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          disabled={isOpen}
        >
          Download CSV report
        </Button>
      </Group>
      <VisuallyHidden component="h3" id="candidate-results-heading">
        Results
      </VisuallyHidden>
      <DataTable
        rows={shown}
        columns={columns}
        rowKey={(item) => String(item.position)}
        labelledBy="candidate-results-heading"
        minWidth={720}
      />
      {shown.length === 0 ? <Text c="dimmed">No credentials with this status.</Text> : null}
    </Stack>
  );
}
