import { Alert, Anchor, Badge, Button, Code, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconExternalLink, IconFingerprint, IconRotate } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useParams } from 'react-router';
import { ConfirmDialog } from '../components/confirm-dialog';
import { CopyField } from '../components/copy-field';
import { ListContent } from '../components/list-page';
import { PageHeader } from '../components/page-header';
import { usePageTitle } from '../components/use-page-title';
import { useOrg } from '../features/orgs/orgs-api';
import { isAdminRole } from '../features/orgs/roles';
import {
  didDocumentPath,
  issuerProfilePath,
  keyFragment,
  useCreateDidKey,
  useRotateSigningKey,
  useSigningKeys,
} from '../features/signing-keys/signing-keys-api';
import { Section } from '../components/section';

const day = (value: string) => dayjs(value).format('D MMM YYYY');

function KeyStatus({ retiredAt }: { retiredAt: string | null }) {
  return retiredAt ? (
    <Badge color="gray" variant="light">
      Retired {day(retiredAt)}
    </Badge>
  ) : (
    <Badge color="teal" variant="light">
      Active
    </Badge>
  );
}

export default function SigningKeysPage() {
  const { slug = '' } = useParams();
  const { data: org } = useOrg(slug);
  const keys = useSigningKeys(slug);
  const rotate = useRotateSigningKey(slug);
  const createDidKey = useCreateDidKey(slug);
  const [isConfirming, setIsConfirming] = useState(false);
  usePageTitle('Signing keys');
  if (!org) return null;
  const canRotate = isAdminRole(org.myRole);

  const onRotate = () => {
    rotate.mutate(undefined, {
      onSuccess: () => {
        setIsConfirming(false);
        notifications.show({
          title: 'Key rotated',
          message: 'New credentials are signed with the new key. Earlier ones still verify.',
        });
      },
    });
  };

  return (
    <Stack gap="xl">
      <PageHeader
        title="Signing keys"
        description={`How verifiers know a credential really comes from ${org.name}.`}
        actions={
          canRotate ? (
            <Button
              leftSection={<IconRotate size={18} aria-hidden />}
              variant="default"
              onClick={() => {
                rotate.reset();
                setIsConfirming(true);
              }}
            >
              Rotate key
            </Button>
          ) : null
        }
      />

      <Section
        frame="paper"
        padding={{ base: 'md', sm: 'lg' }}
        title="Decentralised identifiers (DIDs)"
        titleId="did-heading"
      >
        <Text size="sm" c="dimmed">
          Credentials {org.name} issues name one of these as their issuer. The did:web is the default: its document,
          served by this site, lists the public keys that verify the signatures, and keys can rotate.
        </Text>
        <CopyField value={org.dids?.web ?? org.did} label="did:web" />
        <Text size="sm" c="dimmed">
          The did:key is one dedicated key that is its own identifier: credentials signed with it verify offline, with
          nothing to fetch. It is never rotated. API keys and VC-API requests choose it with{' '}
          <Code>issuerIdentifier: &quot;did:key&quot;</Code>.
        </Text>
        {org.dids?.key ? (
          <CopyField value={org.dids.key} label="did:key" />
        ) : canRotate ? (
          <Group gap="sm">
            <Button
              variant="default"
              size="xs"
              loading={createDidKey.isPending}
              onClick={() =>
                createDidKey.mutate(undefined, {
                  onSuccess: () =>
                    notifications.show({
                      title: 'did:key created',
                      message: `${org.name} can now issue as its did:key.`,
                    }),
                })
              }
            >
              Create did:key
            </Button>
            {createDidKey.isError ? (
              <Text size="sm" c="red" role="alert">
                {createDidKey.error.message}
              </Text>
            ) : null}
          </Group>
        ) : (
          <Text size="sm">No did:key yet: it is created when first used.</Text>
        )}
        <Group gap="lg">
          <Anchor href={didDocumentPath(slug)} target="_blank" rel="noopener" size="sm">
            <Group gap={4} component="span" wrap="nowrap">
              DID document <IconExternalLink size={14} aria-hidden />
            </Group>
          </Anchor>
          <Anchor href={issuerProfilePath(slug)} target="_blank" rel="noopener" size="sm">
            <Group gap={4} component="span" wrap="nowrap">
              Issuer profile <IconExternalLink size={14} aria-hidden />
            </Group>
          </Anchor>
        </Group>
      </Section>

      <Section frame="paper" padding={{ base: 'md', sm: 'lg' }} title="Keys" titleId="keys-heading">
        {canRotate ? null : (
          <Alert color="gray" variant="light" p="xs">
            <Text size="sm">Only owners and admins rotate keys.</Text>
          </Alert>
        )}
        <ListContent
          query={keys}
          loadingLabel="Loading signing keys"
          empty={{
            icon: <IconFingerprint size={26} />,
            title: 'No signing key yet',
            description: `${org.name} gets its first key when it issues its first credential${canRotate ? ', or when you rotate now' : ''}.`,
          }}
          table={{
            rowKey: (key) => key.id,
            labelledBy: 'keys-heading',
            minWidth: 280,
            rowColor: (key) => (key.retiredAt ? 'dimmed' : undefined),
            columns: [
              {
                header: 'Key',
                cell: (key) => (
                  <Stack gap={2}>
                    <Code w="fit-content">#{keyFragment(key.id)}</Code>
                    <Text
                      size="xs"
                      c="dimmed"
                      ff="monospace"
                      style={{ wordBreak: 'break-all' }}
                      title="Public key (multibase)"
                    >
                      {key.publicKeyMultibase}
                    </Text>
                    <Group gap="xs" hiddenFrom="sm">
                      <KeyStatus retiredAt={key.retiredAt} />
                      <Text size="xs" c="dimmed">
                        Created {day(key.createdAt)}
                      </Text>
                    </Group>
                  </Stack>
                ),
              },
              { header: 'Created', visibleFrom: 'sm', cell: (key) => <Text size="sm">{day(key.createdAt)}</Text> },
              { header: 'Status', visibleFrom: 'sm', cell: (key) => <KeyStatus retiredAt={key.retiredAt} /> },
            ],
          }}
        />
      </Section>

      <ConfirmDialog
        opened={isConfirming}
        title="Rotate the signing key?"
        confirmLabel="Rotate key"
        isPending={rotate.isPending}
        error={rotate.error}
        onClose={() => setIsConfirming(false)}
        onConfirm={onRotate}
      >
        Cairn creates a new key and signs every new credential with it. The current key is retired, not deleted: it
        stays in the DID document, so credentials already issued keep verifying. Rotate when a key may have been
        exposed, or as routine.
      </ConfirmDialog>
    </Stack>
  );
}
