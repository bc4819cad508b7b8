import { Paper, SimpleGrid, Text, type SimpleGridProps } from '@mantine/core';

/** A term, its value, and an optional line under the value. */
export type Fact = [term: string, value: string, note?: string];

/** Key facts as a definition list of small tiles (cost, effort, duration...). */
export function FactGrid({ facts, cols }: { facts: readonly Fact[]; cols: SimpleGridProps['cols'] }) {
  return (
    <SimpleGrid cols={cols} spacing="sm" component="dl" m={0}>
      {facts.map(([term, value, note]) => (
        <Paper key={term} withBorder p="sm" bg="white">
          <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={600}>
            {term}
          </Text>
          <Text component="dd" m={0} fw={600}>
            {value}
            {note ? (
              <Text component="span" display="block" size="xs" c="dimmed" fw={400}>
                {note}
              </Text>
            ) : null}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}
