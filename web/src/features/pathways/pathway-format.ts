import { costLabel } from '../catalog/catalog-format';
import type { MapNode, PlanCost } from './pathways-types';

/** "Free", "€49.00" or "€49.00 + £20.00" for a sum in several currencies. */
export function planCostLabel(cost: PlanCost): string {
  const paid = cost.filter((c) => c.amountMinor > 0);
  if (paid.length === 0) return 'Free';
  return paid.map((c) => costLabel({ currency: c.currency, amountMinor: c.amountMinor })).join(' + ');
}

export const weeksLabel = (weeks: number): string =>
  `${Number.isInteger(weeks) ? weeks : weeks.toFixed(1)} ${weeks === 1 ? 'week' : 'weeks'}`;

/** What a group asks for: "All of" or "2 of 3". */
export function groupLabel(node: MapNode): string {
  if (node.kind === 'all') return 'All of';
  return `${node.n ?? 1} of ${node.of ?? 0}`;
}

export const isGroup = (node: MapNode): boolean => node.kind === 'all' || node.kind === 'atLeast';

export const pathwayPath = (id: string) => `/pathways/${encodeURIComponent(id)}`;
export const myPathwayPath = (id: string) => `/me/pathways/${encodeURIComponent(id)}`;
