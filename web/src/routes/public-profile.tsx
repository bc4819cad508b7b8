import { Avatar, Badge, Button, Container, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../api/client';
import { CardGrid } from '../components/card-grid';
import { CairnMark } from '../components/cairn-mark';
import { ErrorState, PageLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { ProfileCredentialCard } from '../features/showcase/profile-credential-card';
import { usePublicProfile } from '../features/showcase/showcase-api';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase() || '?';
}

function NoProfile() {
  return (
    <Stack align="center" ta="center" gap="md" py={48}>
      <CairnMark size={72} />
      <Title order={1}>No profile at this address</Title>
      <Text c="dimmed" maw={520}>
        The profile may be private, or the link is incomplete. Ask the person for a share link.
      </Text>
      <Button component={Link} to="/verify" variant="default">
        Verify a credential file instead
      </Button>
    </Stack>
  );
}

/** `/p/:handle`: a learner's public profile, each credential verified live as the page opens. */
export default function PublicProfilePage() {
  const { handle = '' } = useParams();
  const [search] = useSearchParams();
  const profile = usePublicProfile(handle.toLowerCase(), search.get('share'));
  usePageTitle(profile.data ? profile.data.name : 'Profile');

  let body;
  if (profile.isPending) body = <PageLoader label="Loading the profile" />;
  else if (profile.isError && isApiError(profile.error) && profile.error.status === 404) body = <NoProfile />;
  else if (profile.isError)
    body = (
      <ErrorState
        error={profile.error}
        title="The profile could not be loaded"
        onRetry={() => void profile.refetch()}
      />
    );
  else {
    const p = profile.data;
    body = (
      <Stack gap="xl">
        <Group gap="lg" wrap="nowrap" align="center">
          <Avatar size={88} radius="xl" color="cairn" aria-hidden>
            {initials(p.name)}
          </Avatar>
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Title order={1} style={{ overflowWrap: 'anywhere' }}>
              {p.name}
            </Title>
            {p.headline ? (
              <Text size="lg" c="gray.7">
                {p.headline}
              </Text>
            ) : null}
            {p.isOwner && !p.isPublic ? (
              <Badge color="yellow" variant="light" w="fit-content">
                Private: only you and people with a share link see this
              </Badge>
            ) : null}
          </Stack>
        </Group>

        <Stack gap="sm" component="section" aria-labelledby="profile-credentials">
          <Title order={2} fz="xl" id="profile-credentials">
            Credentials
          </Title>
          {p.credentials.length === 0 ? (
            <Text c="dimmed">No credentials shown yet.</Text>
          ) : (
            <CardGrid items={p.credentials} label="Credentials">
              {(c) => <ProfileCredentialCard credential={c} />}
            </CardGrid>
          )}
        </Stack>

        {p.skills.length > 0 ? (
          <Stack gap="sm" component="section" aria-labelledby="profile-skills">
            <Title order={2} fz="xl" id="profile-skills">
              Skills evidenced
            </Title>
            <Table.ScrollContainer minWidth={360}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Skill</Table.Th>
                    <Table.Th>Evidenced by</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.skills.map((s) => (
                    <Table.Tr key={s.name}>
                      <Table.Td>{s.name}</Table.Td>
                      <Table.Td>{s.evidence.join(', ')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        ) : null}

        <Text size="xs" c="dimmed">
          Each credential above is an Open Badges 3.0 verifiable credential, checked by Cairn when this page opened: the
          issuer’s signature, that nothing changed, and that it is not revoked, suspended or expired.
        </Text>
      </Stack>
    );
  }
  return (
    <Container size="lg" py={{ base: 'lg', sm: 48 }}>
      {body}
    </Container>
  );
}
