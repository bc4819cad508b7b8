import { Badge, Group, List, Stack, Text } from '@mantine/core';
import dayjs from 'dayjs';
import type { WalletPickup } from './exchanges-api';
import { Section } from '../../components/section';

const stateView: Record<WalletPickup['state'], { label: string; color: string }> = {
  pending: { label: 'Open', color: 'blue' },
  collected: { label: 'Picked up', color: 'teal' },
  expired: { label: 'Expired', color: 'gray' },
};

/** Every step of the given pickups, newest pickup first: who picked the credential up, and when. */
export function PickupSteps({ pickups }: { pickups: WalletPickup[] }) {
  if (pickups.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No wallet has picked this credential up yet.
      </Text>
    );
  return (
    <Stack gap="sm">
      {pickups.map((pickup) => (
        <Stack key={pickup.id} gap={4}>
          <Group gap="xs">
            <Badge color={stateView[pickup.state].color} variant="light">
              {stateView[pickup.state].label}
            </Badge>
            <Text size="xs" c="dimmed">
              opened {dayjs(pickup.createdAt).format('HH:mm, D MMMM YYYY')}
            </Text>
          </Group>
          <List size="sm" spacing={2}>
            {pickup.steps.map((step, i) => (
              <List.Item key={`${pickup.id}-${i}`} style={{ overflowWrap: 'anywhere' }}>
                {step.message}{' '}
                <Text span size="xs" c="dimmed">
                  on {dayjs(step.at).format('D MMMM YYYY [at] HH:mm:ss')}
                </Text>
              </List.Item>
            ))}
          </List>
        </Stack>
      ))}
    </Stack>
  );
}

/** On the credential page, for its holder: the wallets it was picked up into. Nothing for anyone else. */
export function PickupLogCard({ pickups }: { pickups: WalletPickup[] | undefined }) {
  if (!pickups || pickups.length === 0) return null;
  return (
    <Section frame="card" gap="xs" title="Wallet pickups" titleId="wallet-pickups-heading">
      <PickupSteps pickups={pickups} />
    </Section>
  );
}
