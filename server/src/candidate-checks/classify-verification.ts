import type { VerificationCheck, VerificationResult } from '@cairn/credentials';
import type { ItemOutcome } from './candidate-checks.store.js';

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

/**
 * The skills a verified credential evidences: its achievement's alignments whose `targetUrl` is
 * in the signed meaning (so a name is shown only for an alignment the signature covers).
 */
export function evidencedSkills(result: VerificationResult): ItemOutcome['skills'] {
  const signedTargets = new Set((result.facts?.subjects ?? []).flatMap((s) => s.achievement?.alignmentTargets ?? []));
  const subjects = asArray(result.credential?.credentialSubject).filter(isObject);
  const skills: ItemOutcome['skills'] = [];
  const seen = new Set<string>();
  for (const subject of subjects) {
    const achievement = isObject(subject.achievement) ? subject.achievement : {};
    for (const alignment of asArray(achievement.alignment).filter(isObject)) {
      const url = str(alignment.targetUrl);
      if (!url || !signedTargets.has(url) || seen.has(url)) continue;
      seen.add(url);
      skills.push({ name: str(alignment.targetName) ?? url, url });
    }
  }
  return skills;
}

function failed(result: VerificationResult, id: VerificationCheck['id']): VerificationCheck | undefined {
  return result.checks.find((c) => c.id === id && c.status === 'failed');
}

/**
 * What one verified credential is, for a candidate report: the first that applies of a
 * signature that fails (`signature_invalid`, or `issuer_unknown` when the issuer's DID could not
 * be resolved here), a credential naming someone else, revoked, suspended, expired; any other
 * failed check is `unverifiable` (a check that cannot be made fails); else `valid`. Only a
 * valid credential evidences skills.
 */
export function classifyVerification(
  result: VerificationResult,
  context: { isIssuerResolvable: boolean; candidateEmail: string | null },
): Omit<ItemOutcome, 'holder' | 'issuer' | 'achievement'> {
  const fail = (status: ItemOutcome['status'], check: VerificationCheck | undefined) => ({
    status,
    reason: check?.message ?? null,
    skills: [],
  });
  if (!result.facts)
    return fail(
      'unverifiable',
      result.checks.find((c) => c.status === 'failed'),
    );
  const proof = failed(result, 'proof');
  if (proof) return fail(context.isIssuerResolvable ? 'signature_invalid' : 'issuer_unknown', proof);
  const issuer = failed(result, 'issuer');
  if (issuer) return fail('signature_invalid', issuer);
  const recipient = failed(result, 'recipient');
  if (recipient) return fail('not_addressed_to_candidate', recipient);
  // A status entry that could not be read fails too, but it is not known to be revoked.
  const revocation = failed(result, 'revocation');
  if (revocation) return fail(/revoked/i.test(revocation.message) ? 'revoked' : 'unverifiable', revocation);
  const suspension = failed(result, 'suspension');
  if (suspension) return fail(/suspended/i.test(suspension.message) ? 'suspended' : 'unverifiable', suspension);
  const expiry = failed(result, 'validUntil');
  if (expiry) return fail(/^Expired/.test(expiry.message) ? 'expired' : 'unverifiable', expiry);
  const other = result.checks.find((c) => c.status === 'failed');
  if (other || !result.verified) return fail('unverifiable', other);
  return { status: 'valid', reason: null, skills: evidencedSkills(result) };
}

/** Who issued what, for display: the JSON's names (the status above is what was verified). */
export function describeCredential(
  result: VerificationResult,
  candidateEmail: string | null,
  status: ItemOutcome['status'],
): Pick<ItemOutcome, 'holder' | 'issuer' | 'achievement'> {
  const credential = result.credential ?? {};
  const issuer = credential.issuer;
  const issuerName = isObject(issuer) ? str(issuer.name) : null;
  const subject = asArray(credential.credentialSubject).filter(isObject)[0] ?? {};
  const achievement = isObject(subject.achievement) ? subject.achievement : {};
  const facts = result.facts;
  const plainIdentity = asArray(subject.identifier)
    .filter(isObject)
    .find((i) => i.hashed === false);
  // The candidate's address is shown as the holder only when a valid signature covers the recipient it matched.
  const passed = (id: string) => result.checks.some((c) => c.id === id && c.status === 'passed');
  const isRecipientConfirmed = passed('proof') && passed('issuer') && passed('recipient');
  const holder =
    (candidateEmail && isRecipientConfirmed && status !== 'not_addressed_to_candidate' ? candidateEmail : null) ??
    str(subject.name) ??
    str(plainIdentity?.identityHash) ??
    facts?.subjects[0]?.id ??
    null;
  return {
    holder,
    issuer: issuerName ?? facts?.issuerId ?? (typeof issuer === 'string' ? issuer : null),
    achievement: str(achievement.name) ?? str(credential.name),
  };
}
