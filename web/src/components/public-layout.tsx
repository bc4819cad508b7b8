import { Anchor, Box, Button, Container, Group, Text } from '@mantine/core';
import { Link, NavLink, Outlet } from 'react-router';
import { useSession } from '../features/auth/use-session';
import { Brand } from './brand';
import { SkipLink } from './skip-link';

/** Header, main and footer around the public pages (landing, sign-in, verify, invitations). */
export function PublicLayout() {
  const { session } = useSession();
  return (
    <>
      <SkipLink />
      <Box component="header" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }} bg="white">
        <Container size="lg">
          <Group justify="space-between" wrap="nowrap">
            <Brand isCompact />
            <Group component="nav" aria-label="Main" gap={4} wrap="nowrap">
              <Button component={NavLink} to="/catalog" variant="subtle" px={{ base: 'xs', xs: 'md' }}>
                Catalogue
              </Button>
              <Button component={NavLink} to="/pathways" variant="subtle" px={{ base: 'xs', xs: 'md' }}>
                Pathways
              </Button>
              <Button component={NavLink} to="/verify" variant="subtle" visibleFrom="xs">
                Verify
              </Button>
              {session ? (
                <Button component={Link} to="/home" px={{ base: 'xs', xs: 'md' }}>
                  Open Cairn
                </Button>
              ) : (
                <>
                  <Button component={NavLink} to="/login" variant="subtle" px={{ base: 'xs', xs: 'md' }}>
                    Log in
                  </Button>
                  <Button component={NavLink} to="/signup" visibleFrom="xs">
                    Sign up
                  </Button>
                </>
              )}
            </Group>
          </Group>
        </Container>
      </Box>
      <Box component="main" id="main" tabIndex={-1} mih="calc(100vh - 140px)">
        <Outlet />
      </Box>
      <Box component="footer" py="lg" mt="xl" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
        <Container size="lg">
          <Group justify="space-between" gap="xs">
            <Text size="sm" c="dimmed">
              Cairn: open-source micro-credentials, signed as Open Badges 3.0.
            </Text>
            <Group gap="md">
              <Anchor component={Link} to="/verify" size="sm">
                Verify a credential
              </Anchor>
              <Anchor href="/docs" size="sm">
                API documentation
              </Anchor>
            </Group>
          </Group>
        </Container>
      </Box>
    </>
  );
}
