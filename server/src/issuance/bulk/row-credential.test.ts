import { describe, expect, it } from 'vitest';
import { rowCredential } from './row-credential.js';

const achievement = { id: 'https://cairn.test/achievements/a', type: ['Achievement'], name: 'Data Basics' };

describe('rowCredential', () => {
  it('clamps a default expiry to the end of a shorter month (31 January + 1 month is 28 February)', () => {
    const credential = rowCredential({
      achievement,
      validityMonths: 1,
      row: { email: 'a@example.org', issuedOn: '2027-01-31T09:30:00Z', results: [] },
      now: new Date('2027-03-01T00:00:00Z'),
    });
    expect(credential.validFrom).toBe('2027-01-31T09:30:00Z');
    expect(credential.validUntil).toBe('2027-02-28T09:30:00Z');
  });

  it('counts the validity from now when the row gives no issue date, and keeps an explicit expiry', () => {
    const fromNow = rowCredential({
      achievement,
      validityMonths: 12,
      row: { email: 'a@example.org', results: [] },
      now: new Date('2028-02-29T12:00:00.250Z'),
    });
    expect(fromNow.validFrom).toBeUndefined();
    expect(fromNow.validUntil).toBe('2029-02-28T12:00:00Z');
    const explicit = rowCredential({
      achievement,
      validityMonths: 12,
      row: { email: 'a@example.org', expiresOn: '2030-01-01T00:00:00Z', results: [] },
      now: new Date('2028-02-29T12:00:00Z'),
    });
    expect(explicit.validUntil).toBe('2030-01-01T00:00:00Z');
  });
});
