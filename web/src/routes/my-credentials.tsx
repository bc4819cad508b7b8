import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCertificate, IconDownload, IconExternalLink, IconSearch } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import type { MyCredential } from '../api/types';
import { EmptyState, ErrorState, PageLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { credentialUuidOf } from '../features/credentials/credentials-api';
import { CredentialStatusBadge } from '../features/credentials/credential-status-badge';
import { credentialFile, downloadText } from '../features/credentials/download';
import { useMyCredentials } from '../features/learning/learning-api';

function CredentialCard({ credential: c }: { credential: MyCredential }) {
  const uuid = credentialUuidOf(c.credentialUrl) ?? c.id;
  const text =
    typeof c.verifiableCredential === 'string'
      ? c.verifiableCredential
      : JSON.stringify(c.verifiableCredential, null, 2);
  const file = credentialFile(text, uuid);
  const name = c.achievementName ?? 'Credential';
  return (
    <Card bg="white" component="article">
      <Stack gap="sm" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={2} fz="md" style={{ overflowWrap: 'anywhere' }}>
            <Anchor component={Link} to={`/credentials/${uuid}`} inherit c="cairn.9">
              {name}
            </Anchor>
          </Title>
          <CredentialStatusBadge status={c.status} />
        </Group>
        <Text size="sm" c="dimmed" style={{ flex: 1 }}>
          Issued by {c.issuer.name} on {dayjs(c.issuedAt).format('D MMMM YYYY')}
        </Text>
        <Group gap="xs">
          <Button
            component={Link}
            to={`/credentials/${uuid}`}
            size="sm"
            variant="light"
            leftSection={<IconExternalLink size={16} aria-hidden />}
          >
            Public page
          </Button>
          <Button
            size="sm"
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
            onClick={() => downloadText(text, file.filename, file.type)}
            aria-label={`Download ${name} as ${file.filename.endsWith('.jwt') ? 'JWT' : 'JSON'}`}
          >
            {file.filename.endsWith('.jwt') ? 'JWT' : 'JSON'}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** `/me/credentials`: the credentials I hold, each with its public page and a download. */
export default function MyCredentialsPage() {
  usePageTitle('My credentials');
  const credentials = useMyCredentials();

  let body;
  if (credentials.isPending) body = <PageLoader label="Loading your credentials" />;
  else if (credentials.isError)
    body = <ErrorState error={credentials.error} onRetry={() => void credentials.refetch()} />;
  else if (credentials.data.length === 0) {
    body = (
      <EmptyState
        icon={<IconCertificate size={28} />}
        title="No credentials yet"
        action={
          <Button component={Link} to="/catalog" leftSection={<IconSearch size={18} aria-hidden />}>
            Find a programme
          </Button>
        }
      >
        Complete a programme and its signed credential appears here, ready to share.
      </EmptyState>
    );
  } else {
    body = (
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {credentials.data.map((c) => (
          <CredentialCard key={c.id} credential={c} />
        ))}
      </SimpleGrid>
    );
  }

  return (
    <Stack gap="xl">
      <Stack gap={4}>
        <Title order={1}>My credentials</Title>
        <Text c="dimmed">
          Signed Open Badges 3.0 credentials you hold. Share the public page; anyone can verify it.
        </Text>
      </Stack>
      {body}
    </Stack>
  );
}
