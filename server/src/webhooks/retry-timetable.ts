/**
 * When a failed delivery is tried again: after attempt n fails, attempt n+1 waits
 * RETRY_DELAYS_MS[n-1]. Eleven attempts over about three days (71 h 36 min), quick at first
 * for blips, then spaced out for outages.
 */
export const RETRY_DELAYS_MS: readonly number[] = [
  5_000, // 5 s
  60_000, // 1 min
  5 * 60_000, // 5 min
  30 * 60_000, // 30 min
  2 * 3600_000, // 2 h
  5 * 3600_000, // 5 h
  10 * 3600_000, // 10 h
  14 * 3600_000, // 14 h
  20 * 3600_000, // 20 h
  20 * 3600_000, // 20 h
];

export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/**
 * An endpoint whose deliveries have all failed for this long is disabled and its admins are
 * mailed: five days, longer than one delivery's retries, so a receiver down over a long weekend
 * keeps its endpoint.
 */
export const DISABLE_AFTER_FAILING_MS = 5 * 24 * 3600_000;

/** When attempt `attempt + 1` is due after attempt `attempt` failed at `now`; undefined after the last. */
export function nextAttemptAt(attempt: number, now: Date): Date | undefined {
  const delay = RETRY_DELAYS_MS[attempt - 1];
  return delay === undefined ? undefined : new Date(now.getTime() + delay);
}
