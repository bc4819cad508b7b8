import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCertificate, IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { EmptyState, ErrorState, PageLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { useIssuedCredentials } from '../features/credentials/credentials-api';
import { CredentialsTable } from '../features/credentials/credentials-table';
import { useOrg } from '../features/orgs/orgs-api';
import { canIssueCredentials, isAdminRole, isIssuingOrg } from '../features/orgs/roles';

export default function CredentialsPage() {
  const { slug = '' } = useParams();
  const { data: org } = useOrg(slug);
  const credentials = useIssuedCredentials(slug);
  usePageTitle(org ? `Credentials of ${org.name}` : 'Credentials');
  if (!org) return null;

  const isIssuer = isIssuingOrg(org.roles);
  const canIssue = isIssuer && canIssueCredentials(org.myRole);
  const issueButton = canIssue ? (
    <Button component={Link} to={`/o/${slug}/credentials/new`} leftSection={<IconPlus size={18} aria-hidden />}>
      Issue a credential
    </Button>
  ) : null;

  let content;
  if (credentials.isPending) content = <PageLoader label="Loading credentials" />;
  // A failed "Load more" keeps the rows already shown, so only a first load without data is an error page.
  else if (!credentials.data) content = <ErrorState error={credentials.error} onRetry={() => void credentials.refetch()} />;
  else if (credentials.data.length === 0) {
    content = (
      <EmptyState icon={<IconCertificate size={26} />} title="No credentials issued yet" action={issueButton}>
        {canIssue
          ? 'Issue a credential to a learner: Cairn signs it as an Open Badges 3.0 credential they can share and anyone can verify.'
          : `Credentials ${org.name} issues will be listed here.`}
      </EmptyState>
    );
  } else {
    content = (
      <Stack gap="md">
        <CredentialsTable slug={slug} credentials={credentials.data} canManage={isAdminRole(org.myRole)} labelledBy="credentials-heading" />
        {credentials.hasNextPage ? (
          <Group justify="center">
            <Button variant="default" onClick={() => void credentials.fetchNextPage()} loading={credentials.isFetchingNextPage}>
              Load more
            </Button>
          </Group>
        ) : null}
        {credentials.isFetchNextPageError ? <ErrorState error={credentials.error} onRetry={() => void credentials.fetchNextPage()} /> : null}
      </Stack>
    );
  }

  return (
    <Stack gap="xl">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4} maw={720}>
          <Title order={1} id="credentials-heading">
            Credentials
          </Title>
          <Text c="dimmed">
            Signed Open Badges 3.0 credentials issued by {org.name}.
            {isAdminRole(org.myRole) ? ' Suspend, reinstate or revoke them from each row’s menu.' : ''}
          </Text>
        </Stack>
        {credentials.data && credentials.data.length > 0 ? issueButton : null}
      </Group>
      {!isIssuer ? (
        <Alert color="blue" icon={<IconInfoCircle aria-hidden />} maw={720}>
          Only providers, accrediting bodies and industry partners issue credentials.
        </Alert>
      ) : null}
      <Paper withBorder p={{ base: 'sm', sm: 'lg' }} bg="white">
        {content}
      </Paper>
    </Stack>
  );
}
