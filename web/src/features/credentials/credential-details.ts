import type { SignedCredential, VerificationSummary } from '../../api/types';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);

function jwtPayload(jwt: string): Json | null {
  try {
    const part = jwt.split('.')[1] ?? '';
    const base64 = part.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4)), (c) => c.charCodeAt(0));
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}

/** The `jti` claim of a VC-JWT, which carries the credential id in the VC 1.1 encoding. */
export function credentialJwtId(jwt: string): string | null {
  return text(jwtPayload(jwt)?.jti);
}

/** The credential document inside what was published: the JSON itself, or the VC-JWT's payload (`vc` for VC 1.1 style). */
export function credentialDocument(signed: SignedCredential): Json | null {
  if (typeof signed !== 'string') return signed;
  const payload = jwtPayload(signed);
  if (!payload) return null;
  return isObject(payload.vc) ? payload.vc : payload;
}

/**
 * What the page shows about a credential, read from the document itself. Used until (or when)
 * the verifier's summary is not available; the verifier's summary wins when it is.
 */
export function readDetails(signed: SignedCredential | undefined): VerificationSummary | null {
  const doc = signed === undefined ? null : credentialDocument(signed);
  if (!doc) return null;
  const issuer = doc.issuer;
  const subject = Array.isArray(doc.credentialSubject) ? doc.credentialSubject[0] : doc.credentialSubject;
  const achievement = isObject(subject) && isObject(subject.achievement) ? subject.achievement : undefined;
  return {
    issuerName: isObject(issuer) ? text(issuer.name) : null,
    issuerId: typeof issuer === 'string' ? issuer : isObject(issuer) ? text(issuer.id) : null,
    achievementName: text(achievement?.name) ?? text(doc.name),
    achievementDescription: text(achievement?.description) ?? text(doc.description),
    achievementType: text(achievement?.achievementType),
    recipient: isObject(subject) ? text(subject.name) : null,
    validFrom: text(doc.validFrom) ?? text(doc.issuanceDate),
    validUntil: text(doc.validUntil) ?? text(doc.expirationDate),
    // The badge image comes from the verifier's summary, which resolves and checks it.
    image: null,
  };
}

/** The achievement's criteria narrative, which the verifier's summary does not carry. */
export function criteriaNarrative(signed: SignedCredential | undefined): string | null {
  const doc = signed === undefined ? null : credentialDocument(signed);
  const subject = doc && (Array.isArray(doc.credentialSubject) ? doc.credentialSubject[0] : doc.credentialSubject);
  const achievement = isObject(subject) && isObject(subject.achievement) ? subject.achievement : undefined;
  return isObject(achievement?.criteria) ? text(achievement.criteria.narrative) : null;
}
