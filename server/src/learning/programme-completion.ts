import { cairnCpdContext, type JsonObject } from '@cairn/credentials';
import type { Actor, Deps } from '../deps.js';
import { endorsementCredentialsBySubject, withEndorsements } from '../endorsement/endorsements-in-force.js';
import { eventActorOf, recordEvent } from '../events/record-event.js';
import { issueCredentialAs } from '../issuance/issuance.service.js';
import { queueMail } from '../mail/queue-mail.js';
import { isoSeconds, validUntil } from './credential-validity.js';
import { activityOf, progressOf } from './learner-state.js';
import * as enrolmentStore from './stores/enrolment.store.js';
import type { Progress } from './progress.js';

/** The Results (overall, each quiz's best, each approved assignment) and the assignments' Evidence. */
function outcomesOf(e: enrolmentStore.EnrolmentRow, progress: Progress, achievementId: string) {
  const results: JsonObject[] = [];
  if (progress.overallPercent !== null) {
    results.push({
      type: ['Result'],
      resultDescription: `${achievementId}#result-overall`,
      value: String(progress.overallPercent),
      status: 'Completed',
    });
  }
  const evidence: JsonObject[] = [];
  for (const m of e.modules) {
    const activity = activityOf(m);
    if (activity?.type === 'quiz') {
      const best = Math.max(...e.attempts.filter((a) => a.module_id === m.id).map((a) => a.percent));
      results.push({
        type: ['Result'],
        resultDescription: `${achievementId}#result-${m.id}`,
        value: String(best),
        status: 'Completed',
      });
    } else if (activity?.type === 'assignment') {
      const approved = e.submissions.filter((s) => s.module_id === m.id && s.status === 'approved').at(-1);
      if (approved) {
        results.push({
          type: ['Result'],
          resultDescription: `${achievementId}#result-${m.id}`,
          value: String(approved.points ?? 0),
          status: 'Completed',
        });
        evidence.push({
          type: ['Evidence'],
          ...(approved.link ? { id: approved.link } : {}),
          name: `Assignment: ${m.title}`,
          ...(approved.text ? { narrative: approved.text.slice(0, 4000) } : {}),
          description: `Assessed against the rubric: ${approved.points ?? 0} of ${approved.max_points ?? 0} points.`,
        });
      }
    }
  }
  return { results, evidence };
}

/**
 * After a learner's progress changed in the caller's transaction (the enrolment row locked,
 * `e` its state after this request's writes): records the module last worked on and, when the
 * learner has finished, issues the credential. Exactly once, since the enrolment is then
 * completed and the issue uses the enrolment as its idempotency key. `actor` finished it: the
 * learner, or the assessor approving the last assignment. Returns the enrolment as it now is.
 */
export async function recordProgress(
  deps: Deps,
  actor: Actor,
  e: enrolmentStore.EnrolmentRow,
  options: { lastModuleId?: string } = {},
): Promise<enrolmentStore.EnrolmentRow> {
  const lastModuleId = options.lastModuleId;
  const progress = progressOf(e);
  const seen = lastModuleId ? { ...e, last_module_id: lastModuleId } : e;
  if (e.status !== 'active' || !progress.isComplete) {
    if (lastModuleId) await enrolmentStore.setLastModule(deps.db, e.id, lastModuleId);
    return seen;
  }
  const now = deps.clock();
  // The endorsements in force now, of the programme and of its provider, travel inside the
  // credential under the provider's signature: both read in one statement.
  const stored = e.achievement as JsonObject;
  const achievementId = typeof stored.id === 'string' ? stored.id : '';
  const inForce = await endorsementCredentialsBySubject(
    deps.db,
    achievementId ? [achievementId, e.providerDid] : [e.providerDid],
    now,
  );
  const achievement = withEndorsements(stored, achievementId ? (inForce.get(achievementId) ?? []) : []);
  const { results, evidence } = outcomesOf(e, progress, achievementId);
  const issued = await issueCredentialAs(
    deps,
    {
      id: e.org_id,
      slug: e.providerSlug,
      name: e.providerName,
      roles: e.providerRoles,
      did: e.providerDid,
      createdAt: e.providerCreatedAt,
    },
    { actor: eventActorOf(actor), userId: e.learner_id },
    {
      credential: {
        // Cairn's CPD extension (docs/cpd.md), embedded so any verifier can read it: the hours
        // travel under the issuer's signature.
        ...(e.cpd_hours ? { '@context': [cairnCpdContext()] } : {}),
        name: typeof achievement.name === 'string' ? achievement.name : e.title,
        ...(e.validity_months ? { validUntil: validUntil(now, e.validity_months) } : {}),
        credentialSubject: {
          type: ['AchievementSubject'],
          achievement,
          activityStartDate: isoSeconds(e.enrolled_at),
          activityEndDate: isoSeconds(now),
          ...(e.cpd_hours ? { cpdHours: e.cpd_hours } : {}),
          ...(results.length > 0 ? { result: results } : {}),
        },
        ...(evidence.length > 0 ? { evidence } : {}),
      },
      recipientEmail: e.learnerEmail,
      // Linked to the account only if its email is verified; otherwise when it is.
      recipientUserId: e.learner_id,
      idempotencyKey: `enrolment:${e.id}`,
      context: { kind: 'completion', microcredentialId: e.microcredential_id },
      issuerEndorsementsOf: { did: e.providerDid, credentials: inForce.get(e.providerDid) ?? [] },
    },
  );
  await enrolmentStore.setEnrolmentStatus(deps.db, e.id, 'completed', now, {
    credentialRowId: issued.id,
    ...(lastModuleId ? { lastModuleId } : {}),
  });
  // Only this programme's credential is issued here (one organisation's status list is locked);
  // pathways the learner now completes are awarded by the consumers of these events.
  await recordEvent(deps, deps.db, {
    type: 'enrolment.completed',
    orgId: e.org_id,
    actor: eventActorOf(actor),
    data: {
      enrolmentId: e.id,
      learnerId: e.learner_id,
      microcredentialId: e.microcredential_id,
      credentialId: issued.id,
    },
  });
  await queueMail(deps, deps.db, {
    to: e.learnerEmail,
    orgId: e.org_id,
    subject: `Your credential for ${e.title} is ready`,
    text: `Congratulations, ${e.learnerName}!\n\nYou completed ${e.title} with ${e.providerName}. Your signed credential is here:\n\n${issued.credentialId}\n\nShare the link, download the badge or add it to your LinkedIn profile from that page.\n${
      e.learnerEmailVerifiedAt
        ? ''
        : `\nIt joins My credentials (and counts toward your pathways) once you confirm ${e.learnerEmail}: open the link Cairn mailed you when you signed up, or log in and ask for a new one.\n`
    }`,
  });
  return { ...seen, status: 'completed', completed_at: now, credential_row_id: issued.id };
}
