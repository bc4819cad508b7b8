import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { IconLock, IconUserCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import { DataTable } from '../components/data-table';
import { ListContent } from '../components/list-page';
import { PageHeader } from '../components/page-header';
import { ErrorState, PageLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import {
  useCandidateCheck,
  useCandidateChecks,
  type CandidateCheckSummary,
} from '../features/candidate-checks/candidate-checks-api';
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
        <Alert color="orange" icon={<IconLock aria-hidden />} title="You cannot check candidates here" maw={640}>
          Owners, admins and managers of {org.name} check candidates’ credentials.
        </Alert>
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
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} bg="white" component="section" aria-labelledby="upload-heading">
        <Stack gap="sm">
          <Title order={2} fz="lg" id="upload-heading">
            New check
          </Title>
          <CandidateUploadForm slug={slug} onStarted={setSelected} />
        </Stack>
      </Paper>
      {current ? (
        <Paper withBorder p={{ base: 'md', sm: 'lg' }} bg="white" component="section" aria-labelledby="results-heading">
          <Stack gap="sm">
            <Title order={2} fz="lg" id="results-heading">
              Results
            </Title>
            <SelectedCheck slug={slug} id={current} />
          </Stack>
        </Paper>
      ) : null}
      <Stack gap="xs" component="section" aria-labelledby="history-heading">
        <Title order={2} fz="lg" id="history-heading">
          Earlier checks
        </Title>
        <ListContent
          query={checks}
          loadingLabel="Loading candidate checks"
          empty={{
            icon: <IconUserCheck size={26} />,
            title: 'No checks yet',
            description: 'Upload credentials above: the results stay here for 30 days.',
          }}
        >
          {(rows) => (
            <DataTable<CandidateCheckSummary>
              rows={rows}
              rowKey={(row) => row.id}
              labelledBy="history-heading"
              minWidth={560}
              columns={[
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
              ]}
            />
          )}
        </ListContent>
      </Stack>
    </Stack>
  );
}
