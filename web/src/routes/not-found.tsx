import { Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { CairnMark } from '../components/cairn-mark';
import { usePageTitle } from '../components/use-page-title';

export default function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <Container size="sm" py={80}>
      <Stack align="center" ta="center" gap="md">
        <CairnMark size={72} />
        <Title order={1}>This trail ends here</Title>
        <Text c="dimmed">There is no page at this address. It may have moved, or the link has a typo.</Text>
        <Group justify="center">
          <Button component={Link} to="/">
            Go to the home page
          </Button>
          <Button component={Link} to="/verify" variant="default">
            Verify a credential
          </Button>
        </Group>
      </Stack>
    </Container>
  );
}
