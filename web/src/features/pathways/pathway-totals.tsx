import { Paper, SimpleGrid, Text } from '@mantine/core';
import { hoursLabel } from '../catalog/catalog-format';
import { planCostLabel, weeksLabel } from './pathway-format';
import type { CompletionPlan } from './pathways-types';

type Fact = [string, string, string?];

/** The cheapest and the shortest way (cost, effort, weeks) and the CPD hours, as a definition list. */
export function PathwayTotals({
  cheapest,
  shortest,
  cpdHours,
  extra = [],
}: {
  cheapest: CompletionPlan | null;
  shortest: CompletionPlan | null;
  cpdHours?: number;
  extra?: Fact[];
}) {
  const facts: Fact[] = [
    cheapest
      ? [
          'Cheapest way',
          planCostLabel(cheapest.cost),
          `${hoursLabel(cheapest.effortHours)} of effort · ${weeksLabel(cheapest.durationWeeks)}`,
        ]
      : ['Cheapest way', 'Not reachable on Cairn alone'],
    shortest
      ? [
          'Shortest way',
          weeksLabel(shortest.durationWeeks),
          `${hoursLabel(shortest.effortHours)} of effort · ${planCostLabel(shortest.cost)}`,
        ]
      : ['Shortest way', 'Not reachable on Cairn alone'],
  ];
  if (cpdHours !== undefined) facts.push(['CPD hours', hoursLabel(cpdHours)]);
  facts.push(...extra);
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" component="dl" m={0}>
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
