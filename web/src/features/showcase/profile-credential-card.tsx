import { Anchor, Badge, Card, Group, Image, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { credentialVerdict, verdictView } from '../credentials/credential-verdict';
import { verifyCredential } from '../verify/verify-api';
import type { PublicProfile } from './showcase-api';

type ProfileCredential = PublicProfile['credentials'][number];

/** One credential on a profile, verified live by the server's verifier each time the page opens. */
export function ProfileCredentialCard({ credential: c }: { credential: ProfileCredential }) {
  const verification = useQuery({
    queryKey: ['profile-credential', c.id, 'verification'],
    queryFn: () => verifyCredential(c.verifiableCredential),
    staleTime: 0,
    gcTime: 0,
  });
  const verdict = verification.data ? credentialVerdict(verification.data) : null;
  const view = verdict ? verdictView[verdict] : null;
  return (
    <Card bg="white" component="article" h="100%" aria-label={c.achievementName}>
      <Stack gap="sm">
        <Group wrap="nowrap" align="flex-start" gap="sm">
          <Image src={new URL(c.badgeUrl).pathname} alt="" w={56} h={56} fit="contain" />
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Title order={3} fz="md" style={{ overflowWrap: 'anywhere' }}>
              <Anchor component={Link} to={new URL(c.pageUrl).pathname} inherit c="cairn.9">
                {c.achievementName}
              </Anchor>
            </Title>
            <Text size="sm" c="dimmed">
              {c.issuerName}
              {c.isPathway ? ' · pathway' : ''}
            </Text>
          </Stack>
        </Group>
        <Text size="sm">
          Issued {dayjs(c.issuedAt).format('D MMMM YYYY')}
          {c.validUntil ? ` · expires ${dayjs(c.validUntil).format('D MMMM YYYY')}` : ''}
        </Text>
        <div aria-live="polite">
          {verification.isPending ? (
            <Group gap="xs" role="status">
              <Loader size="xs" />
              <Text size="sm">Verifying…</Text>
            </Group>
          ) : view ? (
            <Badge color={view.color} variant="light" data-verdict={verdict}>
              {view.title}
            </Badge>
          ) : (
            <Badge color="gray" variant="light">
              Could not verify right now
            </Badge>
          )}
        </div>
        {c.skills.length > 0 ? (
          <Group gap={4}>
            {c.skills.map((s) => (
              <Badge key={s} variant="outline" color="gray" size="sm">
                {s}
              </Badge>
            ))}
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}
