import { describe, expect, it } from 'vitest';
import { assertStep, nextState } from './application-state.js';

describe('application states', () => {
  it('goes submitted → information_requested → resubmitted → decided', () => {
    expect(() => assertStep('submitted', 'request_information')).not.toThrow();
    expect(nextState('request_information')).toBe('information_requested');
    expect(() => assertStep('information_requested', 'answer')).not.toThrow();
    expect(nextState('answer')).toBe('resubmitted');
    expect(() => assertStep('resubmitted', 'decide')).not.toThrow();
    expect(nextState('decide')).toBe('decided');
  });

  it('refuses steps out of turn with a conflict that says why', () => {
    expect(() => assertStep('information_requested', 'decide')).toThrow(/waiting for the provider to answer/);
    expect(() => assertStep('submitted', 'answer')).toThrow(/cannot answer/);
    expect(() => assertStep('decided', 'review')).toThrow(/has been decided/);
    try {
      assertStep('decided', 'decide');
    } catch (error) {
      expect((error as { code: string }).code).toBe('conflict');
    }
  });
});
