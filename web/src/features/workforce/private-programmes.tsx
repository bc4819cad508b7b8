import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/client';
import { useSession } from '../auth/use-session';
import { useEnrol } from '../learning/learning-api';
import { useMyPrivateProgrammes } from './workforce-api';
import { Section } from '../../components/section';

type Programme = NonNullable<ReturnType<typeof useMyPrivateProgrammes>['data']>[number];

function PrivateProgramme({ programme }: { programme: Programme }) {
  const enrol = useEnrol(programme.providerSlug, programme.slug);
  const navigate = useNavigate();
  return (
    <Group justify="space-between" wrap="nowrap" align="flex-start">
      <Stack gap={2}>
        <Text fw={600}>{programme.title}</Text>
        <Text size="sm" c="dimmed">
          {programme.providerName} for {programme.employer.name} · {programme.summary}
        </Text>
      </Stack>
      <Button
        variant="light"
        loading={enrol.isPending}
        aria-label={`Enrol in ${programme.title}`}
        onClick={() =>
          enrol.mutate(undefined, {
            onSuccess: (detail) => void navigate(`/learn/${detail.id}`),
            onError: (error) =>
              notifications.show({ color: 'red', title: 'Not enrolled', message: errorMessage(error) }),
          })
        }
      >
        Enrol
      </Button>
    </Group>
  );
}

/** Programmes a provider made for one of the learner's employers: listed only to its members. */
export function PrivateProgrammes() {
  const { session } = useSession();
  const programmes = useMyPrivateProgrammes(Boolean(session));
  if (!programmes.data || programmes.data.length === 0) return null;
  return (
    <Section frame="paper" title="Private programmes from your employers" titleId="private-programmes-heading">
      {programmes.data.map((p) => (
        <PrivateProgramme key={p.id} programme={p} />
      ))}
    </Section>
  );
}
