import { Paper, SimpleGrid, Text } from '@mantine/core';
import { hoursLabel } from '../catalog/catalog-format';
import { planCostLabel, weeksLabel } from './pathway-format';
import type { CompletionPlan } from './pathways-types';

type Fact = [string, string, string?];

function planFacts(label: string, plan: CompletionPlan | null): Fact[] {
  if (!plan) return [[label, 'Not reachable on Cairn alone']];
  return [[label, planCostLabel(plan.cost), `${hoursLabel(plan.effortHours)} of effort · ${weeksLabel(plan.durationWeeks)}`]];
}

/** The cheapest and the shortest way (cost, effort, weeks) and the CPD hours, as a definition list. */
export function PathwayTotals({ cheapest, shortest, cpdHours, extra = [] }: { cheapest: CompletionPlan | null; shortest: CompletionPlan | null; cpdHours?: number; extra?: Fact[] }) {
  const facts: Fact[] = [...planFacts('Cheapest way', cheapest), ...planFacts('Shortest way', shortest)];
  if (shortest) facts.push(['Shortest time', weeksLabel(shortest.durationWeeks), `${hoursLabel(shortest.effortHours)} of effort`]);
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
