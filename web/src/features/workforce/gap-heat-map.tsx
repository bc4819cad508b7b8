import { Table, Text, Tooltip } from '@mantine/core';
import dayjs from 'dayjs';
import { type GapStatus, type RoleGaps, levelLabel } from './workforce-api';

const statusStyle: Record<GapStatus, { label: string; bg: string; fg: string }> = {
  met: { label: 'Met', bg: 'var(--mantine-color-teal-1)', fg: 'var(--mantine-color-teal-9)' },
  below: { label: 'Below', bg: 'var(--mantine-color-yellow-1)', fg: 'var(--mantine-color-yellow-9)' },
  missing: { label: 'Missing', bg: 'var(--mantine-color-red-1)', fg: 'var(--mantine-color-red-9)' },
};

/**
 * Skills × people: each cell says the status in words (colour only repeats it) with the
 * verified level, and the self- and manager-assessed levels beside it, never counted.
 */
export function GapHeatMap({ gaps, labelledBy }: { gaps: RoleGaps; labelledBy: string }) {
  return (
    <Table.ScrollContainer minWidth={Math.max(480, 160 + gaps.role.skills.length * 150)}>
      <Table aria-labelledby={labelledBy} withTableBorder withColumnBorders>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Person</Table.Th>
            {gaps.role.skills.map((s) => (
              <Table.Th key={s.skillId} scope="col">
                {s.name}
                <Text size="xs" c="dimmed" fw={400}>
                  needs {levelLabel(s.level)}
                  {s.essential ? '' : ' · optional'}
                </Text>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {gaps.members.map((m) => (
            <Table.Tr key={m.userId}>
              <Table.Th scope="row">{m.name}</Table.Th>
              {m.skills.map((s) => {
                const style = statusStyle[s.status];
                const assessed = [
                  s.selfAssessed !== null ? `self ${s.selfAssessed}` : null,
                  s.managerAssessed !== null ? `manager ${s.managerAssessed}` : null,
                ].filter(Boolean);
                return (
                  <Table.Td key={s.skillId} style={{ background: style.bg, color: style.fg }}>
                    <Text size="sm" fw={600} c="inherit">
                      {style.label}
                      {s.verified !== null ? ` · verified ${s.verified}` : ''}
                    </Text>
                    {assessed.length > 0 ? (
                      <Text size="xs" c="inherit">
                        {assessed.join(', ')} (not verified)
                      </Text>
                    ) : null}
                    {s.expiresAt ? (
                      <Tooltip label="The credential that meets this expires within 90 days">
                        <Text size="xs" c="inherit" fw={600}>
                          Expires {dayjs(s.expiresAt).format('D MMM YYYY')}
                        </Text>
                      </Tooltip>
                    ) : null}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
