import type { VerificationResult } from '../../api/types';

/** What a visitor is told about a credential, in one word. */
export type CredentialVerdict = 'verified' | 'revoked' | 'suspended' | 'expired' | 'unverified';

/** A check that failed because something could not be read, which says nothing about the credential's status. */
const LOOKUP_FAILURE = /could not|cannot|can't|unable|not fetch|unreachable|no status list|not published/i;

/**
 * Reads a verification into a verdict. The verifier reports checks by id, label and message;
 * a failed status check whose message says "revoked" or "suspended" is the issuer's decision,
 * while one that could not even read the status list stays "could not verify".
 */
export function credentialVerdict(result: VerificationResult): CredentialVerdict {
  if (result.verified) return 'verified';
  const failures = [
    ...result.checks
      .filter((c) => c.status === 'failed')
      .map((c) => ({ about: `${c.id} ${c.label}`, message: c.message })),
    ...result.errors.map((message) => ({ about: '', message })),
  ];
  const has = (test: (f: { about: string; message: string }) => boolean) => failures.some(test);
  if (has((f) => /\brevoked\b/i.test(f.message))) return 'revoked';
  if (has((f) => /\bsuspended\b/i.test(f.message))) return 'suspended';
  const isDecision = (f: { message: string }) => !LOOKUP_FAILURE.test(f.message);
  if (has((f) => /revo[ck]/i.test(f.about) && isDecision(f))) return 'revoked';
  if (has((f) => /suspen/i.test(f.about) && isDecision(f))) return 'suspended';
  if (has((f) => /expir/i.test(`${f.about} ${f.message}`) || /validity|validUntil/i.test(f.about))) return 'expired';
  return 'unverified';
}

export const verdictView: Record<CredentialVerdict, { title: string; color: string; text: string }> = {
  verified: {
    title: 'Verified',
    color: 'teal',
    text: 'The issuer’s signature is genuine, nothing has been changed, and the credential is neither revoked, suspended nor expired.',
  },
  revoked: { title: 'Revoked', color: 'red', text: 'The issuer has withdrawn this credential. It is no longer valid.' },
  suspended: {
    title: 'Suspended',
    color: 'orange',
    text: 'The issuer has suspended this credential for now. It is not valid while suspended.',
  },
  expired: { title: 'Expired', color: 'gray', text: 'This credential was valid, but its validity period has ended.' },
  unverified: {
    title: 'Could not verify',
    color: 'red',
    text: 'One of the checks did not pass, so this credential cannot be trusted as shown.',
  },
};
