import type { Db } from '../db/transaction.js';
import { lockUnclaimedSeat, markSeatClaimed } from './stores/assignments.store.js';

/**
 * Learning asks this when someone enrols in a paid programme without a voucher: an unclaimed
 * sponsored seat an employer granted them for it, locked until the enrolment's transaction ends.
 */
export async function findSponsoredSeat(db: Db, userId: string, microcredentialId: string) {
  return (await lockUnclaimedSeat(db, userId, microcredentialId)) ?? null;
}

/** Records which enrolment used the seat (in the enrolment's transaction). */
export async function claimSponsoredSeat(db: Db, seatId: string, enrolmentId: string, now: Date) {
  await markSeatClaimed(db, seatId, enrolmentId, now);
}
