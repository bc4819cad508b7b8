import { Paper, Stack, Text, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import { usePageTitle } from '../components/use-page-title';
import { useRefreshSession } from '../features/auth/use-session';
import { CreateOrgForm } from '../features/orgs/create-org-form';
import { rememberCurrentOrg } from '../features/orgs/current-org';

export default function NewOrgPage() {
  usePageTitle('Create an organisation');
  const navigate = useNavigate();
  const refreshSession = useRefreshSession();

  const onCreated = async (slug: string) => {
    rememberCurrentOrg(slug);
    await refreshSession();
    await navigate(`/o/${slug}`);
  };

  return (
    <Stack gap="lg" maw={640} mx="auto">
      <Stack gap={4}>
        <Title order={1}>Create an organisation</Title>
        <Text c="dimmed">
          You become its owner. Cairn gives it a signing identity, so the credentials it issues can be verified by
          anyone.
        </Text>
      </Stack>
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} bg="white">
        <CreateOrgForm onCreated={onCreated} />
      </Paper>
    </Stack>
  );
}
