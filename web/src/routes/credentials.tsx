import { Alert, Button, Group, Text } from '@mantine/core';
import { IconCertificate, IconInfoCircle, IconPlus, IconUpload } from '@tabler/icons-react';
import { Link, useParams } from 'react-router';
import { ListPage } from '../components/list-page';
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
    <Group gap="xs">
      <Button
        component={Link}
        to={`/o/${slug}/issue/bulk`}
        variant="default"
        leftSection={<IconUpload size={18} aria-hidden />}
      >
        Issue in bulk
      </Button>
      <Button component={Link} to={`/o/${slug}/credentials/new`} leftSection={<IconPlus size={18} aria-hidden />}>
        Issue a credential
      </Button>
    </Group>
  ) : null;

  return (
    <ListPage
      title="Credentials"
      titleId="credentials-heading"
      maw={720}
      description={
        <Text c="dimmed">
          Signed Open Badges 3.0 credentials issued by {org.name}.
          {isAdminRole(org.myRole) ? ' Suspend, reinstate or revoke them from each row’s menu.' : ''}
        </Text>
      }
      primaryAction={issueButton}
      notice={
        !isIssuer ? (
          <Alert color="blue" icon={<IconInfoCircle aria-hidden />} maw={720}>
            Only providers, accrediting bodies and industry partners issue credentials.
          </Alert>
        ) : null
      }
      query={credentials}
      loadingLabel="Loading credentials"
      empty={{
        icon: <IconCertificate size={26} />,
        title: 'No credentials issued yet',
        description: canIssue
          ? 'Issue a credential to a learner: Cairn signs it as an Open Badges 3.0 credential they can share and anyone can verify.'
          : `Credentials ${org.name} issues will be listed here.`,
      }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      {(rows) => (
        <CredentialsTable
          slug={slug}
          credentials={rows}
          canManage={isAdminRole(org.myRole)}
          labelledBy="credentials-heading"
        />
      )}
    </ListPage>
  );
}
