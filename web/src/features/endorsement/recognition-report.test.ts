import { describe, expect, it } from 'vitest';
import { findingState } from './recognition-report';

const finding = { by: 'Meridian Accreditation Council', atIssue: true, now: true, withdrawnAt: null, problems: [] };

describe('findingState', () => {
  it('says how an accreditation holds: in force, withdrawn with its date, or lapsed', () => {
    expect(findingState(finding)).toEqual({ text: 'in force at issue and now', tone: 'ok' });
    expect(findingState({ ...finding, now: false, withdrawnAt: '2027-03-01T10:00:00Z' }).text).toBe(
      'in force at issue; withdrawn on 1 March 2027',
    );
    expect(findingState({ ...finding, now: false, status: 'expired' })).toEqual({
      text: 'in force at issue; expired now',
      tone: 'past',
    });
    expect(findingState({ ...finding, atIssue: false, now: false, status: 'expired' })).toEqual({
      text: 'expired',
      tone: 'bad',
    });
    expect(findingState({ ...finding, now: false, status: 'suspended' }).text).toBe('in force at issue, not now');
  });
});
