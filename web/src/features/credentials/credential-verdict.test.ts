import { describe, expect, it } from 'vitest';
import type { VerificationCheck, VerificationResult } from '../../api/types';
import { credentialVerdict } from './credential-verdict';

const signature: VerificationCheck = {
  id: 'signature',
  label: 'Signature',
  status: 'passed',
  message: 'Signed by the issuer.',
};
const result = (checks: VerificationCheck[], errors: string[] = []): VerificationResult => ({
  verified: checks.every((c) => c.status !== 'failed') && errors.length === 0,
  checks: [signature, ...checks],
  warnings: [],
  errors,
  accreditations: [],
  endorsements: [],
  summary: null,
});

describe('credentialVerdict', () => {
  it('names the issuer’s decision when the status check failed', () => {
    expect(
      credentialVerdict(
        result([{ id: 'status', label: 'Status', status: 'failed', message: 'The issuer revoked this credential.' }]),
      ),
    ).toBe('revoked');
    expect(
      credentialVerdict(
        result([{ id: 'status', label: 'Status', status: 'failed', message: 'The credential is suspended.' }]),
      ),
    ).toBe('suspended');
    expect(
      credentialVerdict(
        result([{ id: 'revocation', label: 'Revocation', status: 'failed', message: 'Bit 12 is set.' }]),
      ),
    ).toBe('revoked');
  });

  it('says expired for a failed validity period and verified when nothing failed', () => {
    expect(
      credentialVerdict(
        result([{ id: 'validity', label: 'Validity period', status: 'failed', message: 'Ended on 1 May 2025.' }]),
      ),
    ).toBe('expired');
    expect(
      credentialVerdict(
        result([{ id: 'validity', label: 'Validity period', status: 'warning', message: 'Expires soon.' }]),
      ),
    ).toBe('verified');
  });

  it('does not call a credential revoked when its status list could not be read', () => {
    expect(
      credentialVerdict(
        result([
          {
            id: 'revocation',
            label: 'Revocation status',
            status: 'failed',
            message: 'The status list could not be fetched.',
          },
        ]),
      ),
    ).toBe('unverified');
    expect(credentialVerdict(result([], ['The proof does not match the document.']))).toBe('unverified');
  });
});
