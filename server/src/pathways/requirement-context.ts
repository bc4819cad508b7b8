import type { Deps } from '../deps.js';
import { isGroup, walkTree, type RequirementNode } from './requirement-tree.js';
import {
  type OfferRow,
  catalogueOffersFor,
  findPublishedMicrocredentials,
  findSkillIds,
} from './stores/catalogue-lookup.store.js';
import { findPathway, latestPublishedVersions } from './stores/pathway.store.js';

// What a tree's requirements point at (micro-credentials, pathways, skills, offers) and how each is labelled.

export function requirementLines(tree: RequirementNode, names: Map<string, string>): string[] {
  const lines: string[] = [];
  walkTree(tree, (node, _path, _parent, depth) => {
    if (depth === 0 && isGroup(node)) return;
    lines.push(`${'  '.repeat(Math.max(0, depth - 1))}${labelOf(node, names)}`);
  });
  return lines;
}

export type NodeContext = {
  names: Map<string, string>;
  micro: Map<string, { slug: string; orgSlug: string; orgName: string; orgDid: string }>;
  pathways: Map<string, { name: string; orgSlug: string; orgName: string }>;
  offers: Map<string, OfferRow>;
  skills: Map<string, string>;
};

/** Names of what each achievement requirement points at, keyed `kind:id`. */
export async function nodeNames(deps: Deps, tree: RequirementNode) {
  return (await nodeContext(deps, tree)).names;
}

export async function nodeContext(deps: Deps, tree: RequirementNode): Promise<NodeContext> {
  const microIds: string[] = [];
  const pathwayIds: string[] = [];
  const skillIds: string[] = [];
  walkTree(tree, (node) => {
    if (node.type === 'achievement' && node.ref.kind === 'microcredential') microIds.push(node.ref.microcredentialId);
    if (node.type === 'achievement' && node.ref.kind === 'pathway') pathwayIds.push(node.ref.pathwayId);
    if (node.type === 'skills') skillIds.push(...node.skillIds);
  });
  const [micro, offers, pathways, skills] = await Promise.all([
    findPublishedMicrocredentials(deps.db, [...new Set(microIds)]),
    catalogueOffersFor(deps.db, [...new Set(microIds)]),
    latestPublishedVersions(deps.db, [...new Set(pathwayIds)]),
    findSkillIds(deps.db, [...new Set(skillIds)]),
  ]);
  const pathwayOrgs = await Promise.all(pathways.map((p) => findPathway(deps.db, p.pathway_id)));
  const names = new Map<string, string>();
  const offerMap = new Map(offers.map((o) => [o.microcredential_id, o]));
  for (const m of micro) names.set(`microcredential:${m.id}`, offerMap.get(m.id)?.title ?? m.slug);
  for (const p of pathways) names.set(`pathway:${p.pathway_id}`, p.name);
  return {
    names,
    micro: new Map(
      micro.map((m) => [m.id, { slug: m.slug, orgSlug: m.orgSlug, orgName: m.orgName, orgDid: m.orgDid }]),
    ),
    pathways: new Map(
      pathways.map((p, i) => [
        p.pathway_id,
        { name: p.name, orgSlug: pathwayOrgs[i]?.orgSlug ?? '', orgName: pathwayOrgs[i]?.orgName ?? '' },
      ]),
    ),
    offers: offerMap,
    skills: new Map(skills.map((s) => [s.id, s.name])),
  };
}

export function labelOf(node: RequirementNode, names: Map<string, string>): string {
  if (node.title) return node.title;
  switch (node.type) {
    case 'all':
      return `All of ${node.children.length}`;
    case 'atLeast':
      return `${node.n} of ${node.children.length}`;
    case 'achievement':
      if (node.ref.kind === 'external') return node.ref.name ?? node.ref.achievementId;
      return (
        names.get(
          `${node.ref.kind}:${node.ref.kind === 'microcredential' ? node.ref.microcredentialId : node.ref.pathwayId}`,
        ) ?? 'Unknown achievement'
      );
    case 'minCpdHours':
      return `At least ${node.hours} CPD hours`;
    case 'minCredits':
      return `At least ${node.credits} credits`;
    case 'skills':
      return `Covers ${node.minCount ?? node.skillIds.length} of ${node.skillIds.length} skills`;
  }
}
