import type { Actor, Deps } from '../../deps.js';
import { transaction } from '../../db/transaction.js';
import { eventActorOf, recordEvent } from '../../events/record-event.js';
import { AppError } from '../../http/app-error.js';
import { placeAtEnrolment } from '../../community/use-cases/place-in-cohort.js';
import { requireUser } from '../../orgs/orgs.service.js';
import { claimSponsoredSeat, findSponsoredSeat } from '../../workforce/sponsored-seats.js';
import { detailOf } from '../enrolment-view.js';
import * as catalogueLookup from '../stores/catalogue-lookup.store.js';
import * as enrolmentStore from '../stores/enrolment.store.js';
import * as voucherStore from '../stores/voucher.store.js';

export type EnrolOptions = { providerSlug: string; slug: string; voucherCode?: string };

/** Enrols the signed-in person in the latest published version of a programme. */
export async function enrolLearner(deps: Deps, actor: Actor, options: EnrolOptions) {
  const user = requireUser(actor);
  return transaction(deps.db, async (trx) => {
    const tx = { ...deps, db: trx };
    const programme =
      (await catalogueLookup.findListedProgramme(trx, options.providerSlug, options.slug)) ??
      (await catalogueLookup.findPrivateProgrammeFor(trx, options.providerSlug, options.slug, user.userId));
    if (!programme) throw new AppError('not_found', 'No published programme at this address.');
    const existing = await enrolmentStore.findLiveEnrolment(trx, user.userId, programme.version_id);
    if (existing) {
      throw new AppError('conflict', 'You are already enrolled in this programme. Continue where you left off.', {
        fields: [{ field: 'enrolmentId', message: existing.id }],
      });
    }
    let voucherId: string | null = null;
    const isPaid = programme.cost_amount_minor !== null;
    // An employer's sponsored seat pays for a paid programme when no voucher code is given.
    const seat =
      isPaid && !options.voucherCode?.trim()
        ? await findSponsoredSeat(trx, user.userId, programme.microcredential_id)
        : null;
    if ((isPaid && !seat) || options.voucherCode) {
      const code = options.voucherCode?.trim().toUpperCase();
      if (!code) {
        throw new AppError(
          'validation_failed',
          'This programme is paid. Enter a voucher code from your employer or the provider; card payments are not part of Cairn yet.',
          {
            fields: [{ field: 'voucherCode', message: 'Required for a paid programme' }],
          },
        );
      }
      const voucher = await voucherStore.lockVoucher(trx, programme.org_id, code);
      const bad = (message: string) =>
        new AppError('validation_failed', message, { fields: [{ field: 'voucherCode', message }] });
      if (
        !voucher ||
        (voucher.microcredential_id !== null && voucher.microcredential_id !== programme.microcredential_id)
      )
        throw bad('This voucher code is not valid for this programme.');
      if (voucher.expires_at && voucher.expires_at <= deps.clock()) throw bad('This voucher has expired.');
      if (voucher.redeemed >= voucher.max_redemptions) throw bad('This voucher has been used up.');
      await voucherStore.redeemVoucher(trx, voucher.id);
      voucherId = voucher.id;
    }
    const created = await enrolmentStore.insertEnrolment(trx, {
      orgId: programme.org_id,
      microcredentialId: programme.microcredential_id,
      versionId: programme.version_id,
      learnerId: user.userId,
      voucherId,
    });
    if (!created) throw new AppError('conflict', 'You are already enrolled in this programme.');
    if (seat) await claimSponsoredSeat(trx, seat.id, created.id, deps.clock());
    // A cohort-format programme places the learner now, in this transaction: a cohort with room, or the wait for one.
    const cohort = await placeAtEnrolment(trx, {
      learnerId: user.userId,
      microcredentialId: programme.microcredential_id,
      versionId: programme.version_id,
      today: deps.clock().toISOString().slice(0, 10),
    });
    await recordEvent(tx, trx, {
      type: 'enrolment.created',
      orgId: programme.org_id,
      actor: eventActorOf(actor),
      data: { enrolmentId: created.id, learnerId: user.userId, microcredentialId: programme.microcredential_id },
    });
    const e = await enrolmentStore.findEnrolment(trx, created.id);
    return { ...detailOf(deps, e!), cohort };
  });
}
