import { Alert, Anchor, Badge, Button, Card, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconPlus, IconRefresh, IconTrash, IconWallet } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { ConfirmDialog } from '../components/confirm-dialog';
import { EmptyState, ErrorState, PageLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { myPathwayPath } from '../features/pathways/pathway-format';
import {
  useAddToWallet,
  useCheckWalletStatus,
  useRemoveFromWallet,
  useWallet,
  type WalletInput,
} from '../features/pathways/pathways-api';
import type { AddedWalletItem, WalletItem } from '../features/pathways/pathways-types';
import { WalletRefusal } from '../features/pathways/wallet-refusal';
import { CredentialPicker } from '../features/verify/credential-picker';
import { CardGrid } from '../components/card-grid';

function CountsToward({ pathways }: { pathways: WalletItem['pathways'] }) {
  if (pathways.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Counts toward no pathway yet.
      </Text>
    );
  }
  return (
    <Stack gap={2}>
      <Text size="sm">Counts toward:</Text>
      <List size="sm" spacing={2}>
        {pathways.map((p) => (
          <List.Item key={p.id}>
            <Anchor component={Link} to={myPathwayPath(p.id)} size="sm">
              {p.name}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

function AddedNotice({ item }: { item: AddedWalletItem }) {
  const name = item.achievementName ?? 'The credential';
  const awarded = item.pathways.filter((p) => item.awardedPathwayIds.includes(p.id));
  return (
    <Alert
      color="teal"
      variant="light"
      icon={<IconCircleCheck aria-hidden />}
      title={`${name} is in your wallet`}
      role="status"
    >
      <Stack gap="xs">
        <Text size="sm">It verified and was issued to you by {item.issuer.name ?? item.issuer.did}.</Text>
        {awarded.length ? (
          <Text size="sm" fw={600}>
            It completed {awarded.map((p) => p.name).join(', ')}: the pathway credential has been awarded.
          </Text>
        ) : null}
        <CountsToward pathways={item.pathways} />
      </Stack>
    </Alert>
  );
}

function AddCredential() {
  const add = useAddToWallet();
  // A fresh picker after each addition, so the pasted text and file name are cleared.
  const [addedCount, setAddedCount] = useState(0);
  const resultRef = useRef<HTMLDivElement>(null);

  const send = (input: WalletInput) =>
    add.mutate(input, {
      onSettled: () => requestAnimationFrame(() => resultRef.current?.focus()),
      onSuccess: () => setAddedCount((n) => n + 1),
    });

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} bg="white" component="section" aria-labelledby="add-heading">
      <Stack gap="md">
        <Stack gap={2}>
          <Title order={2} fz="h4" id="add-heading">
            Add a credential from elsewhere
          </Title>
          <Text size="sm" c="dimmed">
            An Open Badges 3.0 credential earned on another platform and issued to your email. Cairn verifies it first;
            then it counts toward pathways that accept it.
          </Text>
        </Stack>
        <CredentialPicker
          key={addedCount}
          idPrefix="wallet"
          onPick={send}
          onReset={() => add.reset()}
          isPending={add.isPending}
          submitLabel="Add to my wallet"
          submitIcon={<IconPlus size={18} aria-hidden />}
          pendingVerb="Checking"
          pasteDescription="Its JSON (starting with {) or its JWT (three parts separated by dots)."
        />
        <div ref={resultRef} tabIndex={-1} role="region" aria-label="Result" style={{ outline: 'none' }}>
          {add.isError ? <WalletRefusal error={add.error} /> : null}
          {add.isSuccess ? <AddedNotice item={add.data} /> : null}
        </div>
      </Stack>
    </Paper>
  );
}

const STATUS_BADGE = {
  active: { color: 'teal', label: 'In force' },
  suspended: { color: 'orange', label: 'Suspended' },
  revoked: { color: 'red', label: 'Revoked' },
  untrusted: { color: 'red', label: 'Not trusted' },
} as const;

/** Whether the issuer still stands behind it, as last read, and a button to read it again. */
function WalletStatus({ item, name }: { item: WalletItem; name: string }) {
  const check = useCheckWalletStatus();
  const badge = STATUS_BADGE[item.status];
  const checked = item.statusCheckedAt
    ? `Checked ${dayjs(item.statusCheckedAt).format('D MMM YYYY, HH:mm')}`
    : 'Checked when added';
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="wrap">
        <Badge variant="light" color={badge.color}>
          {badge.label}
        </Badge>
        <Text size="xs" c="dimmed">
          {checked}
        </Text>
        {item.status === 'untrusted' ? null : (
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconRefresh size={12} aria-hidden />}
            loading={check.isPending}
            onClick={() => check.mutate(item.id)}
            aria-label={`Check again whether ${name} is in force`}
          >
            Check again
          </Button>
        )}
      </Group>
      {item.status === 'untrusted' ? (
        <Text size="sm" c={badge.color} role="note">
          {item.statusReason ?? 'It no longer verifies under Cairn’s rules.'} It does not count toward pathways.
        </Text>
      ) : item.status !== 'active' ? (
        <Text size="sm" c={badge.color} role="note">
          {item.statusReason ?? 'The issuer no longer stands behind it.'} It does not count toward pathways while{' '}
          {item.status}.
        </Text>
      ) : null}
      {item.statusCheckError ? (
        <Text size="xs" c="dimmed">
          <IconAlertTriangle size={12} aria-hidden /> Last check could not reach the issuer: {item.statusCheckError}
        </Text>
      ) : null}
      {check.isError ? (
        <Text size="xs" c="red" role="alert">
          {check.error.message}
        </Text>
      ) : null}
    </Stack>
  );
}

function WalletCard({ item, onRemove }: { item: WalletItem; onRemove: () => void }) {
  const name = item.achievementName ?? item.achievementId;
  return (
    <Card component="article" withBorder bg="white">
      <Stack gap="xs" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={3} fz="md" style={{ overflowWrap: 'anywhere' }}>
            {name}
          </Title>
          <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>
            {item.format === 'jwt' ? 'VC-JWT' : 'JSON-LD'}
          </Badge>
        </Group>
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          Issued by {item.issuer.name ?? item.issuer.did}
          {item.validFrom ? ` on ${dayjs(item.validFrom).format('D MMMM YYYY')}` : ''}
          {item.validUntil ? ` · valid until ${dayjs(item.validUntil).format('D MMMM YYYY')}` : ''}
        </Text>
        <Text size="xs" c="dimmed">
          Added {dayjs(item.addedAt).format('D MMMM YYYY')}
        </Text>
        <WalletStatus item={item} name={name} />
        <div style={{ flex: 1 }}>
          <CountsToward pathways={item.pathways} />
        </div>
        <Group>
          <Button
            size="xs"
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={14} aria-hidden />}
            onClick={onRemove}
            aria-label={`Remove ${name} from the wallet`}
          >
            Remove
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** `/me/wallet`: credentials brought from other platforms, and the form to add one. */
export default function WalletPage() {
  usePageTitle('Wallet');
  const wallet = useWallet();
  const remove = useRemoveFromWallet();
  const [removing, setRemoving] = useState<WalletItem | null>(null);

  let body;
  if (wallet.isPending) body = <PageLoader label="Loading your wallet" />;
  else if (wallet.isError) body = <ErrorState error={wallet.error} onRetry={() => void wallet.refetch()} />;
  else if (wallet.data.length === 0) {
    body = (
      <EmptyState icon={<IconWallet size={28} />} title="Nothing from elsewhere yet">
        Credentials you earned on other platforms appear here once added, and count toward your pathways.
      </EmptyState>
    );
  } else {
    body = (
      <CardGrid items={wallet.data} label="Credentials from elsewhere">
        {(item) => <WalletCard item={item} onRemove={() => setRemoving(item)} />}
      </CardGrid>
    );
  }

  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <Title order={1}>Wallet</Title>
        <Text c="dimmed">
          Credentials from other platforms. Your Cairn credentials are in{' '}
          <Anchor component={Link} to="/me/credentials">
            My credentials
          </Anchor>
          .
        </Text>
      </Stack>
      <AddCredential />
      <Stack gap="sm" component="section" aria-labelledby="held-heading">
        <Title order={2} fz="h4" id="held-heading">
          In your wallet
        </Title>
        {body}
      </Stack>
      <ConfirmDialog
        opened={removing !== null}
        title="Remove this credential?"
        confirmLabel="Remove"
        isPending={remove.isPending}
        error={remove.error}
        onClose={() => {
          setRemoving(null);
          remove.reset();
        }}
        onConfirm={() => {
          if (removing) remove.mutate(removing.id, { onSuccess: () => setRemoving(null) });
        }}
      >
        {removing?.achievementName ?? 'It'} will no longer count toward your pathways in progress. Pathway credentials
        already awarded stay as issued.
      </ConfirmDialog>
    </Stack>
  );
}
