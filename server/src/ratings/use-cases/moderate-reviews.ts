import type { Actor, Deps } from '../../deps.js';
import type { ProgrammeReviewStatus } from '../../db/schema.js';
import { transaction } from '../../db/transaction.js';
import { AppError } from '../../http/app-error.js';
import { authorizeOrg, requireUser } from '../../orgs/orgs.service.js';
import { communityLimitsFor } from '../../community/community-limits.js';
import * as store from '../programme-reviews.store.js';
import { presentOwnReview } from '../review-view.js';

/** The provider's moderation queue: reviews waiting (pending or reported) or in one status. */
export async function listReviewsToModerate(
  deps: Deps,
  actor: Actor,
  orgSlug: string,
  status: ProgrammeReviewStatus | 'waiting',
) {
  const access = await authorizeOrg(deps, actor, orgSlug, 'reviews.moderate');
  const statuses: ProgrammeReviewStatus[] = status === 'waiting' ? ['pending', 'reported'] : [status];
  const rows = await store.listReviewsOfOrg(deps.db, access.org.id, statuses);
  return rows.map((r) => ({
    ...presentOwnReview(r),
    programme: { title: r.programmeTitle, slug: r.programmeSlug },
    openReports: Number(r.openReports ?? 0),
  }));
}

/** Approves (shows) or hides a review of one of the organisation's programmes; open reports on it are settled. */
export async function moderateReview(
  deps: Deps,
  actor: Actor,
  orgSlug: string,
  reviewId: string,
  decision: 'approve' | 'hide',
) {
  const access = await authorizeOrg(deps, actor, orgSlug, 'reviews.moderate');
  const moderatorId = access.actor.kind === 'user' ? access.actor.userId : null;
  return transaction(deps.db, async (trx) => {
    const review = await store.findReview(trx, reviewId, { forUpdate: true });
    if (!review || review.org_id !== access.org.id)
      throw new AppError('not_found', 'No review with this id on your programmes.');
    const now = deps.clock();
    await store.setReviewStatus(trx, access.org.id, reviewId, {
      status: decision === 'approve' ? 'approved' : 'hidden',
      moderatedBy: moderatorId,
      at: now,
    });
    await store.resolveReviewReports(trx, access.org.id, reviewId, now);
    return presentOwnReview((await store.findReview(trx, reviewId))!);
  });
}

/**
 * Anyone signed in may report a review they can see. An approved review is hidden at once
 * (status `reported`) until the provider approves it again or hides it for good.
 */
export async function reportReview(deps: Deps, actor: Actor, reviewId: string, reason: string) {
  const user = requireUser(actor);
  await communityLimitsFor(deps.db).check('report', user.userId);
  return transaction(deps.db, async (trx) => {
    const review = await store.findReview(trx, reviewId, { forUpdate: true });
    // Only approved reviews are visible to others; the rest are not reportable (nor revealed).
    if (!review || (review.status !== 'approved' && review.status !== 'reported'))
      throw new AppError('not_found', 'No published review with this id.');
    await store.insertReviewReport(trx, { orgId: review.org_id, reviewId, reporterId: user.userId, reason });
    if (review.status === 'approved')
      await store.setReviewStatus(trx, review.org_id, reviewId, {
        status: 'reported',
        moderatedBy: null,
        at: deps.clock(),
      });
    return { status: 'reported' as const };
  });
}
