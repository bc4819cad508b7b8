import { Button, Group, Loader, Select, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { useSkillTypeahead } from '../catalog/use-skill-typeahead';
import { levelOptions } from './assessment-modal';
import { levelLabel, useMySelfAssessments, useRecordSelfAssessment } from './workforce-api';
import { DataTable } from '../../components/data-table';

/**
 * The member rates their own level in a skill, for one employer. The employer sees it labelled
 * "self-assessed" beside what shared credentials verify; it never counts as verified.
 */
export function SelfAssessments({ orgSlug, orgName }: { orgSlug: string; orgName: string }) {
  const assessments = useMySelfAssessments(orgSlug);
  const record = useRecordSelfAssessment(orgSlug);
  const { found, setTerm, searchProps } = useSkillTypeahead();
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
        <DataTable
          rows={assessments.data}
          rowKey={(a) => a.skillId}
          labelledBy={headingId}
          minWidth={280}
          columns={[
            { header: 'Skill', cell: (a) => a.name, isRowHeader: true },
            { header: 'Self-assessed level', cell: (a) => `${levelLabel(a.level)} (self-assessed)` },
          ]}
        />
      )}
      <Group gap="sm" align="flex-end">
        <Select
          label="Skill to rate"
          placeholder="Search skills"
          {...searchProps}
          value={skill?.id ?? null}
          data={[
            ...(skill && !found.some((s) => s.id === skill.id) ? [{ value: skill.id, label: skill.name }] : []),
            ...found.map((s) => ({ value: s.id, label: s.name })),
          ]}
          onChange={(id) => {
            const picked = found.find((s) => s.id === id);
            setSkill(picked ? { id: picked.id, name: picked.name } : null);
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
