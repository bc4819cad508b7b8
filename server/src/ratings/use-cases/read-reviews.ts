import type { Actor, Deps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import * as store from '../programme-reviews.store.js';
import { presentOwnReview, presentPublicReview, presentSummary } from '../review-view.js';
import { heldCredentialFor } from './write-review.js';

/**
 * A programme's approved reviews with their average, and for a signed-in person their own
 * review (in whatever state) and whether they may write one.
 */
export async function readProgrammeReviews(deps: Deps, actor: Actor, providerSlug: string, slug: string) {
  const programme = await store.findListedProgramme(deps.db, providerSlug, slug);
  if (!programme) throw new AppError('not_found', 'No published programme at this address.');
  const [approved, [summary]] = await Promise.all([
    store.listApprovedReviews(deps.db, programme.microcredential_id, 100),
    store.ratingSummaries(deps.db, [programme.microcredential_id]),
  ]);
  let mine = null;
  let canReview = false;
  if (actor.kind === 'user') {
    const own = await store.findReviewOf(deps.db, programme.microcredential_id, actor.userId);
    mine = own ? presentOwnReview(own) : null;
    canReview = (await heldCredentialFor(deps, actor.userId, programme.microcredential_id)) !== undefined;
  }
  return { summary: presentSummary(summary), items: approved.map(presentPublicReview), mine, canReview };
}

/** Average rating and count for each programme id (programmes without approved reviews: count 0). */
export async function readRatingSummaries(deps: Deps, microcredentialIds: string[]) {
  const rows = await store.ratingSummaries(deps.db, microcredentialIds);
  const byId = new Map(rows.map((r) => [r.microcredential_id, r]));
  return microcredentialIds.map((id) => ({ microcredentialId: id, ...presentSummary(byId.get(id)) }));
}
