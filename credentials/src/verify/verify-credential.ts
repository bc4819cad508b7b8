import { createDocumentLoader, type DidResolver, type DocumentLoader } from '../contexts/document-loader.js';
import { CONTEXT_URLS } from '../contexts/context-urls.js';
import { identityMatches } from '../model/identity.js';
import {
  credentialKind,
  validateAchievementCredential,
  validateClrCredential,
  validateEndorsementCredential,
  type ValidationResult,
} from '../model/validation.js';
import type { Canonicalizer } from '../proofs/canonicalizer.js';
import { isCryptosuite, proofsOf, verifyProofSignature } from '../proofs/data-integrity.js';
import { ED25519_SIGNATURE_2020, verifyEd25519Signature2020 } from '../proofs/ed25519-signature-2020.js';
import { isCompactJwt } from '../proofs/vc-jwt.js';
import type { FetchStatusList } from '../status-list/check-status.js';
import { asArray, idOf, isJsonObject, show, type JsonObject } from '../util/json.js';
import { decodeVcJwt, jwtClaimProblems, verifyJwtWithIssuerKey } from './jwt-check.js';
import { resolveAssertionKey } from './key-resolver.js';
import { checkVerifyLimits } from './limits.js';
import type { CheckId, CheckStatus, CredentialFormat, VerificationCheck } from './result.js';
import { readSignedFacts, type SignedFacts } from './signed-meaning.js';
import { checkStatusEntries } from './status-entries.js';

export type VerifyCredentialOptions = {
  /** A credential object, its JSON text, or a compact VC-JWT. */
  credential: unknown;
  /** How contexts and keys are loaded; built from `resolveDid` when absent. */
  documentLoader?: DocumentLoader;
  /** did:web resolver for the default document loader. */
  resolveDid?: DidResolver;
  /** How status lists are read. Without it, a credential that has status entries fails: its status cannot be known. */
  fetchStatusList?: FetchStatusList;
  now?: Date;
  /** When given, the credential must name this email (hashed or plain) as its recipient. */
  recipientEmail?: string;
  /**
   * VC-API `challenge` / `domain`: when given, only a proof that carries them (signed, since
   * they are proof options) counts. For a verifier that asked the holder for a fresh proof.
   */
  expectedProof?: { challenge?: string; domain?: string };
  canonicalizer?: Canonicalizer;
};

export type VerificationResult = {
  /** True when no check failed. */
  verified: boolean;
  checks: VerificationCheck[];
  warnings: string[];
  errors: string[];
  /** The credential that was checked (the JWT payload for a VC-JWT), when it could be read. For display only. */
  credential?: JsonObject;
  /**
   * What the credential says, read from its signed meaning (JSON-LD expanded form). Anything
   * that acts on a verified credential must read these, never `credential`'s JSON shape.
   */
  facts?: SignedFacts;
  format: CredentialFormat;
};

const MAX_NESTING = 3;
/** Proofs checked on one credential; real credentials carry one or two. */
export const MAX_PROOFS = 8;

/**
 * Verifies an Open Badges 3.0 / CLR 2.0 credential (Data Integrity or VC-JWT) and reports every
 * check in plain language. Never throws for a bad credential: a broken badge is an answer, not an
 * error. Throws TypeError only for misuse (no credential given).
 */
export async function verifyCredential(options: VerifyCredentialOptions): Promise<VerificationResult> {
  if (
    typeof options !== 'object' ||
    options === null ||
    options.credential === undefined ||
    options.credential === null
  ) {
    throw new TypeError('verifyCredential needs { credential }');
  }
  // Size and complexity first, before any parsing or canonicalisation: a hostile credential
  // must cost little to refuse (the server also checks before it hands work to a worker).
  const violation = checkVerifyLimits(options.credential);
  if (violation) {
    const report = new Report();
    report.add(
      'format',
      violation.kind === 'too_large' ? 'Small enough to check' : 'Simple enough to check',
      'failed',
      violation.message,
    );
    const input = options.credential;
    return report.finish(typeof input === 'string' && isCompactJwt(input.trim()) ? 'jwt' : 'ldp', undefined);
  }
  return verifyAtDepth(options, 0);
}

async function verifyAtDepth(options: VerifyCredentialOptions, depth: number): Promise<VerificationResult> {
  const report = new Report();
  const input = typeof options.credential === 'string' ? options.credential.trim() : options.credential;
  const format: CredentialFormat = typeof input === 'string' && isCompactJwt(input) ? 'jwt' : 'ldp';
  try {
    const documentLoader =
      options.documentLoader ?? createDocumentLoader(options.resolveDid ? { resolveDid: options.resolveDid } : {});
    const ctx: Context = { ...options, documentLoader, now: options.now ?? new Date(), report, depth };
    let read: ReadCredential | undefined;
    if (format === 'jwt') {
      read = await checkJwt(String(input), ctx);
    } else {
      const credential = parseLdp(input, report);
      const facts = credential && (await readFacts(credential, ctx));
      if (credential && facts) {
        read = { credential, facts };
        await checkDataIntegrity(credential, facts, ctx);
      }
    }
    if (read) {
      const { credential, facts } = read;
      checkSchema(credential, report);
      checkDates(credential, facts, ctx);
      await checkStatuses(facts, ctx);
      if (options.recipientEmail !== undefined) checkRecipient(facts, options.recipientEmail, report);
      await checkEmbedded(credential, facts, ctx);
    }
    return report.finish(format, read);
  } catch (error) {
    // Defensive: a bug or an unexpected input shape must still produce a report.
    report.add(
      'format',
      'Could be checked',
      'failed',
      `Verification stopped unexpectedly: ${(error as Error).message}`,
    );
    return report.finish(format, undefined);
  }
}

type Context = Omit<VerifyCredentialOptions, 'now' | 'documentLoader'> & {
  documentLoader: DocumentLoader;
  now: Date;
  report: Report;
  depth: number;
};

class Report {
  readonly checks: VerificationCheck[] = [];
  add(id: CheckId, label: string, status: CheckStatus, message: string): void {
    this.checks.push({ id, label, status, message });
  }
  finish(format: CredentialFormat, read: ReadCredential | undefined): VerificationResult {
    const errors = this.checks.filter((c) => c.status === 'failed').map((c) => c.message);
    const warnings = this.checks.filter((c) => c.status === 'warning').map((c) => c.message);
    return {
      verified: errors.length === 0 && this.checks.length > 0,
      checks: this.checks,
      warnings,
      errors,
      format,
      ...(read ? { credential: read.credential, facts: read.facts } : {}),
    };
  }
}

type ReadCredential = { credential: JsonObject; facts: SignedFacts };

/** The signed meaning, or a failed format check saying why it cannot be read. */
async function readFacts(
  credential: JsonObject,
  { report, documentLoader }: Context,
): Promise<SignedFacts | undefined> {
  try {
    const facts = await readSignedFacts(credential, documentLoader);
    if (!facts.types.includes('VerifiableCredential')) {
      report.add(
        'format',
        'Uses a supported format',
        'failed',
        'The credential type does not include VerifiableCredential',
      );
      return undefined;
    }
    return facts;
  } catch (error) {
    report.add(
      'format',
      'Readable credential',
      'failed',
      `The credential cannot be read unambiguously: ${(error as Error).message}`,
    );
    return undefined;
  }
}

/** A display name: the JSON's issuer name when it names the signed issuer, else the signed id. */
function issuerName(credential: JsonObject, facts: SignedFacts): string {
  const issuer = credential.issuer;
  if (
    isJsonObject(issuer) &&
    issuer.id === facts.issuerId &&
    typeof issuer.name === 'string' &&
    issuer.name.trim() !== ''
  )
    return issuer.name;
  return facts.issuerId ?? 'an unknown issuer';
}

function parseLdp(input: unknown, report: Report): JsonObject | undefined {
  let value = input;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      report.add('format', 'Readable credential', 'failed', 'This is neither JSON nor a VC-JWT');
      return undefined;
    }
  }
  if (!isJsonObject(value)) {
    report.add('format', 'Readable credential', 'failed', 'The credential is not a JSON object');
    return undefined;
  }
  if (!checkContext(value, report, { isVc11Allowed: true })) return undefined;
  return value;
}

/**
 * A VC Data Model 1.1 credential (first context https://www.w3.org/2018/credentials/v1) is
 * verified, never issued: its dates are issuanceDate/expirationDate. VC-JWTs are VC 2.0 only.
 */
function isVc11(credential: JsonObject): boolean {
  return asArray(credential['@context'])[0] === CONTEXT_URLS.credentialsV1;
}

function checkContext(credential: JsonObject, report: Report, { isVc11Allowed }: { isVc11Allowed: boolean }): boolean {
  const context = asArray(credential['@context']);
  const isVersion11 = isVc11Allowed && context[0] === CONTEXT_URLS.credentialsV1;
  if (context[0] !== CONTEXT_URLS.credentialsV2 && !isVersion11) {
    report.add(
      'format',
      'Uses a supported format',
      'failed',
      isVc11Allowed
        ? `Not a W3C Verifiable Credential (the first @context must be ${CONTEXT_URLS.credentialsV2}, or ${CONTEXT_URLS.credentialsV1} for VC 1.1)`
        : `Not a W3C Verifiable Credential 2.0 (the first @context must be ${CONTEXT_URLS.credentialsV2})`,
    );
    return false;
  }
  const kind = credentialKind(credential);
  const label = {
    achievement: 'an Open Badge 3.0',
    endorsement: 'an Open Badges 3.0 endorsement',
    clr: 'a Comprehensive Learner Record 2.0',
    statusList: 'a status list',
    other: 'a W3C Verifiable Credential',
  }[kind];
  report.add(
    'format',
    'Uses a supported format',
    'passed',
    `This is ${label}${isVersion11 ? ' (Verifiable Credentials 1.1)' : ''}`,
  );
  return true;
}

function checkSchema(signed: JsonObject, report: Report): void {
  const kind = credentialKind(signed);
  if (isVc11(signed)) {
    // The 1EdTech schemas describe OB 3.0 / CLR 2.0 on VC 2.0; a VC 1.1 credential cannot match them.
    report.add(
      'schema',
      'Has all required information',
      'skipped',
      'A Verifiable Credentials 1.1 credential: the Open Badges 3.0 schema (VC 2.0) does not apply',
    );
    return;
  }
  // JSON-LD treats one proof and a one-item array alike; the 1EdTech schema only takes arrays.
  const withProofArray = signed.proof === undefined ? signed : { ...signed, proof: asArray(signed.proof) };
  // VC DM 2.0 allows several status entries (revocation and suspension); OB 3.0 allows one
  // (1EdTech openbadges-specification#623 proposes more for 3.1). Check the rest against the
  // schema and say so as a warning, rather than failing a credential the VC model accepts.
  const statusEntries = asArray(signed.credentialStatus);
  const hasSeveralStatuses = statusEntries.length > 1;
  const credential = hasSeveralStatuses ? { ...withProofArray, credentialStatus: statusEntries[0]! } : withProofArray;
  let outcome: ValidationResult;
  switch (kind) {
    case 'achievement':
      outcome = validateAchievementCredential(credential);
      break;
    case 'endorsement':
      outcome = validateEndorsementCredential(credential);
      break;
    case 'clr':
      outcome = validateClrCredential(credential);
      break;
    case 'statusList':
    case 'other':
      report.add(
        'schema',
        'Has all required information',
        'skipped',
        'Not an Open Badge or CLR: no schema to check against',
      );
      return;
  }
  if (outcome.valid && hasSeveralStatuses) {
    report.add(
      'schema',
      'Has all required information',
      'warning',
      `All required fields are present; it lists ${statusEntries.length} status entries, which VC 2.0 allows but Open Badges 3.0 (one entry) does not yet`,
    );
    return;
  }
  if (outcome.valid) {
    report.add('schema', 'Has all required information', 'passed', 'All required fields are present and well formed');
    return;
  }
  const shown = outcome.errors
    .slice(0, 5)
    .map((e) => `${e.path} ${e.message}`)
    .join('; ');
  const more = outcome.errors.length > 5 ? ` (and ${outcome.errors.length - 5} more)` : '';
  report.add('schema', 'Has all required information', 'failed', `Missing or malformed information: ${shown}${more}`);
}

async function checkDataIntegrity(credential: JsonObject, facts: SignedFacts, ctx: Context): Promise<void> {
  const { report, documentLoader } = ctx;
  const proofs = proofsOf(credential);
  const { issuerId } = facts;
  const name = issuerName(credential, facts);
  if (proofs.length === 0) {
    report.add('proof', 'Signature is valid', 'failed', 'The credential is not signed');
    report.add('issuer', `Issued by ${name}`, 'failed', 'Without a signature the issuer cannot be confirmed');
    return;
  }
  if (proofs.length > MAX_PROOFS) {
    // Each proof costs a canonicalisation; an unbounded proof set would let one upload tie up a server.
    report.add(
      'proof',
      'Signature is valid',
      'failed',
      `The credential carries ${proofs.length} proofs; at most ${MAX_PROOFS} are checked, so it is refused`,
    );
    report.add('issuer', `Issued by ${name}`, 'failed', 'The issuer cannot be confirmed without a checked signature');
    return;
  }
  const problems: string[] = [];
  let bindingMessage: string | undefined;
  let isBound = false;
  let isSignatureValid = false;
  for (const proof of proofs) {
    const isDataIntegrity = proof.type === 'DataIntegrityProof' && isCryptosuite(proof.cryptosuite);
    if (!isDataIntegrity && proof.type !== ED25519_SIGNATURE_2020) {
      problems.push(`a proof of an unsupported kind (${show(proof.type)} ${show(proof.cryptosuite ?? '')})`.trim());
      continue;
    }
    try {
      // Both kinds take the same key rules: an Ed25519 key under assertionMethod in its controller's document.
      const key = await resolveAssertionKey(idOf(proof.verificationMethod) ?? '', documentLoader, 'assertionMethod');
      const verifyOptions = {
        document: credential,
        proof,
        publicKeyMultibase: key.publicKeyMultibase,
        documentLoader,
        ...(ctx.canonicalizer ? { canonicalizer: ctx.canonicalizer } : {}),
      };
      const isValid = isDataIntegrity
        ? await verifyProofSignature(verifyOptions)
        : await verifyEd25519Signature2020(verifyOptions);
      if (!isValid) {
        problems.push(
          'the signature does not match the content: it was changed after signing, or signed with another key',
        );
        continue;
      }
      const mismatch = proofExpectationProblem(proof, ctx.expectedProof);
      if (mismatch) {
        problems.push(mismatch);
        continue;
      }
      isSignatureValid = true;
      if (issuerId !== undefined && key.controller === issuerId) {
        isBound = true;
      } else {
        bindingMessage = `The signing key belongs to ${key.controller}, not to the issuer ${String(issuerId)}`;
      }
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  if (isSignatureValid) {
    report.add('proof', 'Signature is valid', 'passed', 'The credential has not been changed since it was signed');
  } else {
    report.add('proof', 'Signature is valid', 'failed', `The signature could not be verified: ${problems.join('; ')}`);
  }
  if (isBound) {
    report.add('issuer', `Issued by ${name}`, 'passed', `Signed with a key published by ${name} (${String(issuerId)})`);
  } else {
    report.add(
      'issuer',
      `Issued by ${name}`,
      'failed',
      bindingMessage ?? 'The issuer could not be confirmed because the signature did not verify',
    );
  }
}

function proofExpectationProblem(
  proof: JsonObject,
  expected: VerifyCredentialOptions['expectedProof'],
): string | undefined {
  if (expected?.challenge !== undefined && proof.challenge !== expected.challenge) {
    return `the proof's challenge (${show(proof.challenge ?? 'none')}) is not the expected ${expected.challenge}`;
  }
  if (expected?.domain !== undefined && proof.domain !== expected.domain) {
    return `the proof's domain (${show(proof.domain ?? 'none')}) is not the expected ${expected.domain}`;
  }
  return undefined;
}

async function checkJwt(token: string, ctx: Context): Promise<ReadCredential | undefined> {
  const { report } = ctx;
  const decoded = decodeVcJwt(token);
  if (!decoded.ok) {
    report.add('format', 'Uses a supported format', 'failed', decoded.reason);
    return undefined;
  }
  const { jwt } = decoded;
  const credential = jwt.payload;
  if (!checkContext(credential, report, { isVc11Allowed: false })) return undefined;
  // The registered claims are JOSE's, not JSON-LD terms: they are checked against the facts below.
  const { iss: _iss, sub: _sub, jti: _jti, nbf: _nbf, exp: _exp, iat: _iat, ...body } = credential;
  const facts = await readFacts(body, ctx);
  if (!facts) return undefined;
  const name = issuerName(credential, facts);
  const outcome = await verifyJwtWithIssuerKey(token, jwt, facts.issuerId, ctx.documentLoader);
  if (!outcome.ok && outcome.stage === 'key') {
    report.add('proof', 'Signature is valid', 'failed', `The signature could not be checked: ${outcome.reason}`);
    report.add('issuer', `Issued by ${name}`, 'failed', outcome.reason);
    return { credential, facts };
  }
  if (!outcome.ok) {
    report.add('proof', 'Signature is valid', 'failed', `The signature could not be verified: ${outcome.reason}`);
    report.add(
      'issuer',
      `Issued by ${name}`,
      'failed',
      'The issuer could not be confirmed because the signature did not verify',
    );
    return { credential, facts };
  }
  report.add('proof', 'Signature is valid', 'passed', 'The credential has not been changed since it was signed');
  const claimProblems = jwtClaimProblems(credential, facts);
  if (claimProblems.length > 0) {
    report.add(
      'issuer',
      `Issued by ${name}`,
      'failed',
      `The JWT claims disagree with the credential: ${claimProblems.join('; ')}`,
    );
  } else {
    report.add(
      'issuer',
      `Issued by ${name}`,
      'passed',
      `Signed with a key published by ${name} (${String(facts.issuerId)})`,
    );
  }
  return { credential, facts };
}

const formatDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

type DateFact = { name: string; value: string | undefined };

/**
 * VC 2.0 dates are validFrom/validUntil. A VC 1.1 credential's are issuanceDate (required) and
 * expirationDate; should its signed meaning also carry validFrom/validUntil, those must hold too.
 */
function checkDates(credential: JsonObject, facts: SignedFacts, { report, now }: Context): void {
  const isVersion11 = isVc11(credential);
  const starts: DateFact[] = isVersion11
    ? [
        { name: 'issuanceDate', value: facts.issuanceDate },
        ...(facts.validFrom === undefined ? [] : [{ name: 'validFrom', value: facts.validFrom }]),
      ]
    : // VC 2.0 makes validFrom optional (Open Badges 3.0 requires it: its schema check says so).
      facts.validFrom === undefined
      ? []
      : [{ name: 'validFrom', value: facts.validFrom }];
  const ends: DateFact[] = isVersion11
    ? [facts.expirationDate, facts.validUntil].flatMap((value, i) =>
        value === undefined ? [] : [{ name: i === 0 ? 'expirationDate' : 'validUntil', value }],
      )
    : facts.validUntil === undefined
      ? []
      : [{ name: 'validUntil', value: facts.validUntil }];
  checkStart(starts, report, now);
  checkEnd(ends, report, now);
}

function checkStart(starts: DateFact[], report: Report, now: Date): void {
  if (starts.length === 0) {
    report.add(
      'validFrom',
      'Already valid',
      'passed',
      'It names no start date, so it is valid from when it was issued',
    );
    return;
  }
  let latest = Number.NEGATIVE_INFINITY;
  for (const { name, value } of starts) {
    const from = value === undefined ? Number.NaN : Date.parse(value);
    if (Number.isNaN(from)) {
      report.add('validFrom', 'Valid from a known date', 'failed', `The credential has no valid issue date (${name})`);
      return;
    }
    latest = Math.max(latest, from);
  }
  if (latest > now.getTime())
    report.add('validFrom', 'Already valid', 'failed', `Not valid until ${formatDate(latest)}`);
  else report.add('validFrom', 'Already valid', 'passed', `Valid since ${formatDate(latest)}`);
}

function checkEnd(ends: DateFact[], report: Report, now: Date): void {
  if (ends.length === 0) {
    report.add('validUntil', 'Not expired', 'passed', 'Does not expire');
    return;
  }
  let earliest = Number.POSITIVE_INFINITY;
  for (const { name, value } of ends) {
    const until = Date.parse(value ?? '');
    if (Number.isNaN(until)) {
      report.add('validUntil', 'Not expired', 'failed', `The expiry date (${name}) is not a date`);
      return;
    }
    earliest = Math.min(earliest, until);
  }
  if (earliest < now.getTime()) report.add('validUntil', 'Not expired', 'failed', `Expired on ${formatDate(earliest)}`);
  else report.add('validUntil', 'Not expired', 'passed', `Valid until ${formatDate(earliest)}`);
}

const PURPOSES = {
  revocation: {
    label: 'Has not been revoked',
    set: 'The issuer has revoked this credential',
    clear: 'The issuer has not revoked this credential',
  },
  suspension: {
    label: 'Is not suspended',
    set: 'The issuer has suspended this credential for now',
    clear: 'The issuer has not suspended this credential',
  },
} as const;

/**
 * Every status entry in the signed meaning is checked; one that is present but cannot be
 * checked fails. Only the absence of any entry is "not applicable".
 */
async function checkStatuses(facts: SignedFacts, ctx: Context): Promise<void> {
  const outcomes = await checkStatusEntries(facts, {
    fetchStatusList: ctx.fetchStatusList,
    documentLoader: ctx.documentLoader,
    now: ctx.now,
    ...(ctx.canonicalizer ? { canonicalizer: ctx.canonicalizer } : {}),
  });
  if (outcomes.length === 0) {
    ctx.report.add(
      'revocation',
      PURPOSES.revocation.label,
      'skipped',
      'The issuer publishes no revocation list for this credential',
    );
  }
  for (const outcome of outcomes) {
    const known =
      outcome.purpose === 'revocation' || outcome.purpose === 'suspension' ? PURPOSES[outcome.purpose] : undefined;
    const id: CheckId = outcome.purpose === 'suspension' ? 'suspension' : 'revocation';
    const label = known?.label ?? 'Status can be checked';
    if (outcome.state === 'unreadable') ctx.report.add(id, label, 'failed', outcome.reason);
    else if (outcome.state === 'set') ctx.report.add(id, label, 'failed', PURPOSES[outcome.purpose].set);
    else if (outcome.warnings.length > 0)
      ctx.report.add(id, label, 'warning', `${PURPOSES[outcome.purpose].clear}, but: ${outcome.warnings.join('; ')}`);
    else ctx.report.add(id, label, 'passed', PURPOSES[outcome.purpose].clear);
  }
}

function checkRecipient(facts: SignedFacts, email: string, report: Report): void {
  const identities = facts.subjects.flatMap((s) => s.identifiers);
  if (identities.length === 0) {
    report.add('recipient', 'Belongs to this person', 'failed', 'The credential does not name its recipient by email');
    return;
  }
  if (identities.some((identity) => identityMatches(identity, email))) {
    report.add('recipient', 'Belongs to this person', 'passed', `Issued to ${email.trim()}`);
  } else {
    report.add('recipient', 'Belongs to this person', 'failed', `Not issued to ${email.trim()}`);
  }
}

// Endorsements can sit on the credential, the issuer, the achievement and its creator.
function endorsementsOf(credential: JsonObject): JsonObject[] {
  const subject = isJsonObject(credential.credentialSubject) ? credential.credentialSubject : {};
  const achievement = isJsonObject(subject.achievement) ? subject.achievement : {};
  const creator = isJsonObject(achievement.creator) ? achievement.creator : {};
  const issuer = isJsonObject(credential.issuer) ? credential.issuer : {};
  return [credential, issuer, achievement, creator].flatMap((node) => asArray(node.endorsement)).filter(isJsonObject);
}

async function checkEmbedded(credential: JsonObject, facts: SignedFacts, ctx: Context): Promise<void> {
  const subject = isJsonObject(credential.credentialSubject) ? credential.credentialSubject : {};
  const embedded = asArray(subject.verifiableCredential);
  const endorsements = endorsementsOf(credential);
  // The JSON is walked to verify what is embedded; the signed meaning says how much there is.
  // A difference means something is hidden from (or invented for) a plain reading.
  if (embedded.length !== facts.embeddedCredentialCount || endorsements.length !== facts.endorsementCount) {
    ctx.report.add(
      'format',
      'Readable credential',
      'failed',
      `Its signed content holds ${facts.embeddedCredentialCount} embedded credential(s) and ${facts.endorsementCount} endorsement(s), but its JSON shows ${embedded.length} and ${endorsements.length}; it is refused rather than guessed at`,
    );
    return;
  }
  if (ctx.depth >= MAX_NESTING) {
    if (embedded.length + endorsements.length > 0)
      ctx.report.add('format', 'Readable credential', 'failed', `Credentials are nested more than ${MAX_NESTING} deep`);
    return;
  }
  const nestedOptions = { ...ctx, recipientEmail: undefined } as VerifyCredentialOptions;
  delete nestedOptions.recipientEmail;
  delete nestedOptions.expectedProof;
  if (credentialKind(credential) === 'clr') {
    for (const [i, vc] of embedded.entries()) {
      const result = await verifyAtDepth({ ...nestedOptions, credential: vc }, ctx.depth + 1);
      const name =
        isJsonObject(result.credential) && typeof result.credential.name === 'string'
          ? result.credential.name
          : `credential ${i + 1}`;
      ctx.report.add(
        `embedded-${i}`,
        `Includes “${name}”`,
        result.verified ? 'passed' : 'failed',
        result.verified
          ? `The included credential “${name}” is valid`
          : `The included credential “${name}” is not valid: ${result.errors.join('; ')}`,
      );
    }
  }
  // An endorsement is a third party's claim: a broken one is worth a warning, not a rejection.
  for (const [i, endorsement] of endorsements.entries()) {
    const result = await verifyAtDepth({ ...nestedOptions, credential: endorsement }, ctx.depth + 1);
    const by =
      isJsonObject(endorsement.issuer) && typeof endorsement.issuer.name === 'string'
        ? endorsement.issuer.name
        : 'a third party';
    ctx.report.add(
      `endorsement-${i}`,
      `Endorsed by ${by}`,
      result.verified ? 'passed' : 'warning',
      result.verified
        ? `The endorsement by ${by} is valid`
        : `The endorsement by ${by} could not be verified: ${result.errors.join('; ')}`,
    );
  }
}
