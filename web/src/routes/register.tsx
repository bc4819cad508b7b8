import { Anchor, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCertificate, IconSearch } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { DataTable } from '../components/data-table';
import { EmptyState, ErrorState, PageLoader } from '../components/page-states';
import { PageHeader } from '../components/page-header';
import { usePageTitle } from '../components/use-page-title';
import { useRegister } from '../features/accreditation/accreditation-api';
import { AccreditationStatusBadge } from '../features/accreditation/accreditation-status-badge';
import { AccreditedSubject } from '../features/accreditation/accredited-subject';

const day = (value: string | null) => (value ? dayjs(value).format('D MMM YYYY') : '—');

/** An accrediting body's public register: who is accredited for what, until when, with the signed credential. */
export default function RegisterPage() {
  const { accreditorSlug = '' } = useParams();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const register = useRegister(accreditorSlug, debounced);
  usePageTitle(register.data ? `Register of ${register.data.accreditor.name}` : 'Register');
  if (register.isPending) return <PageLoader label="Loading the register" />;
  if (!register.data) return <ErrorState error={register.error} onRetry={() => void register.refetch()} />;
  const { accreditor, items } = register.data;
  return (
    <Stack gap="lg" py="xl">
      <PageHeader
        title={`Register of ${accreditor.name}`}
        titleId="register-title"
        description="Who holds an accreditation or candidacy, for what, until when. Each entry links to its signed credential, which anyone can verify."
        maw={720}
      />
      <TextInput
        label="Search the register"
        placeholder="Provider, programme, scheme or verification code"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        maw={480}
      />
      {items.length === 0 ? (
        <EmptyState
          icon={<IconCertificate size={28} aria-hidden />}
          title={debounced ? 'Nothing matches' : 'The register is empty'}
        >
          {debounced ? 'Try another name or code.' : null}
        </EmptyState>
      ) : (
        <DataTable
          rows={items}
          rowKey={(r) => r.verificationCode}
          labelledBy="register-title"
          minWidth={820}
          columns={[
            {
              header: 'Accredited',
              isRowHeader: true,
              cell: (r) => <AccreditedSubject subject={r.subject} />,
            },
            {
              header: 'Scheme',
              cell: (r) => (
                <Anchor component={Link} to={`/accreditation/${accreditor.slug}/schemes/${r.schemeSlug}`}>
                  {r.scheme}
                </Anchor>
              ),
            },
            { header: 'Status', cell: (r) => <AccreditationStatusBadge status={r.status} /> },
            { header: 'From', cell: (r) => day(r.validFrom), visibleFrom: 'md' },
            { header: 'Until', cell: (r) => (r.withdrawnAt ? `Withdrawn ${day(r.withdrawnAt)}` : day(r.validUntil)) },
            {
              header: 'Verification code',
              cell: (r) => (
                <Text ff="monospace" size="sm">
                  {r.verificationCode}
                </Text>
              ),
            },
            {
              header: 'Credential',
              cell: (r) =>
                r.credentialId ? (
                  <Anchor
                    component={Link}
                    to={`/credentials/${r.credentialId}`}
                    aria-label={`View the signed credential of ${r.subject.name}`}
                  >
                    View
                  </Anchor>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      )}
    </Stack>
  );
}
