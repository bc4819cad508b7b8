import { Table, Text } from '@mantine/core';
import dayjs from 'dayjs';
import type { RoleDetail } from './workforce-api';

/** Every saved version of a role, newest first: what it asked for and when. */
export function RoleVersions({ role, labelledBy }: { role: RoleDetail; labelledBy: string }) {
  const names = new Map(role.skills.map((s) => [s.skillId, s.name]));
  const versions = [...role.versions].sort((a, b) => b.version - a.version);
  if (versions.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No earlier versions.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table aria-labelledby={labelledBy}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Version</Table.Th>
            <Table.Th scope="col">Name</Table.Th>
            <Table.Th scope="col">Skills</Table.Th>
            <Table.Th scope="col">Saved</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((v) => (
            <Table.Tr key={v.version}>
              <Table.Th scope="row">
                v{v.version}
                {v.version === role.version ? ' (current)' : ''}
              </Table.Th>
              <Table.Td>{v.name}</Table.Td>
              <Table.Td>
                <Text size="sm">
                  {v.skills
                    .map(
                      (s) =>
                        `${names.get(s.skillId) ?? 'A skill no longer in the role'} ${s.level}${s.essential ? '' : ' (optional)'}`,
                    )
                    .join(', ')}
                </Text>
              </Table.Td>
              <Table.Td>{dayjs(v.createdAt).format('D MMM YYYY HH:mm')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
