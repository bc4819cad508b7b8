import { Stack, Table, Text } from '@mantine/core';
import type { LearnerRubric } from '../../api/types';

/** The rubric a submission is assessed against: each criterion with its levels and points. */
export function RubricTable({ rubric }: { rubric: LearnerRubric }) {
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table withTableBorder withColumnBorders verticalSpacing="xs" fz="sm" captionSide="top">
        <Table.Caption>Rubric</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="30%">Criterion</Table.Th>
            <Table.Th>Levels</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rubric.criteria.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td valign="top">
                <Text fw={600} size="sm">
                  {c.title}
                </Text>
                {c.description ? (
                  <Text size="xs" c="dimmed">
                    {c.description}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Stack gap={4}>
                  {c.levels.map((l) => (
                    <Text key={l.id} size="sm">
                      <Text span fw={600}>
                        {l.title}
                      </Text>{' '}
                      ({l.points} {l.points === 1 ? 'point' : 'points'}){l.description ? `: ${l.description}` : ''}
                    </Text>
                  ))}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
