import { Text } from '@mantine/core';
import dayjs from 'dayjs';
import type { RoleDetail } from './workforce-api';
import { DataTable } from '../../components/data-table';

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
    <DataTable
      rows={versions}
      rowKey={(v) => String(v.version)}
      labelledBy={labelledBy}
      minWidth={480}
      columns={[
        {
          header: 'Version',
          isRowHeader: true,
          cell: (v) => `v${v.version}${v.version === role.version ? ' (current)' : ''}`,
        },
        { header: 'Name', cell: (v) => v.name },
        {
          header: 'Skills',
          cell: (v) => (
            <Text size="sm">
              {v.skills
                .map(
                  (s) =>
                    `${names.get(s.skillId) ?? 'A skill no longer in the role'} ${s.level}${s.essential ? '' : ' (optional)'}`,
                )
                .join(', ')}
            </Text>
          ),
        },
        { header: 'Saved', cell: (v) => dayjs(v.createdAt).format('D MMM YYYY HH:mm') },
      ]}
    />
  );
}
