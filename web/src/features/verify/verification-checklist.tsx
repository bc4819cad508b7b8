import { Group, List, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconMinus, IconX } from '@tabler/icons-react';
import type { CheckStatus, VerificationCheck } from '../../api/types';

/** Each outcome has a colour, an icon and a word, so none depends on colour alone. */
const statusView: Record<CheckStatus, { color: string; word: string; icon: typeof IconCheck }> = {
  passed: { color: 'teal', word: 'Passed', icon: IconCheck },
  failed: { color: 'red', word: 'Failed', icon: IconX },
  warning: { color: 'yellow', word: 'Warning', icon: IconAlertTriangle },
  skipped: { color: 'gray', word: 'Not checked', icon: IconMinus },
};

/** The checks a verification ran, in plain words, failures first. */
export function VerificationChecklist({ checks }: { checks: VerificationCheck[] }) {
  const order: Record<CheckStatus, number> = { failed: 0, warning: 1, passed: 2, skipped: 3 };
  const sorted = [...checks].sort((a, b) => order[a.status] - order[b.status]);
  return (
    <List
      spacing="md"
      listStyleType="none"
      aria-label="Verification checks"
      styles={{ itemWrapper: { width: '100%' } }}
    >
      {sorted.map((check) => {
        const view = statusView[check.status];
        const Icon = view.icon;
        return (
          <List.Item key={check.id} data-status={check.status}>
            <Group gap="sm" align="flex-start" wrap="nowrap">
              <ThemeIcon color={view.color} variant="light" radius="xl" size={30} aria-hidden>
                <Icon size={18} stroke={2.4} />
              </ThemeIcon>
              <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                <Group gap={8}>
                  <Text fw={600}>{check.label}</Text>
                  <Text size="xs" fw={700} tt="uppercase" c={check.status === 'skipped' ? 'dimmed' : `${view.color}.8`}>
                    {view.word}
                  </Text>
                </Group>
                {check.message ? (
                  <Text size="sm" c="gray.7" style={{ overflowWrap: 'anywhere' }}>
                    {check.message}
                  </Text>
                ) : null}
              </Stack>
            </Group>
          </List.Item>
        );
      })}
    </List>
  );
}
