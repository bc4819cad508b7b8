import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconTarget } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { CardGrid } from '../components/card-grid';
import { PageHeader } from '../components/page-header';
import { EmptyState, ErrorState, PageLoader } from '../components/page-states';
import { usePageTitle } from '../components/use-page-title';
import { useDeleteGoal, useMyGoals } from '../features/goals/goals-api';
import { NewGoalModal } from '../features/goals/new-goal-modal';

const kindLabel = { role: 'Role', pathway: 'Pathway', skills: 'Skills' } as const;

/** `/me/goals`: my goals; each opens its plan. */
export default function MyGoalsPage() {
  usePageTitle('My goals');
  const goals = useMyGoals();
  const remove = useDeleteGoal();
  const navigate = useNavigate();
  const [isCreating, setCreating] = useState(false);
  let body;
  if (goals.isPending) body = <PageLoader label="Loading your goals" />;
  else if (goals.isError) body = <ErrorState error={goals.error} onRetry={() => void goals.refetch()} />;
  else if (goals.data.length === 0)
    body = (
      <EmptyState
        icon={<IconTarget size={28} />}
        title="No goals yet"
        action={<Button onClick={() => setCreating(true)}>Set a goal</Button>}
      >
        Aim for a role or a set of skills, and Cairn plans the programmes that get you there.
      </EmptyState>
    );
  else
    body = (
      <CardGrid items={goals.data} label="My goals">
        {(g) => (
          <Card component="article" withBorder bg="white">
            <Stack gap="xs" h="100%">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Title order={2} fz="md">
                  <Anchor component={Link} to={`/me/goals/${g.id}`} inherit c="cairn.9">
                    {g.title}
                  </Anchor>
                </Title>
                <Badge variant="light">{kindLabel[g.kind]}</Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {g.targetDate ? `By ${g.targetDate}` : 'No target date'}
                {g.weeklyHours ? ` · ${g.weeklyHours} h a week` : ''}
              </Text>
              <Group gap="xs" mt="auto">
                <Button component={Link} to={`/me/goals/${g.id}`} size="sm" variant="light">
                  See the plan
                </Button>
                <Button
                  size="sm"
                  variant="subtle"
                  color="red"
                  loading={remove.isPending && remove.variables === g.id}
                  onClick={() => remove.mutate(g.id)}
                  aria-label={`Delete the goal ${g.title}`}
                >
                  Delete
                </Button>
              </Group>
            </Stack>
          </Card>
        )}
      </CardGrid>
    );
  return (
    <Stack gap="xl">
      <PageHeader
        title="My goals"
        description="Where you are heading, what is left to learn, and the cheapest or quickest way there."
        actions={<Button onClick={() => setCreating(true)}>Set a goal</Button>}
      />
      {body}
      <NewGoalModal
        opened={isCreating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          void navigate(`/me/goals/${id}`);
        }}
      />
    </Stack>
  );
}
