import { Button, Group, Loader, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { useSkillSearch } from '../catalog/catalog-api';
import { levelOptions } from './assessment-modal';
import { levelLabel, useMySelfAssessments, useRecordSelfAssessment } from './workforce-api';

/**
 * The member rates their own level in a skill, for one employer. The employer sees it labelled
 * "self-assessed" beside what shared credentials verify; it never counts as verified.
 */
export function SelfAssessments({ orgSlug, orgName }: { orgSlug: string; orgName: string }) {
  const assessments = useMySelfAssessments(orgSlug);
  const record = useRecordSelfAssessment(orgSlug);
  const [term, setTerm] = useState('');
  const [debounced] = useDebouncedValue(term, 250);
  const skills = useSkillSearch(debounced);
  const [skill, setSkill] = useState<{ id: string; name: string } | null>(null);
  const [level, setLevel] = useState<string | null>(null);
  const headingId = `self-assessments-${orgSlug}`;
  return (
    <Stack gap="xs" component="section" aria-labelledby={headingId}>
      <Title order={3} fz="md" id={headingId}>
        Your self-assessment
      </Title>
      <Text size="sm" c="dimmed">
        Rate your own level for {orgName}. It is shown to them as self-assessed, never as verified.
      </Text>
      {assessments.isPending ? (
        <Loader size="sm" aria-label="Loading your self-assessments" />
      ) : assessments.isError ? (
        <Text size="sm" c="red" role="alert">
          Your self-assessments could not be loaded: {errorMessage(assessments.error)}{' '}
          <Button size="compact-xs" variant="subtle" onClick={() => void assessments.refetch()}>
            Try again
          </Button>
        </Text>
      ) : assessments.data.length === 0 ? (
        <Text size="sm">You have not rated any skill yet.</Text>
      ) : (
        <Table aria-labelledby={headingId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Skill</Table.Th>
              <Table.Th scope="col">Self-assessed level</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {assessments.data.map((a) => (
              <Table.Tr key={a.skillId}>
                <Table.Th scope="row">{a.name}</Table.Th>
                <Table.Td>{levelLabel(a.level)} (self-assessed)</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group gap="sm" align="flex-end">
        <Select
          label="Skill to rate"
          placeholder="Search skills"
          searchable
          searchValue={term}
          onSearchChange={setTerm}
          value={skill?.id ?? null}
          data={[
            ...(skill && !skills.data?.items.some((s) => s.id === skill.id)
              ? [{ value: skill.id, label: skill.name }]
              : []),
            ...(skills.data?.items ?? []).map((s) => ({ value: s.id, label: s.name })),
          ]}
          nothingFoundMessage={term.trim().length < 2 ? 'Type at least two letters' : 'No skill by that name'}
          onChange={(id) => {
            const found = skills.data?.items.find((s) => s.id === id);
            setSkill(found ? { id: found.id, name: found.name } : null);
          }}
          w={280}
        />
        <Select label="Your level" data={levelOptions} value={level} onChange={setLevel} w={180} />
        <Button
          variant="light"
          disabled={!skill || !level}
          loading={record.isPending}
          onClick={() =>
            record.mutate(
              { skillId: skill!.id, level: Number(level) },
              {
                onSuccess: () => {
                  notifications.show({
                    title: 'Self-assessment saved',
                    message: `${orgName} sees ${skill!.name} at ${levelLabel(Number(level))}, labelled self-assessed.`,
                  });
                  setSkill(null);
                  setLevel(null);
                  setTerm('');
                },
                onError: (error) =>
                  notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(error) }),
              },
            )
          }
        >
          Save self-assessment
        </Button>
      </Group>
    </Stack>
  );
}
