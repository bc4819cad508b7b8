import { Affix, Box, Button, CloseButton, Group, Paper, Text } from '@mantine/core';
import { IconScale } from '@tabler/icons-react';
import { Link } from 'react-router';
import { MAX_COMPARE, comparePath, useCompareSelection } from './compare-selection';

/** The tray at the bottom of the catalogue: what is picked, and the way to the comparison. */
export function CompareTray() {
  const { picks, remove, clear } = useCompareSelection();
  if (picks.length === 0) return null;
  return (
    <>
      {/* Room at the end of the page, so the tray never covers the last results or the pager. */}
      <Box h={96} aria-hidden />
      <Affix position={{ bottom: 16, left: 16, right: 16 }}>
        <Paper shadow="md" p="sm" withBorder maw={960} mx="auto" component="section" aria-label="Programmes to compare">
          <Group justify="space-between" gap="sm">
            <Group gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {picks.map((p) => (
                <Group key={p.id} gap={2} component="li" wrap="nowrap">
                  <Text size="sm" fw={500} lineClamp={1} maw={200}>
                    {p.title}
                  </Text>
                  <CloseButton
                    size="sm"
                    aria-label={`Remove ${p.title} from the comparison`}
                    onClick={() => remove(p.id)}
                  />
                </Group>
              ))}
            </Group>
            <Group gap="xs">
              <Text size="xs" c="dimmed">
                {picks.length} of {MAX_COMPARE}
              </Text>
              <Button variant="subtle" size="xs" onClick={clear}>
                Clear
              </Button>
              {picks.length < 2 ? (
                <Text size="sm">Pick one more to compare</Text>
              ) : (
                <Button
                  component={Link}
                  to={comparePath(picks.map((p) => p.id))}
                  leftSection={<IconScale size={16} aria-hidden />}
                  size="sm"
                >
                  Compare {picks.length}
                </Button>
              )}
            </Group>
          </Group>
        </Paper>
      </Affix>
    </>
  );
}
