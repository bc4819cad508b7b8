import type { JsonObject } from '@cairn/credentials';
import type { Deps } from '../deps.js';
import { transaction } from '../db/transaction.js';
import { achievementUrl } from '../catalog/achievement.js';
import { recordEvent } from '../events/record-event.js';
import type { EventActor } from '../events/event-types.js';
import { issueCredentialAs } from '../issuance/use-cases/issue-credential.js';
import { setCredentialStatus } from '../issuance/credentials.store.js';
import { lockStatusListsInOrder, setStatusBit } from '../issuance/status-lists.service.js';
import { loadActiveSigner } from '../keys/signing-keys.service.js';
import { queueMail } from '../mail/queue-mail.js';
import { findOrganizationById } from '../orgs/orgs.store.js';
import { achievementOf, buildClrCredential } from './pathway-documents.js';
import {
  evaluatePathway,
  type HeldCredential,
  type PathwayEvaluation,
  type RequirementNode,
} from './requirement-tree.js';
import { microcredentialVersionsByIds } from './stores/catalogue-lookup.store.js';
import {
  credentialDocuments,
  credentialRowsForStatus,
  heldCairnCredentials,
  heldWalletCredentials,
  learnerPathwaySnapshot,
} from './stores/held-credentials.store.js';
import {
  awardsWithComponent,
  claimAward,
  completeAward,
  inactiveComponentsOf,
  setAwardStatus,
} from './stores/pathway-award.store.js';
import { type ProgressRow, lockLearner, progressOfLearners, writeProgress } from './stores/pathway-progress.store.js';
import { type VersionRow, findVersion, publishedIndexMark } from './stores/pathway.store.js';
import { findUser, learnerIdsAfter, orgAdminEmails } from './stores/people.store.js';
import { walletDocuments } from './stores/wallet.store.js';
import { publishedPathwaysAt } from './published-pathways.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Cairn acting on its own: what the jobs of this area record as the actor of their events. */
const PATHWAY_AWARDS: EventActor = { kind: 'system', reason: 'pathway awards' };

/**
 * The credentials each learner holds now, reduced to what requirements look at: Cairn
 * credentials in force (with their micro-credential or pathway) and verified wallet entries.
 */
export async function loadHeldCredentials(deps: Deps, learnerIds: string[]): Promise<Map<string, HeldCredential[]>> {
  if (learnerIds.length === 0) return new Map();
  const now = deps.clock();
  const [cairn, wallet] = await Promise.all([
    heldCairnCredentials(deps.db, learnerIds, now),
    heldWalletCredentials(deps.db, learnerIds, now),
  ]);
  return heldFromRows(deps, learnerIds, cairn, wallet);
}

type CairnHeldRow = Awaited<ReturnType<typeof heldCairnCredentials>>[number];
type WalletHeldRow = Awaited<ReturnType<typeof heldWalletCredentials>>[number];

/** Held credentials from the rows of `heldCairnCredentials` and `heldWalletCredentials`. */
async function heldFromRows(
  deps: Deps,
  learnerIds: string[],
  cairn: readonly CairnHeldRow[],
  wallet: readonly WalletHeldRow[],
): Promise<Map<string, HeldCredential[]>> {
  const held = new Map<string, HeldCredential[]>(learnerIds.map((id) => [id, []]));
  const achievementPrefix = new URL('/achievements/', deps.publicUrl).toString();
  // Credentials issued outside learning may still name a micro-credential version's Achievement.
  const loose = cairn.filter(
    (c) => !c.microcredential_id && !c.pathway_id && c.achievementId?.startsWith(achievementPrefix),
  );
  const versionIds = loose.map((c) => c.achievementId!.slice(achievementPrefix.length)).filter((id) => UUID.test(id));
  const versions = new Map(
    versionIds.length === 0 ? [] : (await microcredentialVersionsByIds(deps.db, versionIds)).map((v) => [v.id, v]),
  );
  for (const c of cairn) {
    let microcredentialId = c.microcredential_id;
    let cpdHours = c.cpd_hours ?? 0;
    let skillIds = c.skill_ids ?? [];
    let achievementId = c.achievementId ?? '';
    if (c.microcredentialVersionId) achievementId = achievementUrl(deps.publicUrl, c.microcredentialVersionId);
    else if (c.pathwayVersionId)
      achievementId = new URL(`/pathway-achievements/${c.pathwayVersionId}`, deps.publicUrl).toString();
    else if (achievementId.startsWith(achievementPrefix)) {
      const v = versions.get(achievementId.slice(achievementPrefix.length));
      // Another organisation naming this programme's achievement does not make it this programme.
      if (v && v.orgDids.includes(c.issuerDid)) {
        microcredentialId = v.microcredential_id;
        cpdHours = v.cpd_hours ?? 0;
        skillIds = v.skill_ids;
      }
    }
    held.get(c.recipient_user_id!)?.push({
      ref: `credential:${c.id}`,
      name: c.achievement_name ?? '',
      achievementId,
      issuerDid: c.issuerDid,
      microcredentialId,
      pathwayId: c.pathway_id,
      cpdHours,
      credits: 0,
      skillIds,
    });
  }
  for (const w of wallet) {
    held.get(w.learner_id)?.push({
      ref: `wallet:${w.id}`,
      name: w.achievement_name ?? w.achievement_id,
      achievementId: w.achievement_id,
      issuerDid: w.issuer_did,
      microcredentialId: w.microcredential_id,
      pathwayId: null,
      cpdHours: w.cpd_hours,
      credits: w.credits,
      skillIds: w.skill_ids,
    });
  }
  return held;
}

/** The targets a set of held credentials could meet, for the published-pathway index. */
export function heldTargets(held: readonly HeldCredential[]) {
  const targets: { kind: 'microcredential' | 'pathway' | 'external' | 'skill'; target: string }[] = [];
  for (const h of held) {
    if (h.microcredentialId) targets.push({ kind: 'microcredential', target: h.microcredentialId });
    if (h.pathwayId) targets.push({ kind: 'pathway', target: h.pathwayId });
    if (h.achievementId) targets.push({ kind: 'external', target: h.achievementId });
    for (const s of h.skillIds) targets.push({ kind: 'skill', target: s });
  }
  const seen = new Set<string>();
  return targets.filter((t) => {
    const key = `${t.kind} ${t.target}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

type Participation = {
  pathway_id: string;
  version_id: string;
  is_joined: boolean;
  done: number;
  required: number;
  is_satisfied: boolean;
};
type Award = {
  id: string;
  version_id: string;
  credential_row_id: string | null;
  clr_row_id: string | null;
  status: 'active' | 'suspended';
};

export type LearnerPathwayState = {
  pathwayId: string;
  version: VersionRow;
  tree: RequirementNode;
  evaluation: PathwayEvaluation;
  participation: Participation | undefined;
  award: Award | undefined;
};

/**
 * Every pathway a learner is on (joined, counted before, or touched now by a credential they
 * hold), each evaluated on the version the learner is pinned to (or the newest published one).
 * Awards only exist on pathways the learner is on, so they come with the pinned versions.
 */
export async function computeLearnerPathways(
  deps: Deps,
  learnerId: string,
): Promise<{ held: HeldCredential[]; states: LearnerPathwayState[] }> {
  const snapshot = await learnerPathwaySnapshot(deps.db, learnerId, deps.clock());
  const [mine, published] = await Promise.all([
    heldFromRows(deps, [learnerId], snapshot.cairn, snapshot.wallet).then((held) => held.get(learnerId)!),
    publishedPathwaysAt(deps.db, snapshot),
  ]);
  const states: LearnerPathwayState[] = [];
  const pinned = new Set<string>();
  for (const row of snapshot.pinned) {
    const version = published.version(row.version_id);
    if (!version) continue;
    pinned.add(row.pathway_id);
    const tree = version.tree as RequirementNode;
    states.push({
      pathwayId: row.pathway_id,
      version,
      tree,
      evaluation: evaluatePathway(tree, mine),
      participation: {
        pathway_id: row.pathway_id,
        version_id: row.version_id,
        is_joined: row.is_joined,
        done: row.done,
        required: row.required,
        is_satisfied: row.is_satisfied,
      },
      award: row.awardId
        ? {
            id: row.awardId,
            version_id: row.version_id,
            credential_row_id: row.awardCredentialRowId,
            clr_row_id: row.awardClrRowId,
            status: row.awardStatus ?? 'active',
          }
        : undefined,
    });
  }
  for (const version of published.latestTouching(heldTargets(mine))) {
    if (pinned.has(version.pathway_id)) continue;
    const tree = version.tree as RequirementNode;
    states.push({
      pathwayId: version.pathway_id,
      version,
      tree,
      evaluation: evaluatePathway(tree, mine),
      participation: undefined,
      award: undefined,
    });
  }
  return { held: mine, states };
}

/**
 * Re-evaluates every pathway a learner is on, writes their progress and awards those now
 * satisfied. Runs in the consumer of `credential.*` events (after a completion, an award, a
 * status change) and inside the learner's own changes (wallet import, joining). A per-learner
 * lock makes the last of two racing runs see both credentials; the award is claimed by a
 * unique row, so a retried job or a racing run awards once.
 *
 * One round: a pathway credential awarded here records `credential.issued`, whose consumer
 * awards any pathway that requires this one, in a transaction of its own.
 */
export async function reevaluateLearnerPathways(deps: Deps, learnerId: string): Promise<{ awarded: string[] }> {
  return transaction(deps.db, async (trx) => {
    const tdeps = { ...deps, db: trx };
    await lockLearner(trx, learnerId);
    const { held, states } = await computeLearnerPathways(tdeps, learnerId);
    const now = deps.clock();
    const changed = states.filter(
      (s) =>
        !s.participation ||
        s.participation.done !== s.evaluation.done ||
        s.participation.required !== s.evaluation.required ||
        s.participation.is_satisfied !== s.evaluation.isSatisfied,
    );
    await writeProgress(
      trx,
      changed.map((s) => ({
        learnerId,
        pathwayId: s.pathwayId,
        orgId: s.version.org_id,
        versionId: s.version.id,
        done: s.evaluation.done,
        required: s.evaluation.required,
        isSatisfied: s.evaluation.isSatisfied,
        now,
      })),
    );
    const due = states.filter((s) => s.evaluation.isSatisfied && !s.award);
    // Pathways of several providers are signed by each: their status lists are taken by id.
    await lockStatusListsInOrder(
      tdeps,
      due.map((s) => s.version.org_id),
    );
    const awarded: string[] = [];
    for (const s of due) {
      if (await awardPathway(tdeps, { learnerId, state: s, held })) awarded.push(s.pathwayId);
    }
    return { awarded };
  });
}

async function awardPathway(
  deps: Deps,
  options: { learnerId: string; state: LearnerPathwayState; held: HeldCredential[] },
): Promise<boolean> {
  const { learnerId, state } = options;
  const { version } = state;
  const key = `pathway:${version.id}:${learnerId}`;
  const claim = await claimAward(deps.db, {
    orgId: version.org_id,
    pathwayId: version.pathway_id,
    versionId: version.id,
    learnerId,
    idempotencyKey: key,
    now: deps.clock(),
  });
  if (!claim) return false;
  const org = (await findOrganizationById(deps.db, version.org_id))!;
  const orgView = {
    id: org.id,
    slug: org.slug,
    name: org.name,
    roles: org.roles,
    did: org.did,
    createdAt: org.created_at,
  };
  const learner = (await findUser(deps.db, learnerId))!;
  const achievement = version.achievement as JsonObject;

  const counted = state.evaluation.counted;
  const credentialIds = counted.filter((r) => r.startsWith('credential:')).map((r) => r.slice('credential:'.length));
  const walletIds = counted.filter((r) => r.startsWith('wallet:')).map((r) => r.slice('wallet:'.length));
  const [cairnDocs, walletDocs] = await Promise.all([
    credentialDocuments(deps.db, credentialIds),
    walletDocuments(deps.db, walletIds),
  ]);
  const components = [...cairnDocs, ...walletDocs]
    // A VC-JWT has no JSON form to embed; it is still related through its Achievement below.
    .filter((d) => d.format === 'ldp')
    .map((d) => {
      const credential = JSON.parse(d.document) as JsonObject;
      return { credential, achievement: achievementOf(credential) };
    });

  const now = deps
    .clock()
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
  const pathwayCredential = await issueCredentialAs(
    deps,
    orgView,
    { actor: PATHWAY_AWARDS },
    {
      credential: {
        type: ['AchievementCredential'],
        name: typeof achievement.name === 'string' ? achievement.name : version.name,
        credentialSubject: { type: ['AchievementSubject'], achievement, activityEndDate: now },
      },
      recipientEmail: learner.email,
      recipientUserId: learnerId,
      idempotencyKey: key,
      statusPurposes: ['revocation', 'suspension'],
      context: { kind: 'pathway', pathwayId: version.pathway_id },
    },
  );
  const clr = await issueCredentialAs(
    deps,
    orgView,
    { actor: PATHWAY_AWARDS },
    {
      credential: buildClrCredential({
        name: `${version.name}: Comprehensive Learner Record`,
        description: `The ${version.name} pathway awarded by ${org.name} and the ${components.length} credential${components.length === 1 ? '' : 's'} it stacks.`,
        pathwayCredential: pathwayCredential.verifiableCredential as JsonObject,
        pathwayAchievement: achievement,
        components,
      }),
      recipientEmail: learner.email,
      recipientUserId: learnerId,
      idempotencyKey: `clr:${version.id}:${learnerId}`,
      statusPurposes: ['revocation', 'suspension'],
      context: { kind: 'clr', pathwayId: version.pathway_id },
    },
  );
  await completeAward(deps.db, claim.id, {
    credentialRowId: pathwayCredential.id,
    clrRowId: clr.id,
    orgId: version.org_id,
    components: [
      ...credentialIds.map((id) => ({ kind: 'credential' as const, id })),
      ...walletIds.map((id) => ({ kind: 'wallet' as const, id })),
    ],
  });
  await recordEvent(deps, deps.db, {
    type: 'pathway.awarded',
    orgId: version.org_id,
    actor: PATHWAY_AWARDS,
    data: { pathwayId: version.pathway_id, learnerId, credentialId: pathwayCredential.id, clrCredentialId: clr.id },
  });
  await queueMail(deps, deps.db, {
    to: learner.email,
    orgId: version.org_id,
    subject: `You earned ${version.name}`,
    text: `Congratulations, ${learner.name}!\n\nYou completed every requirement of the ${version.name} pathway with ${org.name}. Your signed credential:\n\n${pathwayCredential.credentialId}\n\nYour Comprehensive Learner Record (CLR 2.0), with every credential it stacks:\n\n${clr.credentialId}\n`,
  });
  return true;
}

/**
 * Called when a component's status changes (a credential revoked, suspended, reinstated or
 * expired; a wallet entry's status re-read). Pathway credentials that count it are suspended
 * while any of their components is not in force, and reinstated when all are again; the
 * learner and the issuer are told each time. Runs in the caller's transaction. A pathway
 * credential suspended here records its own event, whose consumer follows pathways that
 * include this one.
 */
export async function onComponentStatusChanged(deps: Deps, componentId: string): Promise<void> {
  const awards = await awardsWithComponent(deps.db, componentId);
  const now = deps.clock();
  const changes: { award: AwardRow; shouldSuspend: boolean; reason: string | null }[] = [];
  for (const award of awards) {
    const inactive = await inactiveComponentsOf(deps.db, award.id, now);
    const shouldSuspend = inactive.length > 0;
    if (shouldSuspend === (award.status === 'suspended')) continue;
    const reason = shouldSuspend
      ? `A credential it stacks is no longer in force: ${inactive.map((c) => c.achievement_name ?? c.id).join(', ')}.`
      : null;
    changes.push({ award, shouldSuspend, reason });
  }
  // Awards of several providers are re-signed by each: their status lists are taken by id.
  await lockStatusListsInOrder(
    deps,
    changes.map((c) => c.award.org_id),
  );
  for (const { award, shouldSuspend, reason } of changes) await setAwardSuspension(deps, award, shouldSuspend, reason);
}

type AwardRow = Awaited<ReturnType<typeof awardsWithComponent>>[number];

/**
 * Suspends (or reinstates) an award's pathway credential and CLR: status bits re-signed, the
 * award marked, the learner and the issuer's admins mailed, and `credential.suspended` (or
 * `reinstated`) recorded for each, so a larger pathway stacking this one follows in a job.
 * Runs in the caller's transaction.
 */
export async function setAwardSuspension(
  deps: Deps,
  award: AwardRow,
  shouldSuspend: boolean,
  reason: string | null,
): Promise<void> {
  const now = deps.clock();
  const rows = await credentialRowsForStatus(
    deps.db,
    [award.credential_row_id, award.clr_row_id].filter((id): id is string => id !== null),
  );
  const org = (await findOrganizationById(deps.db, award.org_id))!;
  const issuer = { id: org.id, slug: org.slug, did: org.did, name: org.name };
  const signer = await loadActiveSigner(deps, issuer);
  const version = await findVersion(deps.db, award.version_id);
  for (const row of rows) {
    if (row.revoked_at || !row.status_purposes.includes('suspension')) continue;
    if (Boolean(row.suspended_at) === shouldSuspend) continue;
    await setCredentialStatus(deps.db, row.id, { suspendedAt: shouldSuspend ? now : null, suspensionReason: reason });
    await setStatusBit(
      deps,
      issuer,
      signer,
      { listNumber: row.status_list_number, index: row.status_index },
      'suspension',
      shouldSuspend,
    );
    const base = { credentialId: row.id, recipientUserId: row.recipient_user_id };
    if (shouldSuspend)
      await recordEvent(deps, deps.db, {
        type: 'credential.suspended',
        orgId: award.org_id,
        actor: PATHWAY_AWARDS,
        data: { ...base, reason },
      });
    else
      await recordEvent(deps, deps.db, {
        type: 'credential.reinstated',
        orgId: award.org_id,
        actor: PATHWAY_AWARDS,
        data: base,
      });
  }
  await setAwardStatus(deps.db, award.id, shouldSuspend ? 'suspended' : 'active');
  const learner = await findUser(deps.db, award.learner_id);
  const name = version?.name ?? 'pathway';
  const subject = shouldSuspend
    ? `${name}: your pathway credential is suspended`
    : `${name}: your pathway credential is reinstated`;
  const body = shouldSuspend
    ? `The ${name} credential and its learner record are suspended because ${reason ?? 'a credential it stacks no longer counts.'}\n\nThey are reinstated automatically if that credential is reinstated.\n`
    : `Every credential that ${name} stacks is in force again, so the pathway credential and its learner record are reinstated.\n`;
  if (learner)
    await queueMail(deps, deps.db, {
      to: learner.email,
      orgId: award.org_id,
      subject,
      text: `Hello ${learner.name},\n\n${body}`,
    });
  for (const admin of await orgAdminEmails(deps.db, award.org_id)) {
    await queueMail(deps, deps.db, {
      to: admin.email,
      orgId: award.org_id,
      subject: `${subject} (${learner?.name ?? 'a learner'})`,
      text: `Hello ${admin.name},\n\nFor ${learner?.name ?? 'a learner'} (${learner?.email ?? ''}): ${body}`,
    });
  }
}

export type FullReevaluation = {
  learners: number;
  evaluations: number;
  updated: number;
  satisfiedWithoutAward: { learnerId: string; pathwayId: string }[];
};

/**
 * Re-evaluates every learner against every published pathway, or the ones given (after a
 * pathway is published, or as a periodic check), in batches of learners: per batch three reads (credentials in force,
 * wallet entries, progress and awards) and one bulk write of the progress that changed. A few
 * batches run at once, so the database works on one while another is evaluated here. Learners
 * found satisfied but not awarded are returned; `reevaluateLearnerPathways` awards them one by
 * one (that signs).
 */
export async function reevaluateAllLearners(
  deps: Deps,
  options: { batchSize?: number; concurrency?: number; pathwayIds?: readonly string[] } = {},
): Promise<FullReevaluation> {
  const batchSize = options.batchSize ?? 2000;
  const result: FullReevaluation = { learners: 0, evaluations: 0, updated: 0, satisfiedWithoutAward: [] };
  const published = await publishedPathwaysAt(deps.db, await publishedIndexMark(deps.db));
  const only = options.pathwayIds ? new Set(options.pathwayIds) : null;
  const latest = published.allLatest().filter((v) => !only || only.has(v.pathway_id));
  if (latest.length === 0) return result;

  async function evaluateBatch(learnerIds: string[]) {
    const [heldByLearner, progress] = await Promise.all([
      loadHeldCredentials(deps, learnerIds),
      progressOfLearners(deps.db, learnerIds),
    ]);
    const pinned = new Map(progress.map((p) => [`${p.learner_id} ${p.pathway_id}`, p]));
    const now = deps.clock();
    const rows: ProgressRow[] = [];
    for (const learnerId of learnerIds) {
      const held = heldByLearner.get(learnerId)!;
      for (const newest of latest) {
        const participation = pinned.get(`${learnerId} ${newest.pathway_id}`);
        const version = participation ? published.version(participation.version_id) : newest;
        if (!version) continue;
        const evaluation = evaluatePathway(version.tree as RequirementNode, held);
        result.evaluations += 1;
        // Only pathways the learner is on or now counts toward are written.
        if (!participation && evaluation.done === 0) continue;
        if (
          participation &&
          participation.done === evaluation.done &&
          participation.required === evaluation.required &&
          participation.is_satisfied === evaluation.isSatisfied
        )
          continue;
        rows.push({
          learnerId,
          pathwayId: newest.pathway_id,
          orgId: version.org_id,
          versionId: version.id,
          done: evaluation.done,
          required: evaluation.required,
          isSatisfied: evaluation.isSatisfied,
          now,
        });
        if (evaluation.isSatisfied && !participation?.is_awarded)
          result.satisfiedWithoutAward.push({ learnerId, pathwayId: newest.pathway_id });
      }
    }
    await writeProgress(deps.db, rows);
    result.updated += rows.length;
    result.learners += learnerIds.length;
  }

  // Keyset paging hands out batches in id order; up to `concurrency` are in flight at a time.
  const concurrency = Math.max(1, options.concurrency ?? 3);
  const inFlight = new Set<Promise<void>>();
  let after: string | null = null;
  for (;;) {
    const learnerIds = await learnerIdsAfter(deps.db, after, batchSize);
    if (learnerIds.length === 0) break;
    after = learnerIds.at(-1)!;
    const work: Promise<void> = evaluateBatch(learnerIds).finally(() => inFlight.delete(work));
    inFlight.add(work);
    if (inFlight.size >= concurrency) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  return result;
}
