import { Avatar, Badge, Button, Container, Group, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../api/client';
import { CardGrid } from '../components/card-grid';
import { CairnMark } from '../components/cairn-mark';
import { DataTable } from '../components/data-table';
import { ErrorState, PageLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { ProfileCredentialCard } from '../features/showcase/profile-credential-card';
import { initialsOf } from '../features/showcase/initials';
import { usePublicProfile, type ProfileCpdSummary } from '../features/showcase/showcase-api';

const categoryLabel = { structured: 'Structured', 'self-directed': 'Self-directed' } as const;

/** The current CPD period's totals, shown only when the learner chose to (no activity is listed). */
function CpdSummary({ cpd }: { cpd: ProfileCpdSummary }) {
  const percent =
    cpd.target !== null && cpd.target > 0 ? Math.min(100, Math.round((cpd.done / cpd.target) * 100)) : null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="profile-cpd">
      <Title order={2} fz="xl" id="profile-cpd">
        Continuing professional development
      </Title>
      <Text id="profile-cpd-progress">
        {cpd.period.label}:{' '}
        {cpd.target === null ? `${cpd.done} ${cpd.unit} logged` : `${cpd.done} of ${cpd.target} ${cpd.unit}`}
        {cpd.isMet ? ' — target met' : ''}
        {cpd.schemeName ? ` (${cpd.schemeName})` : ''}
      </Text>
      {percent !== null ? <Progress value={percent} aria-labelledby="profile-cpd-progress" size="lg" /> : null}
      <DataTable
        labelledBy="profile-cpd"
        minWidth={320}
        rows={cpd.byCategory}
        rowKey={(c) => c.category}
        columns={[
          { header: 'Category', isRowHeader: true, cell: (c) => categoryLabel[c.category] },
          { header: `Counted (${cpd.unit})`, cell: (c) => c.counted, align: 'right' },
        ]}
      />
    </Stack>
  );
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
          {p.photoUrl ? (
            <Avatar src={p.photoUrl} size={88} radius="xl" alt={`Photo of ${p.name}`} />
          ) : (
            <Avatar size={88} radius="xl" color="cairn" aria-hidden>
              {initialsOf(p.name)}
            </Avatar>
          )}
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

        {p.cpd ? <CpdSummary cpd={p.cpd} /> : null}

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
