import { Alert, Anchor, Button, Center, Group, Image, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { IconWallet } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { CopyField } from '../../components/copy-field';
import { RequestError } from '../../components/request-error';
import { useSession } from '../auth/use-session';
import { formatCountdown, secondsLeft, usePickups, useStartExchange, type StartedExchange } from './exchanges-api';
import { PickupLogCard, PickupSteps } from './pickup-log';

function useNow(isTicking: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!isTicking) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [isTicking]);
  return now;
}

function ExchangeDetails({
  exchange,
  onRenew,
  isRenewing,
}: {
  exchange: StartedExchange;
  onRenew: () => void;
  isRenewing: boolean;
}) {
  const now = useNow(true);
  const left = secondsLeft(exchange.expiresAt, now);
  if (left === 0) {
    return (
      <Alert color="gray" title="This QR code has expired" role="status">
        <Stack gap="xs">
          <Text size="sm">Pickups last 10 minutes, so that an old screenshot cannot be used.</Text>
          <Button onClick={onRenew} loading={isRenewing} w="fit-content">
            Show a new QR code
          </Button>
        </Stack>
      </Alert>
    );
  }
  return (
    <Stack gap="sm">
      <Center>
        <Image
          src={exchange.qrCodePath}
          alt="QR code to scan with your wallet app: it opens this pickup"
          w={240}
          h={240}
          fit="contain"
        />
      </Center>
      <Text ta="center" size="sm" aria-live="off">
        Expires in <strong data-testid="pickup-countdown">{formatCountdown(left)}</strong>
      </Text>
      <Text size="sm">
        Scan it with the Learner Credential Wallet (or another VC-API wallet). On this phone, open the link instead.
      </Text>
      <CopyField value={exchange.interactionUrl} label="wallet link" />
      <Text size="sm">
        Older Learner Credential Wallet versions:{' '}
        <Anchor href={exchange.legacyDeepLink} target="_blank" rel="noopener noreferrer">
          open the pickup in the wallet
        </Anchor>
        .
      </Text>
    </Stack>
  );
}

/**
 * "Add to a wallet", for the holder of a credential: opens a pickup (a VC-API exchange for 10
 * minutes) and shows its QR code, link, legacy deep link, countdown and what the wallet did.
 * Renders nothing for anyone else; the log of earlier pickups is shown on the page as well.
 */
export function AddToWallet({ credentialId }: { credentialId: string }) {
  const isSignedIn = Boolean(useSession().session);
  const [isOpen, setIsOpen] = useState(false);
  const start = useStartExchange(credentialId);
  const exchange = start.data;
  const isWaiting = isOpen && exchange !== undefined;
  const pickups = usePickups(credentialId, { isEnabled: isSignedIn, isPolling: isWaiting });
  if (!pickups.isSuccess) return null;
  const current = exchange ? pickups.data.find((p) => p.id === exchange.id) : undefined;
  const isCollected = current?.state === 'collected';

  const open = () => {
    setIsOpen(true);
    start.mutate();
  };
  return (
    <>
      <Button variant="default" leftSection={<IconWallet size={18} aria-hidden />} onClick={open}>
        Add to a wallet
      </Button>
      <Modal opened={isOpen} onClose={() => setIsOpen(false)} title="Add to a wallet" size="lg">
        <Stack gap="md">
          {start.isPending ? (
            <Group gap="sm" role="status">
              <Loader size="sm" />
              <Text>Opening a pickup…</Text>
            </Group>
          ) : start.isError ? (
            <RequestError error={start.error} />
          ) : isCollected ? (
            <Alert color="teal" title="Added to your wallet" role="status">
              Picked up by {current?.holderDid}. The wallet holds a copy bound to its DID; revoking this credential
              revokes the copy too.
            </Alert>
          ) : exchange ? (
            <ExchangeDetails exchange={exchange} onRenew={() => start.mutate()} isRenewing={start.isPending} />
          ) : null}
          <Stack gap="xs" aria-live="polite">
            <Title order={3} fz="md">
              Pickup log
            </Title>
            <PickupSteps pickups={current ? [current] : []} />
          </Stack>
        </Stack>
      </Modal>
    </>
  );
}

/** The pickup log card of a credential page; shows nothing to anyone but the holder. */
export function WalletPickupLog({ credentialId }: { credentialId: string }) {
  const isSignedIn = Boolean(useSession().session);
  const pickups = usePickups(credentialId, { isEnabled: isSignedIn });
  return <PickupLogCard pickups={pickups.data} />;
}
