import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { Link } from 'react-router';
import { PageHeader } from '../components/page-header';
import { EmptyState, ErrorState, PageLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { spacePath, useMySpaces, type MySpace } from '../features/community/community-api';
import { PeerProfileForm } from '../features/community/peer-profile-form';

const stateNote: Record<MySpace['state'], string> = {
  open: '',
  waiting: 'No cohort has a place for you yet. You join one as soon as the provider opens it.',
  removed: 'A facilitator removed you from this programme’s cohort. Contact the provider if you think this is wrong.',
};

/** A learner's discussions: their cohorts and the programme-wide discussions of self-paced programmes. */
export default function CommunityPage() {
  usePageTitle('Community');
  const spaces = useMySpaces();
  return (
    <Stack gap="xl">
      <PageHeader
        title="Community"
        description="Talk with the people learning alongside you: your cohort, or everyone in a self-paced programme."
      />
      {spaces.isPending ? (
        <PageLoader label="Loading your discussions" />
      ) : spaces.isError ? (
        <ErrorState error={spaces.error} onRetry={() => void spaces.refetch()} />
      ) : spaces.data.length === 0 ? (
        <EmptyState icon={<IconUsersGroup size={28} aria-hidden />} title="No discussions yet">
          Enrol in a programme from the catalogue to join its discussion.
        </EmptyState>
      ) : (
        <SimpleGrid
          cols={{ base: 1, sm: 2 }}
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label="Your discussions"
        >
          {spaces.data.map((s) => (
            <li key={s.programme.id}>
              <Card withBorder h="100%">
                <Stack gap={6}>
                  <Group justify="space-between" align="flex-start" wrap="nowrap">
                    {s.id ? (
                      <Anchor component={Link} to={spacePath(s.id)} fw={650}>
                        {s.cohort ? `${s.programme.title}: ${s.cohort.name}` : s.programme.title}
                      </Anchor>
                    ) : (
                      <Text fw={650}>{s.programme.title}</Text>
                    )}
                    <Badge variant="light" color={s.kind === 'cohort' ? 'grape' : 'cairn'}>
                      {s.kind === 'cohort' ? 'Cohort' : 'Programme'}
                    </Badge>
                  </Group>
                  {s.cohort ? (
                    <Text size="sm" c="dimmed">
                      {new Date(s.cohort.startsOn).toLocaleDateString()} to{' '}
                      {new Date(s.cohort.endsOn).toLocaleDateString()}
                    </Text>
                  ) : null}
                  {s.state !== 'open' ? <Text size="sm">{stateNote[s.state]}</Text> : null}
                </Stack>
              </Card>
            </li>
          ))}
        </SimpleGrid>
      )}
      <PeerProfileForm />
    </Stack>
  );
}
