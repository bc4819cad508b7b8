import type { JsonObject } from '@cairn/credentials';
import type { Deps } from '../deps.js';
import { transaction } from '../db/transaction.js';
import { recordEvent } from '../events/record-event.js';
import { issueCredentialAs } from '../issuance/use-cases/issue-credential.js';
import { lockStatusListsInOrder } from '../issuance/status-lists.service.js';
import { queueMail } from '../mail/queue-mail.js';
import { findOrganizationById } from '../orgs/orgs.store.js';
import { achievementOf, buildClrCredential } from './pathway-documents.js';
import { type HeldCredential } from './requirement-tree.js';
import { credentialDocuments } from './stores/held-credentials.store.js';
import { claimAward, completeAward } from './stores/pathway-award.store.js';
import { lockLearner, writeProgress } from './stores/pathway-progress.store.js';
import { findUser } from './stores/people.store.js';
import { walletDocuments } from './stores/wallet.store.js';
import { computeLearnerPathways, type LearnerPathwayState } from './learner-pathways.js';
import { PATHWAY_AWARDS } from './pathway-awards-actor.js';

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
