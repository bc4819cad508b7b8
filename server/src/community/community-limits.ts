import { RateLimiterPostgres } from 'rate-limiter-flexible';
import type { Db } from '../db/transaction.js';
import { consumeOrRefuse, storeClientFor } from '../identity/rate-limit.js';

/**
 * Limits on what people write to each other (posts, messages, reviews, reports), counted per
 * person in the shared `rate_limits` table through the same PostgreSQL store as the log-in
 * limits, so every server process shares them. Generous for a person, tight for a script.
 */
export type CommunityAction = 'post' | 'message' | 'review' | 'report';

export const communityLimitPolicy: Record<CommunityAction, { points: number; seconds: number }> = {
  post: { points: 10, seconds: 60 },
  message: { points: 20, seconds: 60 },
  review: { points: 10, seconds: 60 * 60 },
  report: { points: 20, seconds: 60 * 60 },
};

export type CommunityLimits = { check(action: CommunityAction, userId: string): Promise<void> };

const byDb = new WeakMap<Db, CommunityLimits>();

/** The limiters over one database (built once per database and shared by the routes that write). */
export function communityLimitsFor(db: Db): CommunityLimits {
  const existing = byDb.get(db);
  if (existing) return existing;
  const storeClient = storeClientFor(db);
  const limiters = Object.fromEntries(
    Object.entries(communityLimitPolicy).map(([action, { points, seconds }]) => [
      action,
      new RateLimiterPostgres({
        storeClient,
        storeType: 'pool',
        tableName: 'rate_limits',
        tableCreated: true,
        clearExpiredByTimeout: false,
        keyPrefix: `community_${action}`,
        points,
        duration: seconds,
      }),
    ]),
  ) as Record<CommunityAction, RateLimiterPostgres>;
  const limits: CommunityLimits = {
    async check(action, userId) {
      await consumeOrRefuse(
        () => limiters[action].consume(userId),
        (wait) => `You are writing faster than Cairn allows. ${wait} and try again.`,
      );
    },
  };
  byDb.set(db, limits);
  return limits;
}
