import { describe, expect, it } from 'vitest';
import { AWARD_POLL_MS, isAnyAwardPending, pollWhileAwardPending } from './award-polling';

describe('polling while a pathway award is issued', () => {
  const interval = pollWhileAwardPending<{ isAwardPending: boolean }>((d) => d.isAwardPending);

  it('asks again every 1.5 s while the award is pending, and stops once it is not', () => {
    expect(AWARD_POLL_MS).toBeLessThan(2000);
    expect(interval({ state: { data: { isAwardPending: true } } })).toBe(AWARD_POLL_MS);
    expect(interval({ state: { data: { isAwardPending: false } } })).toBe(false);
  });

  it('does not poll without data (loading, or an error on screen)', () => {
    expect(interval({ state: { data: undefined } })).toBe(false);
  });

  it('finds a pending award in a list', () => {
    expect(isAnyAwardPending([{ isAwardPending: false }, { isAwardPending: true }])).toBe(true);
    expect(isAnyAwardPending([{ isAwardPending: false }])).toBe(false);
    expect(isAnyAwardPending(undefined)).toBe(false);
  });
});
