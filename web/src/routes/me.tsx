import { Anchor, Badge, Button, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCertificate, IconPlayerPlay, IconSearch } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import type { EnrolmentSummary } from '../api/types';
import { EmptyState, ErrorState, PageLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { useSession } from '../features/auth/use-session';
import { programmePath } from '../features/catalog/catalog-format';
import { ProgrammeImage } from '../features/catalog/programme-image';
import { learnPath, useMyLearning } from '../features/learning/learning-api';

function EnrolmentCard({ enrolment: e }: { enrolment: EnrolmentSummary }) {
  return (
    <Card bg="white" component="article">
      <Stack gap="sm" h="100%">
        <Group wrap="nowrap" align="flex-start" gap="sm">
          <ProgrammeImage src={e.programme.imageUrl} size={48} />
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Title order={3} fz="md" style={{ overflowWrap: 'anywhere' }}>
              <Anchor
                component={Link}
                to={
                  e.status === 'withdrawn'
                    ? programmePath(e.programme.providerSlug, e.programme.slug)
                    : learnPath(e.id, e.nextModuleId)
                }
                inherit
                c="cairn.9"
              >
                {e.programme.title}
              </Anchor>
            </Title>
            <Text size="sm" c="dimmed">
              {e.programme.providerName}
            </Text>
          </Stack>
        </Group>
        {e.status === 'active' ? (
          <Stack gap={4} style={{ flex: 1 }}>
            <Progress
              value={e.progress.percent}
              aria-label={`${e.programme.title}: ${e.progress.done} of ${e.progress.total} modules done`}
            />
            <Text size="xs" c="dimmed">
              {e.progress.done} of {e.progress.total} modules done · enrolled {dayjs(e.enrolledAt).format('D MMM YYYY')}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed" style={{ flex: 1 }}>
            {e.status === 'completed'
              ? `Completed ${e.completedAt ? dayjs(e.completedAt).format('D MMM YYYY') : ''}`
              : `Withdrawn · ${e.progress.done} of ${e.progress.total} modules were done`}
          </Text>
        )}
        <Group gap="xs">
          {e.status === 'active' ? (
            <Button
              component={Link}
              to={learnPath(e.id, e.nextModuleId)}
              size="sm"
              leftSection={<IconPlayerPlay size={16} aria-hidden />}
            >
              {e.progress.done === 0 ? 'Start' : 'Continue'}
            </Button>
          ) : e.status === 'completed' ? (
            <>
              {e.credentialId ? (
                <Button
                  component={Link}
                  to={`/credentials/${e.credentialId}`}
                  size="sm"
                  color="teal"
                  leftSection={<IconCertificate size={16} aria-hidden />}
                >
                  Credential
                </Button>
              ) : (
                <Badge color="teal" variant="light">
                  Credential on its way
                </Badge>
              )}
              <Button component={Link} to={learnPath(e.id)} size="sm" variant="default">
                Review modules
              </Button>
            </>
          ) : (
            <Button
              component={Link}
              to={programmePath(e.programme.providerSlug, e.programme.slug)}
              size="sm"
              variant="default"
            >
              Programme page
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

function Section({ title, items }: { title: string; items: EnrolmentSummary[] }) {
  if (items.length === 0) return null;
  const id = `section-${title.toLowerCase().replace(/\s+/g, '-')}`;
  return (
    <Stack gap="sm" component="section" aria-labelledby={id}>
      <Title order={2} fz="lg" id={id}>
        {title} ({items.length})
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
        {items.map((e) => (
          <EnrolmentCard key={e.id} enrolment={e} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

/** `/me`: My learning: programmes in progress, completed and withdrawn. */
export default function MyLearningPage() {
  usePageTitle('My learning');
  const { session } = useSession();
  const learning = useMyLearning();

  let body;
  if (learning.isPending) body = <PageLoader label="Loading your programmes" />;
  else if (learning.isError) body = <ErrorState error={learning.error} onRetry={() => void learning.refetch()} />;
  else if (learning.data.length === 0) {
    body = (
      <EmptyState
        icon={<IconSearch size={28} />}
        title="You are not enrolled in anything yet"
        action={
          <Button component={Link} to="/catalog">
            Browse the catalogue
          </Button>
        }
      >
        Find a short programme by skill, provider, duration or cost. Complete it and you hold a signed credential anyone
        can verify.
      </EmptyState>
    );
  } else {
    body = (
      <Stack gap="xl">
        <Section title="In progress" items={learning.data.filter((e) => e.status === 'active')} />
        <Section title="Completed" items={learning.data.filter((e) => e.status === 'completed')} />
        <Section title="Withdrawn" items={learning.data.filter((e) => e.status === 'withdrawn')} />
      </Stack>
    );
  }

  return (
    <Stack gap="xl">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>My learning</Title>
          <Text c="dimmed">Hello {session?.user.name}. Pick up where you left off.</Text>
        </Stack>
        <Group gap="xs">
          <Button
            component={Link}
            to="/me/credentials"
            variant="default"
            leftSection={<IconCertificate size={18} aria-hidden />}
          >
            My credentials
          </Button>
          <Button component={Link} to="/catalog" variant="light" leftSection={<IconSearch size={18} aria-hidden />}>
            Find a programme
          </Button>
        </Group>
      </Group>
      {body}
    </Stack>
  );
}
