import { Group, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { CairnMark } from './cairn-mark';

/** The mark and the name, linking to `to`. */
export function Brand({ to = '/', isCompact = false }: { to?: string; isCompact?: boolean }) {
  return (
    <UnstyledButton component={Link} to={to} aria-label="Cairn home" style={{ borderRadius: 8 }}>
      <Group gap={8} wrap="nowrap">
        <CairnMark size={30} />
        <Text
          fw={700}
          fz="xl"
          c="cairn.9"
          style={{ letterSpacing: '-0.01em' }}
          visibleFrom={isCompact ? 'sm' : undefined}
        >
          Cairn
        </Text>
      </Group>
    </UnstyledButton>
  );
}
