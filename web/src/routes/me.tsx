import { Stack, Text, Title } from '@mantine/core';
import { IconFileImport, IconSearch, IconShieldCheck, IconSparkles } from '@tabler/icons-react';
import { EmptyState } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { NextSteps } from '../features/home/next-steps';
import { useSession } from '../features/auth/use-session';

export default function LearnerHomePage() {
  usePageTitle('My learning');
  const { session } = useSession();
  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <Title order={1}>My learning</Title>
        <Text c="dimmed">Hello {session?.user.name}. Your credentials and progress will gather here.</Text>
      </Stack>
      <EmptyState icon={<IconSparkles size={28} />} title="No credentials yet">
        When you complete a programme or import a credential you earned elsewhere, it appears here, with how it counts
        towards larger qualifications.
      </EmptyState>
      <NextSteps
        title="Start here"
        steps={[
          {
            icon: <IconSearch size={22} />,
            title: 'Find a programme',
            text: 'Search short programmes by skill, provider, duration and cost. The catalogue is on its way.',
          },
          {
            icon: <IconFileImport size={22} />,
            title: 'Import a credential',
            text: 'Bring an Open Badge or verifiable credential you earned elsewhere so it counts on your path.',
          },
          {
            icon: <IconShieldCheck size={22} />,
            title: 'Verify a credential',
            text: 'Check that a credential file is genuine, unexpired and not revoked.',
            to: '/verify',
            action: 'Open the verifier',
          },
        ]}
      />
    </Stack>
  );
}
