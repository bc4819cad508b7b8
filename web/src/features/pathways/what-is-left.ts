import type { MyPathwayDetail } from './pathways-types';

export type LeftItem = { nodeId: string; text: string; options: string[] };

const isDefaultGroupLabel = (label: string) => /^(All of|\d+ of) \d+$/.test(label);

/**
 * The server's `remaining` as a reader wants it: "all of" groups dropped (their members are listed),
 * an n-of group shown once as "choose n" with its options by name instead of each option on its own.
 */
export function whatIsLeft(detail: Pick<MyPathwayDetail, 'remaining' | 'map'>): LeftItem[] {
  const nodes = new Map(detail.map.nodes.map((n) => [n.id, n]));
  const remainingIds = new Set(detail.remaining.map((r) => r.nodeId));
  const nameOf = (id: string) => nodes.get(id)?.achievement?.name ?? nodes.get(id)?.label ?? id;
  const items: LeftItem[] = [];
  for (const r of detail.remaining) {
    const node = nodes.get(r.nodeId);
    const kind = node?.kind ?? r.type;
    if (kind === 'all') continue;
    const parent = node?.parentId ? nodes.get(node.parentId) : undefined;
    if (parent?.kind === 'atLeast' && remainingIds.has(parent.id)) continue;
    if (kind === 'atLeast') {
      const label = r.label && !isDefaultGroupLabel(r.label) ? `${r.label}: ` : '';
      items.push({
        nodeId: r.nodeId,
        text: `${label}choose ${r.need} more`,
        options: r.options.filter((o) => remainingIds.has(o) || !nodes.has(o)).map(nameOf),
      });
      continue;
    }
    items.push({ nodeId: r.nodeId, text: r.label, options: kind === 'skills' ? r.options.map(nameOf) : [] });
  }
  return items;
}
