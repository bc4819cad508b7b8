import type { Deps } from '../deps.js';
import type { CatalogueOffer } from './completion-plan.js';
import { type NodeContext, labelOf } from './requirement-context.js';
import { walkTree, type RequirementNode } from './requirement-tree.js';
import { type OfferRow, catalogueOffersForThresholds } from './stores/catalogue-lookup.store.js';

// A pathway drawn as a map, and the catalogue offers a completion plan may draw on.

function toOffer(o: OfferRow): CatalogueOffer {
  return {
    microcredentialId: o.microcredential_id,
    title: o.title,
    providerName: o.provider_name,
    costMinor: o.cost_amount_minor ?? 0,
    currency: o.cost_currency,
    effortHours: o.effort_hours,
    durationWeeks: o.duration_weeks,
    cpdHours: o.cpd_hours,
    credits: 0,
    skillIds: o.skill_ids,
  };
}

/** The catalogue offers a completion plan may draw on: the programmes named, plus the best for any threshold. */
export async function offersFor(deps: Deps, tree: RequirementNode, ctx: NodeContext): Promise<CatalogueOffer[]> {
  const offers = new Map([...ctx.offers.values()].map((o) => [o.microcredential_id, o]));
  let wantsCpd = false;
  const skillIds: string[] = [];
  walkTree(tree, (node) => {
    if (node.type === 'minCpdHours' || node.type === 'minCredits') wantsCpd = true;
    if (node.type === 'skills') skillIds.push(...node.skillIds);
  });
  if (wantsCpd || skillIds.length > 0) {
    for (const o of await catalogueOffersForThresholds(deps.db, { skillIds, wantsCpd, limit: 60 }))
      offers.set(o.microcredential_id, o);
  }
  return [...offers.values()].map(toOffer);
}

/** The tree as stones and the ways they stack, ready to draw. */
export function buildMap(tree: RequirementNode, ctx: NodeContext, achievementName: string, order: string[]) {
  const nodes: {
    id: string;
    kind: 'qualification' | RequirementNode['type'];
    label: string;
    parentId: string | null;
    depth: number;
    n?: number;
    of?: number;
    amount?: number;
    skills?: { id: string; name: string }[];
    achievement?: {
      kind: 'microcredential' | 'pathway' | 'external';
      id: string;
      name: string;
      provider: { slug: string; name: string } | null;
      issuerDids?: string[];
      programme: {
        slug: string;
        effortHours: number;
        durationWeeks: number;
        costMinor: number | null;
        currency: string | null;
        cpdHours: number;
      } | null;
    };
    recommendedPosition: number | null;
  }[] = [
    {
      id: 'qualification',
      kind: 'qualification',
      label: achievementName,
      parentId: null,
      depth: 0,
      recommendedPosition: null,
    },
  ];
  const edges: { from: string; to: string; kind: 'stacksOnto' | 'then' }[] = [];
  walkTree(tree, (node, _path, parent, depth) => {
    const position = order.indexOf(node.id);
    const base = {
      id: node.id,
      kind: node.type,
      label: labelOf(node, ctx.names),
      parentId: parent?.id ?? 'qualification',
      depth: depth + 1,
      recommendedPosition: position === -1 ? null : position + 1,
    };
    edges.push({ from: node.id, to: parent?.id ?? 'qualification', kind: 'stacksOnto' });
    switch (node.type) {
      case 'all':
        nodes.push({ ...base, n: node.children.length, of: node.children.length });
        break;
      case 'atLeast':
        nodes.push({ ...base, n: node.n, of: node.children.length });
        break;
      case 'minCpdHours':
        nodes.push({ ...base, amount: node.hours });
        break;
      case 'minCredits':
        nodes.push({ ...base, amount: node.credits });
        break;
      case 'skills':
        nodes.push({
          ...base,
          n: node.minCount ?? node.skillIds.length,
          of: node.skillIds.length,
          skills: node.skillIds.map((id) => ({ id, name: ctx.skills.get(id) ?? id })),
        });
        break;
      case 'achievement': {
        const ref = node.ref;
        if (ref.kind === 'microcredential') {
          const m = ctx.micro.get(ref.microcredentialId);
          const o = ctx.offers.get(ref.microcredentialId);
          nodes.push({
            ...base,
            achievement: {
              kind: 'microcredential',
              id: ref.microcredentialId,
              name: base.label,
              provider: m ? { slug: m.orgSlug, name: m.orgName } : null,
              programme: o
                ? {
                    slug: o.slug,
                    effortHours: o.effort_hours,
                    durationWeeks: o.duration_weeks,
                    costMinor: o.cost_amount_minor,
                    currency: o.cost_currency,
                    cpdHours: o.cpd_hours,
                  }
                : null,
            },
          });
        } else if (ref.kind === 'pathway') {
          const p = ctx.pathways.get(ref.pathwayId);
          nodes.push({
            ...base,
            achievement: {
              kind: 'pathway',
              id: ref.pathwayId,
              name: base.label,
              provider: p ? { slug: p.orgSlug, name: p.orgName } : null,
              programme: null,
            },
          });
        } else {
          nodes.push({
            ...base,
            achievement: {
              kind: 'external',
              id: ref.achievementId,
              name: base.label,
              provider: null,
              issuerDids: ref.issuerDids,
              programme: null,
            },
          });
        }
        break;
      }
    }
  });
  for (let i = 1; i < order.length; i += 1) edges.push({ from: order[i - 1]!, to: order[i]!, kind: 'then' });
  return { nodes, edges };
}
