import { Card, SimpleGrid, Stack, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import { IconBuildingPlus, IconSchool } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { usePageTitle } from '../components/use-page-title';
import { useSession } from '../features/auth/use-session';
import { LEARNER_SPACE, rememberCurrentOrg } from '../features/orgs/current-org';

export default function WelcomePage() {
  usePageTitle('Welcome');
  const navigate = useNavigate();
  const { session } = useSession();
  const firstName = session?.user.name.split(/\s+/)[0] ?? '';

  const choices = [
    {
      icon: IconSchool,
      title: 'I’m a learner',
      text: 'Collect credentials, see how they stack into qualifications and share them with employers.',
      onClick: () => {
        rememberCurrentOrg(LEARNER_SPACE);
        void navigate('/me');
      },
    },
    {
      icon: IconBuildingPlus,
      title: 'Create an organisation',
      text: 'For training providers, employers, accrediting bodies and industry partners. You can invite your team next.',
      onClick: () => void navigate('/orgs/new'),
    },
  ];

  return (
    <Stack gap="xl" maw={880} mx="auto" py={{ base: 'md', sm: 'xl' }}>
      <Stack gap={6}>
        <Title order={1}>Welcome to Cairn{firstName ? `, ${firstName}` : ''}</Title>
        <Text c="dimmed" size="lg">
          How will you use Cairn? You can do both later: organisations and your own learning live side by side.
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        {choices.map(({ icon: Icon, title, text, onClick }) => (
          <UnstyledButton key={title} onClick={onClick} style={{ borderRadius: 'var(--mantine-radius-md)' }}>
            <Card h="100%" shadow="xs" style={{ transition: 'border-color 120ms' }}>
              <Stack gap="sm">
                <ThemeIcon size={52} radius="md" variant="light" aria-hidden>
                  <Icon size={28} />
                </ThemeIcon>
                <Title order={2} fz="xl">
                  {title}
                </Title>
                <Text c="dimmed">{text}</Text>
              </Stack>
            </Card>
          </UnstyledButton>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
