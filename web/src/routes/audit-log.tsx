import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconHistory, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { AuditFilters } from '../api/audit-types';
import { EmptyState, ErrorState, PageLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { auditCsvUrl, useAuditLog } from '../features/audit/audit-api';
import { AuditFiltersBar, NO_AUDIT_FILTERS } from '../features/audit/audit-filters';
import { AuditTable } from '../features/audit/audit-table';
import { useOrg } from '../features/orgs/orgs-api';
import { isAdminRole } from '../features/orgs/roles';

/** `/o/:slug/settings/audit-log`: who did what in the organisation, for its owners and admins. */
export default function AuditLogPage() {
  const { slug = '' } = useParams();
  const { data: org } = useOrg(slug);
  const canRead = isAdminRole(org?.myRole);
  const [filters, setFilters] = useState<AuditFilters>(NO_AUDIT_FILTERS);
  const log = useAuditLog(slug, filters, canRead);
  usePageTitle('Audit log');
  if (!org) return null;

  if (!canRead) {
    return (
      <Alert color="orange" icon={<IconLock aria-hidden />} title="Only owners and admins read the audit log" role="alert" maw={640}>
        Ask an owner or admin of {org.name} if you need to know who changed something.
      </Alert>
    );
  }

  const isFiltered = filters.types.length > 0 || filters.since !== null || filters.until !== null;
  let content;
  if (log.isPending) content = <PageLoader label="Loading the audit log" />;
  // A failed "Load more" keeps the rows already shown, so only a first load without data is an error page.
  else if (!log.data) content = <ErrorState error={log.error} onRetry={() => void log.refetch()} />;
  else if (log.data.length === 0) {
    content = (
      <EmptyState icon={<IconHistory size={26} />} title={isFiltered ? 'Nothing matches these filters' : 'Nothing recorded yet'}>
        {isFiltered
          ? 'Try other event types or a longer period.'
          : `Changes to members, API keys, credentials and settings of ${org.name} will be listed here, with who made them.`}
      </EmptyState>
    );
  } else {
    content = (
      <Stack gap="md">
        <AuditTable entries={log.data} labelledBy="audit-log-heading" />
        {log.hasNextPage ? (
          <Group justify="center">
            <Button variant="default" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage}>
              Load more
            </Button>
          </Group>
        ) : null}
        {log.isFetchNextPageError ? <ErrorState error={log.error} onRetry={() => void log.fetchNextPage()} /> : null}
      </Stack>
    );
  }

  return (
    <Stack gap="xl">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4} maw={720}>
          <Title order={1} id="audit-log-heading">
            Audit log
          </Title>
          <Text c="dimmed">Who did what in {org.name}, and when: people by name, systems by API key, and Cairn’s own jobs.</Text>
        </Stack>
        <Button component="a" href={auditCsvUrl(slug, filters)} download variant="default" leftSection={<IconFileSpreadsheet size={18} aria-hidden />}>
          Export CSV
        </Button>
      </Group>
      <AuditFiltersBar value={filters} onChange={setFilters} />
      <Paper withBorder p="lg" bg="white">
        {content}
      </Paper>
    </Stack>
  );
}
