import type { JsonObject, VerificationResult } from '@cairn/credentials';
import { accreditationsFor, type AccreditationInForce } from '../accreditation/accreditations-in-force.js';
import { accreditationStatusAt } from '../accreditation/accreditation-view.js';
import type { Deps } from '../deps.js';
import * as lookup from './stores/recognition-lookup.store.js';

/**
 * One endorsement embedded in a credential, checked on its own: signed by the organisation it
 * names as issuer, about this credential's achievement (or its issuer), in force when the
 * credential was issued and now. Never changes whether the credential itself verifies.
 */
export type EndorsementFinding = {
  by: string;
  byId: string | null;
  /** Where it sits in the credential: on the achievement (about the programme) or on the issuer Profile. */
  subject: 'achievement' | 'issuer';
  /** What the endorsement is about, as signed. */
  subjectId: string | null;
  credentialId: string | null;
  comment: string | null;
  atIssue: boolean;
  now: boolean;
  withdrawnAt: string | null;
  /** Why it does not count (empty when it does, at issue and now). */
  problems: string[];
};

/** One accreditation of the credential's issuer or programme, from Cairn's register, its credential verified. */
export type AccreditationFinding = {
  by: string;
  byId: string;
  scheme: string;
  subject: 'organization' | 'programme';
  /** Its status in the register now. */
  status: string;
  credentialId: string | null;
  atIssue: boolean;
  now: boolean;
  withdrawnAt: string | null;
  problems: string[];
};

export type RecognitionReport = { accreditations: AccreditationFinding[]; endorsements: EndorsementFinding[] };

/**
 * This Cairn's organisation whose DID is exactly `did`, as the verification already read it
 * (so it is not read again), with whether any accreditation names it; undefined when not known.
 */
export type KnownIssuer = (
  did: string,
) => Promise<{ id: string; slug: string; name: string; did: string; hasAccreditations: boolean } | undefined>;

/** Verifies one credential (JSON or VC-JWT) with the server's own DIDs and status lists. */
export type VerifyOne = (credential: JsonObject | string) => Promise<VerificationResult>;

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const asArray = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

function failedChecks(result: VerificationResult, ids: string[]): string[] {
  return result.checks.filter((c) => ids.includes(c.id) && c.status === 'failed').map((c) => c.message);
}

/** Whether the proof passed and is made by a key of the DID the credential names as issuer. */
function isSignedByIssuer(result: VerificationResult, document: JsonObject | string): string[] {
  const problems = failedChecks(result, ['format', 'schema', 'proof', 'issuer']);
  if (!result.checks.some((c) => c.id === 'proof' && c.status === 'passed'))
    problems.push('Its signature could not be verified');
  const issuerId = result.facts?.issuerId;
  if (isObject(document)) {
    const methods = asArray(document.proof).flatMap((p) =>
      isObject(p) && typeof p.verificationMethod === 'string' ? [p.verificationMethod] : [],
    );
    if (!issuerId || methods.length === 0 || methods.some((m) => m.split('#')[0] !== issuerId))
      problems.push('It is not signed with a key of the organisation it names as issuer');
  }
  return [...new Set(problems)];
}

/** Whether the status and validity checks say it holds today. */
function holdsNow(result: VerificationResult): string[] {
  return failedChecks(result, ['revocation', 'suspension', 'validFrom', 'validUntil']);
}

/** The endorsements embedded on the achievement (about it) and on the issuer Profile (about the issuer). */
type Embedded = { endorsement: unknown; expectedSubject: unknown; subject: 'achievement' | 'issuer' };
function embeddedEndorsements(credential: JsonObject): Embedded[] {
  const subject = isObject(credential.credentialSubject) ? credential.credentialSubject : {};
  const achievement = isObject(subject.achievement) ? subject.achievement : {};
  const issuer = isObject(credential.issuer) ? credential.issuer : {};
  return [
    ...asArray(achievement.endorsement).map((endorsement): Embedded => ({
      endorsement,
      expectedSubject: achievement.id,
      subject: 'achievement',
    })),
    ...asArray(issuer.endorsement).map((endorsement): Embedded => ({
      endorsement,
      expectedSubject: issuer.id,
      subject: 'issuer',
    })),
  ];
}

async function checkEndorsement(
  deps: Deps,
  verify: VerifyOne,
  { endorsement, expectedSubject, subject }: Embedded,
  issuedAt: number,
): Promise<EndorsementFinding> {
  if (!isObject(endorsement)) {
    return {
      by: 'unknown',
      byId: null,
      subject,
      subjectId: null,
      credentialId: null,
      comment: null,
      atIssue: false,
      now: false,
      withdrawnAt: null,
      problems: ['The embedded endorsement is not a credential Cairn can read'],
    };
  }
  const result = await verify(endorsement);
  const issuerId = result.facts?.issuerId ?? null;
  const subjectId = result.facts?.subjects[0]?.id ?? null;
  const credentialId = result.facts?.id ?? null;
  const [org] = issuerId ? await lookup.findOrganizationsByDids(deps.db, [issuerId]) : [];
  const issuerJson = isObject(endorsement.issuer) ? endorsement.issuer : {};
  const by =
    org?.name ?? (typeof issuerJson.name === 'string' ? `${issuerJson.name} (not on this Cairn)` : 'an unknown issuer');
  const problems = isSignedByIssuer(result, endorsement);
  if (!result.facts?.types.includes('EndorsementCredential')) problems.push('It is not an EndorsementCredential');
  if (typeof expectedSubject !== 'string' || subjectId !== expectedSubject)
    problems.push(
      `It endorses ${subjectId ?? 'nothing named'}, not ${typeof expectedSubject === 'string' ? expectedSubject : 'this credential'}`,
    );
  const [record] = credentialId ? await lookup.findEndorsementsByCredentialUris(deps.db, [credentialId]) : [];
  const withdrawnAt = record?.withdrawn_at ?? record?.revoked_at ?? null;
  const nowProblems = holdsNow(result);
  const validFrom = Date.parse(result.facts?.validFrom ?? '');
  const validUntil = result.facts?.validUntil ? Date.parse(result.facts.validUntil) : Infinity;
  const issueProblems: string[] = [];
  if (!(validFrom <= issuedAt && issuedAt < validUntil))
    issueProblems.push('It was not in force when the credential was issued');
  // Withdrawn (revoked) now: it counted at issue only if Cairn knows it was withdrawn after.
  const isRevoked = result.checks.some((c) => c.id === 'revocation' && c.status === 'failed');
  if (isRevoked && !(withdrawnAt && withdrawnAt.getTime() > issuedAt))
    issueProblems.push('It is withdrawn, and not known to have been withdrawn after the credential was issued');
  return {
    by,
    byId: issuerId,
    subject,
    subjectId,
    credentialId,
    comment: isObject(endorsement.credentialSubject)
      ? typeof endorsement.credentialSubject.endorsementComment === 'string'
        ? endorsement.credentialSubject.endorsementComment
        : null
      : null,
    atIssue: problems.length === 0 && issueProblems.length === 0,
    now: problems.length === 0 && nowProblems.length === 0,
    withdrawnAt: isRevoked ? iso(withdrawnAt) : null,
    problems: [...problems, ...issueProblems, ...nowProblems],
  };
}

/** The Achievement id names one of Cairn's own programme versions: its programme, if so. */
async function programmeOf(deps: Deps, achievementId: unknown) {
  if (typeof achievementId !== 'string') return undefined;
  const prefix = new URL('/achievements/', deps.publicUrl).toString();
  if (!achievementId.startsWith(prefix)) return undefined;
  const versionId = achievementId.slice(prefix.length);
  if (!/^[0-9a-f-]{36}$/.test(versionId)) return undefined;
  return lookup.findVersionProgramme(deps.db, versionId);
}

async function checkAccreditation(
  deps: Deps,
  verify: VerifyOne,
  a: AccreditationInForce,
  context: { providerDid: string; providerOrgId: string; inForceAtIssue: Set<string>; inForceNow: Set<string> },
): Promise<AccreditationFinding> {
  const problems: string[] = [];
  const row = a.credentialId ? await lookup.findCredentialRow(deps.db, a.credentialId) : undefined;
  let signed: string[] = ['The accreditation has no signed credential'];
  let now: string[] = [];
  if (row) {
    const document = row.format === 'jwt' ? row.document : (JSON.parse(row.document) as JsonObject);
    const result = await verify(document);
    signed = isSignedByIssuer(result, document);
    if (result.facts?.issuerId !== a.accreditorDid)
      signed.push(`Its credential is not issued by ${a.accreditorName}'s identifier`);
    const subjectId = result.facts?.subjects[0]?.id;
    if (a.subjectType === 'organization') {
      if (subjectId !== context.providerDid) signed.push('Its credential is about another organisation');
    } else {
      const programme = await programmeOf(deps, subjectId);
      if (
        !programme ||
        programme.microcredential_id !== a.subjectMicrocredentialId ||
        programme.org_id !== context.providerOrgId
      )
        signed.push('Its credential is about another programme');
    }
    now = holdsNow(result);
  }
  problems.push(...signed);
  const atIssue = signed.length === 0 && context.inForceAtIssue.has(a.id);
  const isNow = signed.length === 0 && now.length === 0 && context.inForceNow.has(a.id);
  if (!context.inForceAtIssue.has(a.id)) problems.push('It was not in force when the credential was issued');
  const statusNow = accreditationStatusAt(a, deps.clock());
  if (!context.inForceNow.has(a.id)) problems.push(`It is not in force now (${statusNow})`);
  problems.push(...now);
  return {
    by: a.accreditorName,
    byId: a.accreditorDid,
    scheme: a.schemeName,
    subject: a.subjectType,
    // Read at the time of the check: one whose validity ended is expired even before the lapse job runs.
    status: statusNow,
    credentialId: row?.credential_id ?? null,
    atIssue,
    now: isNow,
    withdrawnAt: iso(a.withdrawnAt),
    problems: [...new Set(problems)],
  };
}

/**
 * When the credential was issued, as the latest instant its signed date allows: a date written
 * to the second (as Cairn writes them) covers that whole second, so something that came into
 * force earlier in the same second counts as in force at issue.
 */
function issueInstant(date: string | undefined): number {
  const at = Date.parse(date ?? '');
  if (Number.isNaN(at)) return at;
  return /T\d{2}:\d{2}:\d{2}(Z|[+-])/.test(date!) ? at + 999 : at;
}

/**
 * Accreditation and endorsement of a verified credential's issuer and programme, each a check
 * of its own. Accreditations come from Cairn's register (the issuer found by its signed DID,
 * the programme by the signed achievement id), each one's credential verified; they are looked
 * up only when the credential's own signature verified, since otherwise its issuer is unknown.
 */
export async function checkRecognition(
  deps: Deps,
  verify: VerifyOne,
  result: VerificationResult,
  knownIssuer?: KnownIssuer,
): Promise<RecognitionReport> {
  const credential = result.credential;
  if (!credential) return { accreditations: [], endorsements: [] };
  const issuedAt = issueInstant(result.facts?.validFrom ?? result.facts?.issuanceDate);
  const endorsements: EndorsementFinding[] = [];
  for (const embedded of embeddedEndorsements(credential))
    endorsements.push(await checkEndorsement(deps, verify, embedded, issuedAt));

  const isSigned = result.checks.some((c) => c.id === 'proof' && c.status === 'passed');
  const issuerId = result.facts?.issuerId;
  if (!isSigned || !issuerId || Number.isNaN(issuedAt)) return { accreditations: [], endorsements };
  const known = await knownIssuer?.(issuerId);
  // None names it (read in the same statement as its keys): none can be in force at any time.
  if (known && !known.hasAccreditations) return { accreditations: [], endorsements };
  const [provider] = known ? [known] : await lookup.findOrganizationsByDids(deps.db, [issuerId]);
  if (!provider) return { accreditations: [], endorsements };
  const programme = await programmeOf(deps, result.facts?.subjects[0]?.achievement?.id);
  const microcredentialId = programme && programme.org_id === provider.id ? programme.microcredential_id : undefined;
  const query = { subjectOrgId: provider.id, ...(microcredentialId ? { microcredentialId } : {}) };
  const [atIssue, atNow] = await Promise.all([
    accreditationsFor(deps.db, { ...query, at: new Date(issuedAt) }),
    accreditationsFor(deps.db, { ...query, at: deps.clock() }),
  ]);
  const all = new Map([...atIssue, ...atNow].map((a) => [a.id, a]));
  const context = {
    providerDid: provider.did,
    providerOrgId: provider.id,
    inForceAtIssue: new Set(atIssue.map((a) => a.id)),
    inForceNow: new Set(atNow.map((a) => a.id)),
  };
  const accreditations: AccreditationFinding[] = [];
  for (const a of all.values()) accreditations.push(await checkAccreditation(deps, verify, a, context));
  return { accreditations, endorsements };
}
