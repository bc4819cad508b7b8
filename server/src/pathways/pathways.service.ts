import type { JsonObject } from '@cairn/credentials';
import type { Actor, Deps } from '../deps.js';
import { transaction } from '../db/transaction.js';
import { eventActorOf, recordEvent } from '../events/record-event.js';
import { AppError, type FieldError } from '../http/app-error.js';
import { authorizeOrg, requireUser, type OrgView } from '../orgs/orgs.service.js';
import { cheapestAndShortestCompletion, type CatalogueOffer, type CompletionOptions } from './completion-plan.js';
import { buildPathwayAchievement } from './pathway-documents.js';
import { computeLearnerPathways, reevaluateLearnerPathways, type LearnerPathwayState } from './pathway-awards.service.js';
import { checkTreeShape, evaluatePathway, isGroup, walkTree, type RequirementNode } from './requirement-tree.js';
import type { RequirementNodeInput } from './pathways.schemas.js';
import * as store from './pathways.store.js';

export type PathwayInput = {
  name: string;
  description: string;
  achievementType: string;
  criteriaNarrative: string;
  imageUrl: string | null;
  tree: RequirementNodeInput;
  recommendedOrder: string[];
};

const notFound = () => new AppError('not_found', 'No pathway with this id in this organisation.');

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
        return { id, type: 'skills', ...(n.title ? { title: n.title } : {}), skillIds: [...new Set(n.skillIds)], ...(n.minCount !== undefined ? { minCount: n.minCount } : {}) };
    }
  };
  return go(input);
}

/**
 * Everything that makes a tree impossible or circular, by field path: its shape, achievements
 * that are not published on Cairn, unknown skills, a requirement that is this pathway itself,
 * or a pathway that (through any depth) includes this one.
 */
export async function checkPathwayTree(deps: Deps, pathwayId: string | null, tree: RequirementNode, recommendedOrder: string[]): Promise<FieldError[]> {
  const problems: FieldError[] = checkTreeShape(tree, recommendedOrder);
  const micro: { id: string; path: string }[] = [];
  const pathways: { id: string; path: string }[] = [];
  const skills: { id: string; path: string }[] = [];
  walkTree(tree, (node, path) => {
    if (node.type === 'achievement' && node.ref.kind === 'microcredential') micro.push({ id: node.ref.microcredentialId, path: `${path}.ref.microcredentialId` });
    if (node.type === 'achievement' && node.ref.kind === 'pathway') pathways.push({ id: node.ref.pathwayId, path: `${path}.ref.pathwayId` });
    if (node.type === 'skills') node.skillIds.forEach((id, i) => skills.push({ id, path: `${path}.skillIds.${i}` }));
  });
  const knownMicro = new Set((await store.findPublishedMicrocredentials(deps.db, [...new Set(micro.map((m) => m.id))])).map((m) => m.id));
  for (const m of micro) if (!knownMicro.has(m.id)) problems.push({ field: m.path, message: 'No published micro-credential on Cairn has this id. Publish it first, or pick another.' });
  const knownSkills = new Set((await store.findSkillIds(deps.db, [...new Set(skills.map((s) => s.id))])).map((s) => s.id));
  for (const s of skills) if (!knownSkills.has(s.id)) problems.push({ field: s.path, message: 'No skill has this id.' });

  for (const p of pathways) {
    if (p.id === pathwayId) {
      problems.push({ field: p.path, message: 'A pathway cannot require itself.' });
      continue;
    }
    const [referenced] = await store.latestPublishedVersions(deps.db, [p.id]);
    if (!referenced) {
      problems.push({ field: p.path, message: 'No published pathway has this id.' });
      continue;
    }
    if (pathwayId && (await includesPathway(deps, p.id, pathwayId))) {
      problems.push({ field: p.path, message: `“${referenced.name}” already includes this pathway (directly or through another), so requiring it would make a cycle.` });
    }
  }
  return problems;
}

/** Whether the newest published tree of `from`, followed through pathway requirements, reaches `target`. */
async function includesPathway(deps: Deps, from: string, target: string): Promise<boolean> {
  const seen = new Set<string>();
  let frontier = [from];
  while (frontier.length > 0) {
    const versions = await store.latestPublishedVersions(deps.db, frontier);
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

async function providerAccess(deps: Deps, actor: Actor, slug: string, action: 'pathways.read' | 'pathways.author' | 'pathways.publish') {
  const access = await authorizeOrg(deps, actor, slug, action);
  if (action !== 'pathways.read' && !access.org.roles.includes('provider')) {
    throw new AppError('forbidden', `${access.org.name} is not a provider, so it cannot define pathways.`);
  }
  return access;
}

function presentVersion(v: store.VersionRow) {
  return {
    id: v.id,
    versionNumber: v.version_number,
    status: v.status,
    name: v.name,
    description: v.description,
    achievementType: v.achievement_type,
    criteriaNarrative: v.criteria_narrative,
    imageUrl: v.image_url,
    tree: v.tree as RequirementNode,
    recommendedOrder: v.recommended_order,
    achievement: (v.achievement as JsonObject | null) ?? null,
    publishedAt: v.published_at,
    updatedAt: v.updated_at,
  };
}

async function editorDetail(deps: Deps, org: OrgView, pathwayId: string) {
  const pathway = await store.findPathway(deps.db, pathwayId);
  if (!pathway || pathway.org_id !== org.id) throw notFound();
  const [versions, learners] = await Promise.all([store.listVersions(deps.db, pathwayId), store.pathwayLearnerCounts(deps.db, pathwayId)]);
  return { id: pathway.id, slug: pathway.slug, provider: { slug: org.slug, name: org.name }, createdAt: pathway.created_at, versions: versions.map(presentVersion), learners };
}

async function refuseProblems(deps: Deps, pathwayId: string | null, tree: RequirementNode, order: string[]) {
  const problems = await checkPathwayTree(deps, pathwayId, tree, order);
  if (problems.length > 0) {
    throw new AppError('validation_failed', `This pathway cannot be saved as it is: ${problems[0]!.message}${problems.length > 1 ? ` (and ${problems.length - 1} more; see errors[])` : ''}`, { fields: problems });
  }
}

/** Creates a pathway with its first draft. */
export async function createPathway(deps: Deps, actor: Actor, orgSlug: string, input: PathwayInput & { slug: string }) {
  const { org, actor: who } = await providerAccess(deps, actor, orgSlug, 'pathways.author');
  const tree = assignNodeIds(input.tree);
  await refuseProblems(deps, null, tree, input.recommendedOrder);
  return transaction(deps.db, async (trx) => {
    const userId = who.kind === 'user' ? who.userId : null;
    const pathway = await store.insertPathway(trx, { orgId: org.id, slug: input.slug, createdBy: userId });
    if (!pathway) throw new AppError('conflict', `${org.name} already has a pathway at "${input.slug}". Choose another slug.`, { fields: [{ field: 'slug', message: 'Already taken in this organisation' }] });
    await store.insertVersion(trx, { ...input, tree, orgId: org.id, pathwayId: pathway.id, versionNumber: 1, createdBy: userId });
    return editorDetail({ ...deps, db: trx }, org, pathway.id);
  });
}

export async function listOrgPathways(deps: Deps, actor: Actor, orgSlug: string) {
  const { org } = await providerAccess(deps, actor, orgSlug, 'pathways.read');
  const rows = await store.listPathwaysOfOrg(deps.db, org.id);
  return rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name ?? r.slug, publishedVersion: r.publishedVersion, hasDraft: Boolean(r.hasDraft), learners: r.learners ?? 0, awarded: r.awarded ?? 0, createdAt: r.created_at }));
}

export async function getOrgPathway(deps: Deps, actor: Actor, orgSlug: string, id: string) {
  const { org } = await providerAccess(deps, actor, orgSlug, 'pathways.read');
  return editorDetail(deps, org, id);
}

/** Checks a tree without saving it, for the editor's live feedback. */
export async function validatePathwayInput(deps: Deps, actor: Actor, orgSlug: string, id: string | null, input: PathwayInput) {
  await providerAccess(deps, actor, orgSlug, 'pathways.author');
  const errors = await checkPathwayTree(deps, id, assignNodeIds(input.tree), input.recommendedOrder);
  return { valid: errors.length === 0, errors };
}

/**
 * Saves the draft. Published versions never change: when there is no draft, a new version is
 * started, and learners stay on the version they began.
 */
export async function saveDraft(deps: Deps, actor: Actor, orgSlug: string, id: string, input: PathwayInput) {
  const { org, actor: who } = await providerAccess(deps, actor, orgSlug, 'pathways.author');
  const tree = assignNodeIds(input.tree);
  await refuseProblems(deps, id, tree, input.recommendedOrder);
  return transaction(deps.db, async (trx) => {
    const pathway = await store.findPathway(trx, id, { forUpdate: true });
    if (!pathway || pathway.org_id !== org.id) throw notFound();
    const versions = await store.listVersions(trx, id);
    const draft = versions.find((v) => v.status === 'draft');
    if (draft) await store.updateDraft(trx, draft.id, { ...input, tree }, deps.clock());
    else await store.insertVersion(trx, { ...input, tree, orgId: org.id, pathwayId: id, versionNumber: Math.max(0, ...versions.map((v) => v.version_number)) + 1, createdBy: who.kind === 'user' ? who.userId : null });
    return editorDetail({ ...deps, db: trx }, org, id);
  });
}

function requirementLines(tree: RequirementNode, names: Map<string, string>): string[] {
  const lines: string[] = [];
  walkTree(tree, (node, _path, _parent, depth) => {
    if (depth === 0 && isGroup(node)) return;
    lines.push(`${'  '.repeat(Math.max(0, depth - 1))}${labelOf(node, names)}`);
  });
  return lines;
}

/**
 * Publishes the draft: checks it again and freezes its Achievement (the published-pathway
 * index picks it up by its publish_seq). `pathway.published` is recorded with it: its consumer
 * awards learners who already hold everything the pathway asks for.
 */
export async function publishDraft(deps: Deps, actor: Actor, orgSlug: string, id: string) {
  const { org, actor: who } = await providerAccess(deps, actor, orgSlug, 'pathways.publish');
  return transaction(deps.db, async (trx) => {
    const tdeps = { ...deps, db: trx };
    const pathway = await store.findPathway(trx, id, { forUpdate: true });
    if (!pathway || pathway.org_id !== org.id) throw notFound();
    const draft = (await store.listVersions(trx, id)).find((v) => v.status === 'draft');
    if (!draft) throw new AppError('conflict', 'There is no draft to publish: every version is published. Edit the pathway to start a new draft.');
    const tree = draft.tree as RequirementNode;
    await refuseProblems(tdeps, id, tree, draft.recommended_order);
    const names = await nodeNames(tdeps, tree);
    const achievement = buildPathwayAchievement({
      publicUrl: deps.publicUrl,
      pathwayId: id,
      version: { id: draft.id, versionNumber: draft.version_number, name: draft.name, description: draft.description, achievementType: draft.achievement_type, criteriaNarrative: draft.criteria_narrative, imageUrl: draft.image_url },
      issuer: { did: org.did, name: org.name, url: new URL(`/orgs/${org.slug}/profile`, deps.publicUrl).toString() },
      requirementLines: requirementLines(tree, names),
    });
    await store.publishVersion(trx, draft.id, { achievement, publishedBy: who.kind === 'user' ? who.userId : null, now: deps.clock() });
    await recordEvent(tdeps, trx, { type: 'pathway.published', orgId: org.id, actor: eventActorOf(actor), data: { pathwayId: id, version: draft.version_number } });
    return editorDetail(tdeps, org, id);
  });
}

// ---------------------------------------------------------------------------------------------
// Public pathway pages

type NodeContext = {
  names: Map<string, string>;
  micro: Map<string, { slug: string; orgSlug: string; orgName: string; orgDid: string }>;
  pathways: Map<string, { name: string; orgSlug: string; orgName: string }>;
  offers: Map<string, store.OfferRow>;
  skills: Map<string, string>;
};

/** Names of what each achievement requirement points at, keyed `kind:id`. */
async function nodeNames(deps: Deps, tree: RequirementNode) {
  return (await nodeContext(deps, tree)).names;
}

async function nodeContext(deps: Deps, tree: RequirementNode): Promise<NodeContext> {
  const microIds: string[] = [];
  const pathwayIds: string[] = [];
  const skillIds: string[] = [];
  walkTree(tree, (node) => {
    if (node.type === 'achievement' && node.ref.kind === 'microcredential') microIds.push(node.ref.microcredentialId);
    if (node.type === 'achievement' && node.ref.kind === 'pathway') pathwayIds.push(node.ref.pathwayId);
    if (node.type === 'skills') skillIds.push(...node.skillIds);
  });
  const [micro, offers, pathways, skills] = await Promise.all([
    store.findPublishedMicrocredentials(deps.db, [...new Set(microIds)]),
    store.catalogueOffersFor(deps.db, [...new Set(microIds)]),
    store.latestPublishedVersions(deps.db, [...new Set(pathwayIds)]),
    store.findSkillIds(deps.db, [...new Set(skillIds)]),
  ]);
  const pathwayOrgs = await Promise.all(pathways.map((p) => store.findPathway(deps.db, p.pathway_id)));
  const names = new Map<string, string>();
  const offerMap = new Map(offers.map((o) => [o.microcredential_id, o]));
  for (const m of micro) names.set(`microcredential:${m.id}`, offerMap.get(m.id)?.title ?? m.slug);
  for (const p of pathways) names.set(`pathway:${p.pathway_id}`, p.name);
  return {
    names,
    micro: new Map(micro.map((m) => [m.id, { slug: m.slug, orgSlug: m.orgSlug, orgName: m.orgName, orgDid: m.orgDid }])),
    pathways: new Map(pathways.map((p, i) => [p.pathway_id, { name: p.name, orgSlug: pathwayOrgs[i]?.orgSlug ?? '', orgName: pathwayOrgs[i]?.orgName ?? '' }])),
    offers: offerMap,
    skills: new Map(skills.map((s) => [s.id, s.name])),
  };
}

function labelOf(node: RequirementNode, names: Map<string, string>): string {
  if (node.title) return node.title;
  switch (node.type) {
    case 'all':
      return `All of ${node.children.length}`;
    case 'atLeast':
      return `${node.n} of ${node.children.length}`;
    case 'achievement':
      if (node.ref.kind === 'external') return node.ref.name ?? node.ref.achievementId;
      return names.get(`${node.ref.kind}:${node.ref.kind === 'microcredential' ? node.ref.microcredentialId : node.ref.pathwayId}`) ?? 'Unknown achievement';
    case 'minCpdHours':
      return `At least ${node.hours} CPD hours`;
    case 'minCredits':
      return `At least ${node.credits} credits`;
    case 'skills':
      return `Covers ${node.minCount ?? node.skillIds.length} of ${node.skillIds.length} skills`;
  }
}

function toOffer(o: store.OfferRow): CatalogueOffer {
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
async function offersFor(deps: Deps, tree: RequirementNode, ctx: NodeContext): Promise<CatalogueOffer[]> {
  const offers = new Map([...ctx.offers.values()].map((o) => [o.microcredential_id, o]));
  let wantsCpd = false;
  const skillIds: string[] = [];
  walkTree(tree, (node) => {
    if (node.type === 'minCpdHours' || node.type === 'minCredits') wantsCpd = true;
    if (node.type === 'skills') skillIds.push(...node.skillIds);
  });
  if (wantsCpd || skillIds.length > 0) {
    for (const o of await store.catalogueOffersForThresholds(deps.db, { skillIds, wantsCpd, limit: 60 })) offers.set(o.microcredential_id, o);
  }
  return [...offers.values()].map(toOffer);
}

/** The tree as stones and the ways they stack, ready to draw. */
function buildMap(tree: RequirementNode, ctx: NodeContext, achievementName: string, order: string[]) {
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
      programme: { slug: string; effortHours: number; durationWeeks: number; costMinor: number | null; currency: string | null; cpdHours: number } | null;
    };
    recommendedPosition: number | null;
  }[] = [{ id: 'qualification', kind: 'qualification', label: achievementName, parentId: null, depth: 0, recommendedPosition: null }];
  const edges: { from: string; to: string; kind: 'stacksOnto' | 'then' }[] = [];
  walkTree(tree, (node, _path, parent, depth) => {
    const position = order.indexOf(node.id);
    const base = { id: node.id, kind: node.type, label: labelOf(node, ctx.names), parentId: parent?.id ?? 'qualification', depth: depth + 1, recommendedPosition: position === -1 ? null : position + 1 };
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
        nodes.push({ ...base, n: node.minCount ?? node.skillIds.length, of: node.skillIds.length, skills: node.skillIds.map((id) => ({ id, name: ctx.skills.get(id) ?? id })) });
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
              programme: o ? { slug: o.slug, effortHours: o.effort_hours, durationWeeks: o.duration_weeks, costMinor: o.cost_amount_minor, currency: o.cost_currency, cpdHours: o.cpd_hours } : null,
            },
          });
        } else if (ref.kind === 'pathway') {
          const p = ctx.pathways.get(ref.pathwayId);
          nodes.push({ ...base, achievement: { kind: 'pathway', id: ref.pathwayId, name: base.label, provider: p ? { slug: p.orgSlug, name: p.orgName } : null, programme: null } });
        } else {
          nodes.push({ ...base, achievement: { kind: 'external', id: ref.achievementId, name: base.label, provider: null, issuerDids: ref.issuerDids, programme: null } });
        }
        break;
      }
    }
  });
  for (let i = 1; i < order.length; i += 1) edges.push({ from: order[i - 1]!, to: order[i]!, kind: 'then' });
  return { nodes, edges };
}

export async function listPublicPathways(deps: Deps, options: { q?: string | undefined; provider?: string | undefined; limit: number; offset: number }) {
  const rows = await store.listPublishedPathways(deps.db, options);
  return {
    total: rows[0]?.total ?? 0,
    items: rows.map((r) => ({
      id: r.pathway_id,
      slug: r.slug,
      name: r.name,
      description: r.description,
      achievementType: r.achievement_type,
      imageUrl: r.image_url,
      provider: { slug: r.orgSlug, name: r.orgName },
      versionNumber: r.version_number,
      publishedAt: r.published_at!,
    })),
  };
}

/** A published pathway as its public page shows it. */
export async function getPublicPathway(deps: Deps, id: string) {
  const pathway = await store.findPathway(deps.db, id);
  const [version] = pathway ? await store.latestPublishedVersions(deps.db, [id]) : [];
  if (!pathway || !version) throw new AppError('not_found', 'No published pathway with this id.');
  const tree = version.tree as RequirementNode;
  const ctx = await nodeContext(deps, tree);
  const offers = await offersFor(deps, tree, ctx);
  const plan = cheapestAndShortestCompletion(tree, [], offers);
  const providers = new Map<string, { slug: string | null; name: string; did: string }>([[pathway.orgDid, { slug: pathway.orgSlug, name: pathway.orgName, did: pathway.orgDid }]]);
  for (const m of ctx.micro.values()) providers.set(m.orgDid, { slug: m.orgSlug, name: m.orgName, did: m.orgDid });
  walkTree(tree, (node) => {
    if (node.type === 'achievement' && node.ref.kind === 'external') for (const did of node.ref.issuerDids) if (!providers.has(did)) providers.set(did, { slug: null, name: did, did });
  });
  let count = 0;
  walkTree(tree, (node) => {
    if (!isGroup(node)) count += 1;
  });
  return {
    id: pathway.id,
    slug: pathway.slug,
    versionId: version.id,
    versionNumber: version.version_number,
    name: version.name,
    description: version.description,
    achievementType: version.achievement_type,
    imageUrl: version.image_url,
    provider: { slug: pathway.orgSlug, name: pathway.orgName },
    providers: [...providers.values()],
    achievement: version.achievement as JsonObject,
    totals: { cheapest: plan.cheapest, shortest: plan.shortest, cpdHours: plan.cheapest?.cpdHours ?? 0, requirementCount: count },
    map: buildMap(tree, ctx, version.name, version.recommended_order),
    recommendedOrder: version.recommended_order,
    publishedAt: version.published_at!,
  };
}

/** The frozen Achievement of a published pathway version, at its id URL. */
export async function getPathwayAchievement(deps: Deps, versionId: string) {
  const version = await store.findVersion(deps.db, versionId);
  if (!version || version.status !== 'published') throw new AppError('not_found', 'No published pathway version with this id.');
  return version.achievement as JsonObject;
}

// ---------------------------------------------------------------------------------------------
// Learners

function summaryOf(s: LearnerPathwayState) {
  return {
    id: s.pathwayId,
    name: s.version.name,
    awarded: Boolean(s.award),
    progress: { done: s.award ? s.evaluation.required : s.evaluation.done, required: s.evaluation.required },
    versionId: s.version.id,
    isJoined: s.participation?.is_joined ?? false,
    credentialId: s.award?.credential_row_id ?? null,
    clrCredentialId: s.award?.clr_row_id ?? null,
    isSuspended: s.award?.status === 'suspended',
    // Awards follow in a job once the credential that completes the pathway is committed.
    isAwardPending: s.evaluation.isSatisfied && !s.award,
  };
}

/** The pathways a learner joined or already counts toward, with progress. */
export async function listMyPathways(deps: Deps, actor: Actor) {
  const user = requireUser(actor);
  const { states } = await computeLearnerPathways(deps, user.userId);
  return states.map(summaryOf).sort((a, b) => Number(b.isJoined) - Number(a.isJoined) || b.progress.done / Math.max(1, b.progress.required) - a.progress.done / Math.max(1, a.progress.required) || a.name.localeCompare(b.name));
}

/** Joins a published pathway (pinning its newest version) and evaluates it at once. */
export async function joinPathway(deps: Deps, actor: Actor, id: string) {
  const user = requireUser(actor);
  await transaction(deps.db, async (trx) => {
    const [version] = await store.latestPublishedVersions(trx, [id]);
    if (!version) throw new AppError('not_found', 'No published pathway with this id.');
    const existing = (await store.pathwayLearnersOf(trx, [user.userId])).find((p) => p.pathway_id === id);
    const now = deps.clock();
    await store.upsertPathwayLearners(trx, [{
      learnerId: user.userId, pathwayId: id, orgId: version.org_id, versionId: existing?.version_id ?? version.id, isJoined: true, joinedAt: now,
      done: existing?.done ?? 0, required: existing?.required ?? 0, isSatisfied: existing?.is_satisfied ?? false, now,
    }]);
    await reevaluateLearnerPathways({ ...deps, db: trx }, user.userId);
  });
  return getMyPathway(deps, actor, id);
}

/** One pathway for the learner: done, left, the cheapest and shortest ways to finish. */
export async function getMyPathway(deps: Deps, actor: Actor, id: string) {
  const user = requireUser(actor);
  const { held, states } = await computeLearnerPathways(deps, user.userId);
  let state = states.find((s) => s.pathwayId === id);
  if (!state) {
    // Not on it yet: show it against the newest published version.
    const [version] = await store.latestPublishedVersions(deps.db, [id]);
    if (!version) throw new AppError('not_found', 'No published pathway with this id.');
    const tree = version.tree as RequirementNode;
    state = { pathwayId: id, version, tree, evaluation: evaluatePathway(tree, held), participation: undefined, award: undefined };
  }
  const [latest] = await store.latestPublishedVersions(deps.db, [id]);
  const ctx = await nodeContext(deps, state.tree);
  const offers = await offersFor(deps, state.tree, ctx);
  const completion: CompletionOptions = state.award
    ? { isSatisfied: true, cheapest: null, shortest: null, isExact: true, unreachableNodeIds: [] }
    : cheapestAndShortestCompletion(state.tree, held, offers);
  const heldByRef = new Map(held.map((h) => [h.ref, h]));
  const labels = new Map<string, string>();
  walkTree(state.tree, (node) => labels.set(node.id, labelOf(node, ctx.names)));
  const done: { nodeId: string; label: string; credentials: { ref: string; name: string }[] }[] = [];
  walkTree(state.tree, (node) => {
    const s = state.evaluation.perNode[node.id];
    if (s?.isSatisfied && !isGroup(node)) done.push({ nodeId: node.id, label: labels.get(node.id)!, credentials: s.counted.map((ref) => ({ ref, name: heldByRef.get(ref)?.name ?? ref })) });
  });
  return {
    ...summaryOf(state),
    versionNumber: state.version.version_number,
    isNewerVersionPublished: latest !== undefined && latest.id !== state.version.id,
    nodes: state.evaluation.perNode,
    done,
    remaining: state.evaluation.remaining.map((r) => ({ ...r, label: labels.get(r.nodeId) ?? r.nodeId })),
    completion,
    estimate: {
      costMinor: completion.cheapest?.costMinor ?? null,
      cost: completion.cheapest?.cost ?? [],
      effortHours: completion.shortest?.effortHours ?? null,
      durationWeeks: completion.shortest?.durationWeeks ?? null,
    },
    map: buildMap(state.tree, ctx, state.version.name, state.version.recommended_order),
  };
}

/** The pathways one of the learner's credentials (a Cairn credential or a wallet entry) counts toward. */
export async function pathwaysOfMyCredential(deps: Deps, actor: Actor, credentialId: string) {
  const user = requireUser(actor);
  const own = await store.findOwnCredential(deps.db, user.userId, credentialId);
  const wallet = own ? undefined : await store.findWalletCredential(deps.db, user.userId, credentialId);
  if (!own && !wallet) throw new AppError('not_found', 'No credential with this id is yours.');
  const ref = own ? `credential:${credentialId}` : `wallet:${credentialId}`;
  const { states } = await computeLearnerPathways(deps, user.userId);
  const awardedWith = new Set((await store.awardsCountingComponent(deps.db, user.userId, credentialId)).map((a) => a.pathway_id));
  return states
    .filter((s) => awardedWith.has(s.pathwayId) || Object.values(s.evaluation.perNode).some((n) => n.counted.includes(ref)))
    .map(summaryOf);
}
