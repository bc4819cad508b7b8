import { describe, expect, it } from 'vitest';
import { formatCountdown, secondsLeft } from './exchanges-api';

describe('pickup countdown', () => {
  it('counts whole seconds down to zero, never below', () => {
    const now = Date.parse('2026-12-07T10:00:00Z');
    expect(secondsLeft('2026-12-07T10:10:00Z', now)).toBe(600);
    expect(secondsLeft('2026-12-07T10:00:00.400Z', now)).toBe(1);
    expect(secondsLeft('2026-12-07T09:59:00Z', now)).toBe(0);
  });

  it('shows minutes and two-digit seconds', () => {
    expect(formatCountdown(600)).toBe('10:00');
    expect(formatCountdown(65)).toBe('1:05');
    expect(formatCountdown(0)).toBe('0:00');
  });
});
