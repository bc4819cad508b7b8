import { Button } from '@mantine/core';
import { IconFileSpreadsheet, IconHistory } from '@tabler/icons-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { AuditFilters } from '../features/audit/audit-api';
import { ListPage } from '../components/list-page';
import { RestrictedNotice } from '../components/page-states';
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
      <RestrictedNotice title="Only owners and admins read the audit log">
        Ask an owner or admin of {org.name} if you need to know who changed something.
      </RestrictedNotice>
    );
  }

  const isFiltered = filters.types.length > 0 || filters.since !== null || filters.until !== null;
  return (
    <ListPage
      title="Audit log"
      titleId="audit-log-heading"
      maw={720}
      description={`Who did what in ${org.name}, and when: people by name, systems by API key, and Cairn’s own jobs.`}
      actions={
        <Button
          component="a"
          href={auditCsvUrl(slug, filters)}
          download
          variant="default"
          leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
        >
          Export CSV
        </Button>
      }
      filters={<AuditFiltersBar value={filters} onChange={setFilters} />}
      query={log}
      loadingLabel="Loading the audit log"
      empty={{
        icon: <IconHistory size={26} />,
        title: isFiltered ? 'Nothing matches these filters' : 'Nothing recorded yet',
        description: isFiltered
          ? 'Try other event types or a longer period.'
          : `Changes to members, API keys, credentials and settings of ${org.name} will be listed here, with who made them.`,
      }}
    >
      {(rows) => <AuditTable entries={rows} labelledBy="audit-log-heading" />}
    </ListPage>
  );
}
