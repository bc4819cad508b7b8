import { Button, Stack, Text } from '@mantine/core';
import { IconUserCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ListContent } from '../components/list-page';
import { PageHeader } from '../components/page-header';
import { Section } from '../components/section';
import { ErrorState, PageLoader, RestrictedNotice } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { useCandidateCheck, useCandidateChecks } from '../features/candidate-checks/candidate-checks-api';
import { CandidateResults } from '../features/candidate-checks/candidate-results';
import { CandidateUploadForm } from '../features/candidate-checks/candidate-upload-form';
import { useOrg } from '../features/orgs/orgs-api';

const canCheck = (role: string | undefined) => role === 'owner' || role === 'admin' || role === 'manager';

function SelectedCheck({ slug, id }: { slug: string; id: string }) {
  const check = useCandidateCheck(slug, id);
  if (check.isPending) return <PageLoader label="Loading the check" />;
  if (check.isError) return <ErrorState error={check.error} onRetry={() => void check.refetch()} />;
  return <CandidateResults slug={slug} check={check.data} />;
}

export default function CandidateChecksPage() {
  const { slug = '' } = useParams();
  const { data: org } = useOrg(slug);
  const checks = useCandidateChecks(slug);
  const [selected, setSelected] = useState<string | undefined>();
  usePageTitle('Candidate checks');
  if (!org) return null;
  if (!canCheck(org.myRole)) {
    return (
      <Stack gap="xl">
        <PageHeader title="Candidate checks" />
        <RestrictedNotice title="You cannot check candidates here">
          Owners, admins and managers of {org.name} check candidates’ credentials.
        </RestrictedNotice>
      </Stack>
    );
  }
  const current = selected ?? checks.data?.[0]?.id;
  return (
    <Stack gap="xl" maw={1100}>
      <PageHeader
        title="Candidate checks"
        maw={720}
        description={`Verify up to 1,000 credentials at once: each signature, its issuer, revocation and suspension, expiry, and whether it was issued to the candidate. ${org.name} sees a verdict for each and the skills it evidences.`}
      />
      <Section frame="paper" padding={{ base: 'md', sm: 'lg' }} title="New check" titleId="upload-heading">
        <CandidateUploadForm slug={slug} onStarted={setSelected} />
      </Section>
      {current ? (
        <Section frame="paper" padding={{ base: 'md', sm: 'lg' }} title="Results" titleId="results-heading">
          <SelectedCheck slug={slug} id={current} />
        </Section>
      ) : null}
      <Section gap="xs" title="Earlier checks" titleId="history-heading">
        <ListContent
          query={checks}
          loadingLabel="Loading candidate checks"
          empty={{
            icon: <IconUserCheck size={26} />,
            title: 'No checks yet',
            description: 'Upload credentials above: the results stay here for 30 days.',
          }}
          table={{
            rowKey: (row) => row.id,
            labelledBy: 'history-heading',
            minWidth: 560,
            columns: [
              {
                header: 'Started',
                isRowHeader: true,
                cell: (row) => new Date(row.createdAt).toLocaleString(),
              },
              { header: 'Credentials', cell: (row) => `${row.done} of ${row.total} checked`, align: 'right' },
              { header: 'Status', cell: (row) => row.status },
              {
                header: 'Deleted on',
                cell: (row) => new Date(row.deleteAfter).toLocaleDateString(),
                visibleFrom: 'sm',
              },
              {
                header: (
                  <Text span size="sm">
                    Show
                  </Text>
                ),
                cell: (row) => (
                  <Button
                    size="xs"
                    variant={row.id === current ? 'filled' : 'default'}
                    onClick={() => setSelected(row.id)}
                    aria-label={`${row.id === current ? 'Shown' : 'Show'}: the check started ${new Date(row.createdAt).toLocaleString()}`}
                  >
                    {row.id === current ? 'Shown' : 'Show'}
                  </Button>
                ),
              },
            ],
          }}
        />
      </Section>
    </Stack>
  );
}
