import { Badge, Box, Button, Card, Container, Group, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconBuildingCommunity,
  IconCertificate,
  IconHeartHandshake,
  IconBriefcase,
  IconSchool,
  IconShieldCheck,
} from '@tabler/icons-react';
import { Link } from 'react-router';
import { CairnMark } from '../components/cairn-mark';
import { usePageTitle } from '../components/use-page-title';
import { useSession } from '../features/auth/use-session';

const audiences = [
  {
    icon: IconSchool,
    title: 'Learners',
    text: 'Earn short, skill-based credentials that stack into larger qualifications, and share proof anyone can check.',
  },
  {
    icon: IconCertificate,
    title: 'Training providers',
    text: 'Author micro-credentials, assess evidence and issue signed Open Badges 3.0 credentials.',
  },
  {
    icon: IconBriefcase,
    title: 'Employers',
    text: 'Describe the skills a role needs, sponsor training and see gaps from verified credentials.',
  },
  {
    icon: IconBuildingCommunity,
    title: 'Accrediting bodies',
    text: 'Review providers and programmes and grant accreditation that is itself a verifiable credential.',
  },
  {
    icon: IconHeartHandshake,
    title: 'Industry partners',
    text: 'Co-develop programmes and endorse them with a signed endorsement shown to learners.',
  },
  {
    icon: IconShieldCheck,
    title: 'Anyone checking',
    text: 'Verify a credential from its file or text: signature, issuer, dates and revocation status.',
  },
];

export default function LandingPage() {
  usePageTitle('');
  const { session } = useSession();
  return (
    <>
      <Box className="hero" py={{ base: 48, sm: 80 }}>
        <Container size="lg">
          <Group justify="space-between" align="center" wrap="nowrap" gap="xl">
            <Stack gap="lg" maw={620}>
              <Badge variant="light" color="ember" size="lg" radius="sm" w="fit-content">
                Open Badges 3.0 · Verifiable Credentials
              </Badge>
              <Title order={1} fz={{ base: 32, sm: 46 }} lh={1.1}>
                Small steps, signed and stacked into a path.
              </Title>
              <Text size="lg" c="gray.7">
                Cairn is an open-source micro-credential platform. Providers teach and issue, learners collect
                credentials that stack into qualifications, and employers and anyone else can verify them in seconds.
              </Text>
              <Group gap="sm">
                {session ? (
                  <Button component={Link} to="/home" size="md">
                    Open Cairn
                  </Button>
                ) : (
                  <>
                    <Button component={Link} to="/signup" size="md">
                      Create a free account
                    </Button>
                    <Button component={Link} to="/login" size="md" variant="default">
                      Log in
                    </Button>
                  </>
                )}
                <Button
                  component={Link}
                  to="/verify"
                  size="md"
                  variant="subtle"
                  leftSection={<IconShieldCheck size={18} aria-hidden />}
                >
                  Verify a credential
                </Button>
              </Group>
            </Stack>
            <Box visibleFrom="md" aria-hidden>
              <CairnMark size={240} />
            </Box>
          </Group>
        </Container>
      </Box>

      <Container size="lg" py={{ base: 40, sm: 64 }}>
        <Stack gap="xl">
          <Stack gap={6}>
            <Title order={2}>One place for everyone on the trail</Title>
            <Text c="dimmed" maw={640}>
              Every credential Cairn issues is signed, so it can be checked without asking us. Here is what each kind of
              user does.
            </Text>
          </Stack>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="lg">
            {audiences.map(({ icon: Icon, title, text }) => (
              <Card key={title}>
                <Stack gap="sm">
                  <ThemeIcon size={44} radius="md" variant="light" aria-hidden>
                    <Icon size={24} />
                  </ThemeIcon>
                  <Title order={3}>{title}</Title>
                  <Text c="dimmed" size="sm">
                    {text}
                  </Text>
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        </Stack>
      </Container>
    </>
  );
}
