import { Anchor, Button, Stack, Text } from '@mantine/core';
import { IconLogin } from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import { loginPathFor } from './next-path';

/** For a visitor: log in to do this (and come back here), or create an account first. */
export function LogInFirst({ label, newcomer }: { label: string; newcomer: string }) {
  const location = useLocation();
  return (
    <Stack gap="xs">
      <Button
        component={Link}
        to={loginPathFor(location.pathname)}
        leftSection={<IconLogin size={18} aria-hidden />}
        fullWidth
      >
        {label}
      </Button>
      <Text size="sm" c="dimmed" ta="center">
        {newcomer}{' '}
        <Anchor component={Link} to={loginPathFor(location.pathname, 'signup')}>
          Create an account
        </Anchor>
      </Text>
    </Stack>
  );
}
