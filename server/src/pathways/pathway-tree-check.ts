import type { Deps } from '../deps.js';
import { AppError, type FieldError } from '../http/app-error.js';
import type { RequirementNodeInput } from './pathways.schemas.js';
import { checkTreeShape, walkTree, type RequirementNode } from './requirement-tree.js';
import { findPublishedMicrocredentials, findSkillIds } from './stores/catalogue-lookup.store.js';
import { latestPublishedVersions } from './stores/pathway.store.js';

// The requirement tree an author sends: its nodes named, and everything that makes it impossible or circular.

export type PathwayInput = {
  name: string;
  description: string;
  achievementType: string;
  criteriaNarrative: string;
  imageUrl: string | null;
  tree: RequirementNodeInput;
  recommendedOrder: string[];
};

/** Names the unnamed requirements (`r1`, `r2`, …) so every node can be pointed at. */
export function assignNodeIds(input: RequirementNodeInput): RequirementNode {
  const taken = new Set<string>();
  const collect = (n: RequirementNodeInput) => {
    if (n.id) taken.add(n.id);
    if ('children' in n) n.children.forEach(collect);
  };
  collect(input);
  let next = 0;
  const fresh = () => {
    do next += 1;
    while (taken.has(`r${next}`));
    taken.add(`r${next}`);
    return `r${next}`;
  };
  const go = (n: RequirementNodeInput): RequirementNode => {
    const id = n.id ?? fresh();
    switch (n.type) {
      case 'all':
        return { id, type: 'all', ...(n.title ? { title: n.title } : {}), children: n.children.map(go) };
      case 'atLeast':
        return { id, type: 'atLeast', n: n.n, ...(n.title ? { title: n.title } : {}), children: n.children.map(go) };
      case 'achievement':
        return { id, type: 'achievement', ...(n.title ? { title: n.title } : {}), ref: n.ref };
      case 'minCpdHours':
        return { id, type: 'minCpdHours', ...(n.title ? { title: n.title } : {}), hours: n.hours };
      case 'minCredits':
        return { id, type: 'minCredits', ...(n.title ? { title: n.title } : {}), credits: n.credits };
      case 'skills':
        return {
          id,
          type: 'skills',
          ...(n.title ? { title: n.title } : {}),
          skillIds: [...new Set(n.skillIds)],
          ...(n.minCount !== undefined ? { minCount: n.minCount } : {}),
        };
    }
  };
  return go(input);
}

/**
 * Everything that makes a tree impossible or circular, by field path: its shape, achievements
 * that are not published on Cairn, unknown skills, a requirement that is this pathway itself,
 * or a pathway that (through any depth) includes this one.
 */
export async function checkPathwayTree(
  deps: Deps,
  pathwayId: string | null,
  tree: RequirementNode,
  recommendedOrder: string[],
): Promise<FieldError[]> {
  const problems: FieldError[] = checkTreeShape(tree, recommendedOrder);
  const micro: { id: string; path: string }[] = [];
  const pathways: { id: string; path: string }[] = [];
  const skills: { id: string; path: string }[] = [];
  walkTree(tree, (node, path) => {
    if (node.type === 'achievement' && node.ref.kind === 'microcredential')
      micro.push({ id: node.ref.microcredentialId, path: `${path}.ref.microcredentialId` });
    if (node.type === 'achievement' && node.ref.kind === 'pathway')
      pathways.push({ id: node.ref.pathwayId, path: `${path}.ref.pathwayId` });
    if (node.type === 'skills') node.skillIds.forEach((id, i) => skills.push({ id, path: `${path}.skillIds.${i}` }));
  });
  const knownMicro = new Set(
    (await findPublishedMicrocredentials(deps.db, [...new Set(micro.map((m) => m.id))])).map((m) => m.id),
  );
  for (const m of micro)
    if (!knownMicro.has(m.id))
      problems.push({
        field: m.path,
        message: 'No published micro-credential on Cairn has this id. Publish it first, or pick another.',
      });
  const knownSkills = new Set((await findSkillIds(deps.db, [...new Set(skills.map((s) => s.id))])).map((s) => s.id));
  for (const s of skills)
    if (!knownSkills.has(s.id)) problems.push({ field: s.path, message: 'No skill has this id.' });

  for (const p of pathways) {
    if (p.id === pathwayId) {
      problems.push({ field: p.path, message: 'A pathway cannot require itself.' });
      continue;
    }
    const [referenced] = await latestPublishedVersions(deps.db, [p.id]);
    if (!referenced) {
      problems.push({ field: p.path, message: 'No published pathway has this id.' });
      continue;
    }
    if (pathwayId && (await includesPathway(deps, p.id, pathwayId))) {
      problems.push({
        field: p.path,
        message: `“${referenced.name}” already includes this pathway (directly or through another), so requiring it would make a cycle.`,
      });
    }
  }
  return problems;
}

/** Whether the newest published tree of `from`, followed through pathway requirements, reaches `target`. */
async function includesPathway(deps: Deps, from: string, target: string): Promise<boolean> {
  const seen = new Set<string>();
  let frontier = [from];
  while (frontier.length > 0) {
    const versions = await latestPublishedVersions(deps.db, frontier);
    const next: string[] = [];
    for (const v of versions) {
      walkTree(v.tree as RequirementNode, (node) => {
        if (node.type === 'achievement' && node.ref.kind === 'pathway') next.push(node.ref.pathwayId);
      });
    }
    if (next.includes(target)) return true;
    frontier = [...new Set(next)].filter((id) => !seen.has(id));
    frontier.forEach((id) => seen.add(id));
  }
  return false;
}

export async function refuseProblems(deps: Deps, pathwayId: string | null, tree: RequirementNode, order: string[]) {
  const problems = await checkPathwayTree(deps, pathwayId, tree, order);
  if (problems.length > 0) {
    throw new AppError(
      'validation_failed',
      `This pathway cannot be saved as it is: ${problems[0]!.message}${problems.length > 1 ? ` (and ${problems.length - 1} more; see errors[])` : ''}`,
      { fields: problems },
    );
  }
}
