import { describe, expect, it } from 'vitest';
import { validUntil } from './credential-validity.js';

describe('validUntil', () => {
  it('ends a month from 31 January on the last day of February', () => {
    expect(validUntil(new Date('2027-01-31T10:15:30.250Z'), 1)).toBe('2027-02-28T10:15:30Z');
    expect(validUntil(new Date('2028-01-31T23:59:59Z'), 1)).toBe('2028-02-29T23:59:59Z');
  });

  it('counts whole calendar months and years, clamping only where the month is shorter', () => {
    expect(validUntil(new Date('2027-03-31T00:00:00Z'), 1)).toBe('2027-04-30T00:00:00Z');
    expect(validUntil(new Date('2027-08-31T12:00:00Z'), 6)).toBe('2028-02-29T12:00:00Z');
    expect(validUntil(new Date('2028-02-29T08:00:00Z'), 12)).toBe('2029-02-28T08:00:00Z');
    expect(validUntil(new Date('2027-01-15T08:00:00Z'), 24)).toBe('2029-01-15T08:00:00Z');
  });

  it('gives the same day whatever time zone the server runs in', () => {
    const before = process.env.TZ;
    try {
      for (const zone of ['America/Los_Angeles', 'Pacific/Kiritimati', 'Europe/Berlin']) {
        process.env.TZ = zone; // Node re-reads TZ when it is set
        expect(validUntil(new Date('2027-01-31T23:30:00Z'), 1), zone).toBe('2027-02-28T23:30:00Z');
        expect(validUntil(new Date('2027-03-31T01:30:00Z'), 1), zone).toBe('2027-04-30T01:30:00Z');
      }
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});
