import type { Actor, Deps } from '../../deps.js';
import { transaction } from '../../db/transaction.js';
import { AppError } from '../../http/app-error.js';
import { requireUser } from '../../orgs/orgs.service.js';
import { loadHeldCredentials } from '../../pathways/load-held-credentials.js';
import { communityLimitsFor } from '../../community/community-limits.js';
import * as store from '../programme-reviews.store.js';
import { presentOwnReview } from '../review-view.js';

export type WriteReviewOptions = { providerSlug: string; slug: string; rating: number; title: string; body: string };

/**
 * The Cairn credential in force that the person holds for this programme, or undefined. Only
 * credentials Cairn issued count: a wallet copy says nothing a reviewer could be asked about.
 */
export async function heldCredentialFor(deps: Deps, userId: string, microcredentialId: string) {
  const held = (await loadHeldCredentials(deps, [userId])).get(userId) ?? [];
  return held.find((h) => h.microcredentialId === microcredentialId && h.ref.startsWith('credential:'));
}

/**
 * Writes (or rewrites) the signed-in person's review of a programme. Only holders of a Cairn
 * credential for the programme may review it, once each; every write waits for the provider's
 * approval before anyone else sees it.
 */
export async function writeReview(deps: Deps, actor: Actor, options: WriteReviewOptions) {
  const user = requireUser(actor);
  const programme = await store.findListedProgramme(deps.db, options.providerSlug, options.slug);
  if (!programme) throw new AppError('not_found', 'No published programme at this address.');
  const held = await heldCredentialFor(deps, user.userId, programme.microcredential_id);
  if (!held)
    throw new AppError(
      'forbidden',
      'Only people who hold a credential for this programme can review it. Complete the programme first.',
    );
  await communityLimitsFor(deps.db).check('review', user.userId);
  return transaction(deps.db, async (trx) => {
    await store.upsertReview(trx, {
      orgId: programme.org_id,
      microcredentialId: programme.microcredential_id,
      authorId: user.userId,
      credentialRowId: held.ref.slice('credential:'.length),
      rating: options.rating,
      title: options.title,
      body: options.body,
      now: deps.clock(),
    });
    const saved = await store.findReviewOf(trx, programme.microcredential_id, user.userId);
    return presentOwnReview(saved!);
  });
}
