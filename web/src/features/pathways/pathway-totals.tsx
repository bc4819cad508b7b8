import { FactGrid, type Fact } from '../../components/fact-grid';
import { hoursLabel } from '../catalog/catalog-format';
import { planCostLabel, weeksLabel } from './pathway-format';
import type { CompletionPlan } from './pathways-types';

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
  return <FactGrid facts={facts} cols={{ base: 1, xs: 2, md: 4 }} />;
}
