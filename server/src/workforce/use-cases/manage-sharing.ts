import type { Actor, Deps } from '../../deps.js';
import { transaction } from '../../db/transaction.js';
import { AppError } from '../../http/app-error.js';
import { requireUser } from '../../orgs/org-access.js';
import { ownCredentialIds } from '../stores/evidence.store.js';
import * as sharesStore from '../stores/shares.store.js';
import type { RememberSharedEvidenceJob } from './remember-shared-evidence.js';

export type ShareChoice = 'all' | string[];

const notMember = (slug: string) =>
  new AppError(
    'not_found',
    `No employer "${slug}" that you belong to; you can share only with an employer you are a member of.`,
  );

/** The employers the signed-in person belongs to, with what they share with each. */
export async function listMySharing(deps: Deps, actor: Actor) {
  const user = requireUser(actor);
  const [employers, shares] = await Promise.all([
    sharesStore.listEmployerMemberships(deps.db, user.userId),
    sharesStore.listSharesOfUser(deps.db, user.userId),
  ]);
  return employers.map((e) => {
    const share = shares.find((s) => s.org_id === e.id);
    return {
      orgSlug: e.slug,
      orgName: e.name,
      credentials: share ? (share.scope === 'all' ? ('all' as const) : share.credential_ids) : null,
      updatedAt: share?.updated_at ?? null,
    };
  });
}

/**
 * Consents to share credentials with an employer the person is a member of: all of them (also
 * those earned later) or the listed ones, which must be their own. Replaces any earlier choice.
 */
export async function shareWithEmployer(deps: Deps, actor: Actor, orgSlug: string, choice: ShareChoice) {
  const user = requireUser(actor);
  return transaction(deps.db, async (trx) => {
    const org = await sharesStore.findMembershipBySlug(trx, orgSlug, user.userId);
    if (!org || !org.roles.includes('employer')) throw notMember(orgSlug);
    let ids: string[] = [];
    if (choice !== 'all') {
      ids = [...new Set(choice)];
      const own = await ownCredentialIds(trx, user.userId, ids);
      const foreign = ids.filter((id) => !own.has(id));
      if (foreign.length > 0) {
        throw new AppError('validation_failed', 'You can share only your own credentials; nothing was changed.', {
          fields: foreign.map((id) => ({ field: 'credentials', message: `Not one of your credentials: ${id}` })),
        });
      }
    }
    const now = deps.clock();
    await sharesStore.upsertShare(trx, {
      orgId: org.id,
      userId: user.userId,
      scope: choice === 'all' ? 'all' : 'selected',
      credentialIds: ids,
      now,
    });
    // Verified ahead of the first report; a report verifies whatever the job has not reached yet.
    await deps.jobs.send(trx, 'workforceEvidence', { userId: user.userId } satisfies RememberSharedEvidenceJob);
    return {
      orgSlug: org.slug,
      orgName: org.name,
      credentials: choice === 'all' ? ('all' as const) : ids,
      updatedAt: now,
    };
  });
}

/** Withdraws consent: from now on the employer sees nothing of this person's credentials or skills. */
export async function withdrawSharing(deps: Deps, actor: Actor, orgSlug: string) {
  const user = requireUser(actor);
  const org = await sharesStore.findMembershipBySlug(deps.db, orgSlug, user.userId);
  if (!org) throw notMember(orgSlug);
  await sharesStore.deleteShare(deps.db, org.id, user.userId);
}
