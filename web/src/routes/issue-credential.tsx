import { Anchor, Breadcrumbs, Paper, Stack, Text, Title } from '@mantine/core';

import { Link, useParams } from 'react-router';
import { usePageTitle } from '../components/use-page-title';
import { IssueCredentialForm } from '../features/credentials/issue-credential-form';
import { useOrg } from '../features/orgs/orgs-api';
import { canIssueCredentials, isIssuingOrg } from '../features/orgs/roles';
import { RestrictedNotice } from '../components/page-states';

export default function IssueCredentialPage() {
  const { slug = '' } = useParams();
  const { data: org } = useOrg(slug);
  usePageTitle('Issue a credential');
  if (!org) return null;

  const heading = (
    <Stack gap={4}>
      <Breadcrumbs>
        <Anchor component={Link} to={`/o/${slug}/credentials`} size="sm">
          Credentials
        </Anchor>
        <Text size="sm" c="dimmed">
          Issue
        </Text>
      </Breadcrumbs>
      <Title order={1}>Issue a credential</Title>
      <Text c="dimmed">
        {org.name} signs it as an Open Badges 3.0 credential. The learner gets a link to share; anyone can verify it.
      </Text>
    </Stack>
  );

  if (!isIssuingOrg(org.roles) || !canIssueCredentials(org.myRole)) {
    return (
      <Stack gap="xl">
        {heading}
        <RestrictedNotice title="You cannot issue credentials here">
          {isIssuingOrg(org.roles)
            ? `Owners, admins, authors and assessors of ${org.name} issue credentials. Ask an admin for one of these roles.`
            : 'Only providers, accrediting bodies and industry partners issue credentials.'}
        </RestrictedNotice>
      </Stack>
    );
  }

  return (
    <Stack gap="xl" maw={860}>
      {heading}
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} bg="white">
        <IssueCredentialForm slug={slug} orgName={org.name} />
      </Paper>
    </Stack>
  );
}
