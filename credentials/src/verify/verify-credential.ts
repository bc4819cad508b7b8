import { createDocumentLoader, type DidResolver, type DocumentLoader } from '../contexts/document-loader.js';
import { CONTEXT_URLS } from '../contexts/context-urls.js';
import { identityMatches } from '../model/identity.js';
import {
  credentialKind, validateAchievementCredential, validateClrCredential, validateEndorsementCredential,
  type ValidationResult,
} from '../model/validation.js';
import type { Canonicalizer } from '../proofs/canonicalizer.js';
import { isCryptosuite, proofsOf, verifyProofSignature } from '../proofs/data-integrity.js';
import { ALLOWED_JWT_HEADER_FIELDS, decodeJwt, isCompactJwt, verifyJwtSignature, type DecodedJwt, type JwtKey } from '../proofs/vc-jwt.js';
import { checkStatus, type FetchStatusList } from '../status-list/check-status.js';
import { asArray, idOf, isJsonObject, show, typesOf, type JsonObject } from '../util/json.js';
import { resolveAssertionKey } from './key-resolver.js';
import type { CheckId, CheckStatus, CredentialFormat, VerificationCheck } from './result.js';

export type VerifyCredentialOptions = {
  /** A credential object, its JSON text, or a compact VC-JWT. */
  credential: unknown;
  /** How contexts and keys are loaded; built from `resolveDid` when absent. */
  documentLoader?: DocumentLoader;
  /** did:web resolver for the default document loader. */
  resolveDid?: DidResolver;
  /** Without it, revocation and suspension are reported as not checked. */
  fetchStatusList?: FetchStatusList;
  now?: Date;
  /** When given, the credential must name this email (hashed or plain) as its recipient. */
  recipientEmail?: string;
  canonicalizer?: Canonicalizer;
};

export type VerificationResult = {
  /** True when no check failed. */
  verified: boolean;
  checks: VerificationCheck[];
  warnings: string[];
  errors: string[];
  /** The credential that was checked (the JWT payload for a VC-JWT), when it could be read. */
  credential?: JsonObject;
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
  if (typeof options !== 'object' || options === null || options.credential === undefined || options.credential === null) {
    throw new TypeError('verifyCredential needs { credential }');
  }
  return verifyAtDepth(options, 0);
}

async function verifyAtDepth(options: VerifyCredentialOptions, depth: number): Promise<VerificationResult> {
  const report = new Report();
  const input = typeof options.credential === 'string' ? options.credential.trim() : options.credential;
  const format: CredentialFormat = typeof input === 'string' && isCompactJwt(input) ? 'jwt' : 'ldp';
  try {
    const documentLoader = options.documentLoader ?? createDocumentLoader(options.resolveDid ? { resolveDid: options.resolveDid } : {});
    const ctx: Context = { ...options, documentLoader, now: options.now ?? new Date(), report, depth };
    let credential: JsonObject | undefined;
    if (format === 'jwt') {
      credential = await checkJwt(String(input), ctx);
    } else {
      credential = parseLdp(input, report);
      if (credential) await checkDataIntegrity(credential, ctx);
    }
    if (credential) {
      checkSchema(credential, report);
      checkDates(credential, ctx);
      await checkStatuses(credential, ctx);
      if (options.recipientEmail !== undefined) checkRecipient(credential, options.recipientEmail, report);
      await checkEmbedded(credential, ctx);
    }
    return report.finish(format, credential);
  } catch (error) {
    // Defensive: a bug or an unexpected input shape must still produce a report.
    report.add('format', 'Could be checked', 'failed', `Verification stopped unexpectedly: ${(error as Error).message}`);
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
  finish(format: CredentialFormat, credential: JsonObject | undefined): VerificationResult {
    const errors = this.checks.filter((c) => c.status === 'failed').map((c) => c.message);
    const warnings = this.checks.filter((c) => c.status === 'warning').map((c) => c.message);
    return { verified: errors.length === 0 && this.checks.length > 0, checks: this.checks, warnings, errors, format, ...(credential ? { credential } : {}) };
  }
}

function issuerName(credential: JsonObject): string {
  const issuer = credential.issuer;
  if (isJsonObject(issuer) && typeof issuer.name === 'string' && issuer.name.trim() !== '') return issuer.name;
  return idOf(issuer) ?? 'an unknown issuer';
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
  if (!checkContext(value, report)) return undefined;
  return value;
}

function checkContext(credential: JsonObject, report: Report): boolean {
  const context = asArray(credential['@context']);
  if (context[0] !== CONTEXT_URLS.credentialsV2) {
    report.add('format', 'Uses a supported format', 'failed',
      'Not a W3C Verifiable Credential 2.0 (the first @context must be https://www.w3.org/ns/credentials/v2)');
    return false;
  }
  if (!typesOf(credential).includes('VerifiableCredential')) {
    report.add('format', 'Uses a supported format', 'failed', 'The credential type does not include VerifiableCredential');
    return false;
  }
  const kind = credentialKind(credential);
  const label = { achievement: 'an Open Badge 3.0', endorsement: 'an Open Badges 3.0 endorsement', clr: 'a Comprehensive Learner Record 2.0', statusList: 'a status list', other: 'a W3C Verifiable Credential' }[kind];
  report.add('format', 'Uses a supported format', 'passed', `This is ${label}`);
  return true;
}

function checkSchema(signed: JsonObject, report: Report): void {
  const kind = credentialKind(signed);
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
    case 'achievement': outcome = validateAchievementCredential(credential); break;
    case 'endorsement': outcome = validateEndorsementCredential(credential); break;
    case 'clr': outcome = validateClrCredential(credential); break;
    case 'statusList':
    case 'other':
      report.add('schema', 'Has all required information', 'skipped', 'Not an Open Badge or CLR: no schema to check against');
      return;
  }
  if (outcome.valid && hasSeveralStatuses) {
    report.add('schema', 'Has all required information', 'warning', `All required fields are present; it lists ${statusEntries.length} status entries, which VC 2.0 allows but Open Badges 3.0 (one entry) does not yet`);
    return;
  }
  if (outcome.valid) {
    report.add('schema', 'Has all required information', 'passed', 'All required fields are present and well formed');
    return;
  }
  const shown = outcome.errors.slice(0, 5).map((e) => `${e.path} ${e.message}`).join('; ');
  const more = outcome.errors.length > 5 ? ` (and ${outcome.errors.length - 5} more)` : '';
  report.add('schema', 'Has all required information', 'failed', `Missing or malformed information: ${shown}${more}`);
}

async function checkDataIntegrity(credential: JsonObject, ctx: Context): Promise<void> {
  const { report, documentLoader } = ctx;
  const proofs = proofsOf(credential);
  const issuerId = idOf(credential.issuer);
  const name = issuerName(credential);
  if (proofs.length === 0) {
    report.add('proof', 'Signature is valid', 'failed', 'The credential is not signed');
    report.add('issuer', `Issued by ${name}`, 'failed', 'Without a signature the issuer cannot be confirmed');
    return;
  }
  if (proofs.length > MAX_PROOFS) {
    // Each proof costs a canonicalisation; an unbounded proof set would let one upload tie up a server.
    report.add('proof', 'Signature is valid', 'failed', `The credential carries ${proofs.length} proofs; at most ${MAX_PROOFS} are checked, so it is refused`);
    report.add('issuer', `Issued by ${name}`, 'failed', 'The issuer cannot be confirmed without a checked signature');
    return;
  }
  const problems: string[] = [];
  let bindingMessage: string | undefined;
  let isBound = false;
  let isSignatureValid = false;
  for (const proof of proofs) {
    if (proof.type !== 'DataIntegrityProof' || !isCryptosuite(proof.cryptosuite)) {
      problems.push(`a proof of an unsupported kind (${show(proof.type)} ${show(proof.cryptosuite ?? '')})`.trim());
      continue;
    }
    try {
      const key = await resolveAssertionKey(idOf(proof.verificationMethod) ?? '', documentLoader);
      const isValid = await verifyProofSignature({
        document: credential, proof, publicKeyMultibase: key.publicKeyMultibase, documentLoader,
        ...(ctx.canonicalizer ? { canonicalizer: ctx.canonicalizer } : {}),
      });
      if (!isValid) {
        problems.push('the signature does not match the content: it was changed after signing, or signed with another key');
        continue;
      }
      isSignatureValid = true;
      if (key.controller === issuerId) {
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
    report.add('issuer', `Issued by ${name}`, 'failed', bindingMessage ?? 'The issuer could not be confirmed because the signature did not verify');
  }
}

async function checkJwt(token: string, ctx: Context): Promise<JsonObject | undefined> {
  const { report } = ctx;
  let jwt: DecodedJwt;
  try {
    jwt = decodeJwt(token);
  } catch (error) {
    report.add('format', 'Readable credential', 'failed', (error as Error).message);
    return undefined;
  }
  const { header, payload } = jwt;
  if (header.alg === 'none' || (header.alg !== 'EdDSA' && header.alg !== 'RS256')) {
    report.add('format', 'Uses a supported format', 'failed', `The JWT algorithm "${show(header.alg)}" is not accepted (EdDSA or RS256 only)`);
    return undefined;
  }
  const extra = Object.keys(header).filter((k) => !(ALLOWED_JWT_HEADER_FIELDS as readonly string[]).includes(k));
  if (extra.length > 0) {
    report.add('format', 'Uses a supported format', 'failed', `The JWT header has fields Open Badges 3.0 does not allow: ${extra.join(', ')}`);
    return undefined;
  }
  if (!checkContext(payload, report)) return undefined;
  const credential = payload;
  const issuerId = idOf(credential.issuer);
  const name = issuerName(credential);

  let key: JwtKey | undefined;
  let controller: string | undefined;
  try {
    if (typeof header.kid === 'string' && header.kid.includes('#')) {
      const resolved = await resolveAssertionKey(header.kid, ctx.documentLoader);
      key = { publicKeyMultibase: resolved.publicKeyMultibase };
      controller = resolved.controller;
    } else if (isJsonObject(header.jwk)) {
      key = { publicKeyJwk: header.jwk };
    } else {
      throw new Error('the JWT names no key (kid or jwk)');
    }
    if (!verifyJwtSignature(jwt, key)) throw new Error('the signature does not match the content: it was changed after signing, or signed with another key');
    report.add('proof', 'Signature is valid', 'passed', 'The credential has not been changed since it was signed');
  } catch (error) {
    report.add('proof', 'Signature is valid', 'failed', `The signature could not be verified: ${(error as Error).message}`);
    key = undefined;
  }

  const claimProblems = jwtClaimProblems(payload, issuerId);
  if (!key) {
    report.add('issuer', `Issued by ${name}`, 'failed', 'The issuer could not be confirmed because the signature did not verify');
  } else if (claimProblems.length > 0) {
    report.add('issuer', `Issued by ${name}`, 'failed', `The JWT claims disagree with the credential: ${claimProblems.join('; ')}`);
  } else if (controller !== undefined) {
    if (controller === issuerId) report.add('issuer', `Issued by ${name}`, 'passed', `Signed with a key published by ${name} (${String(issuerId)})`);
    else report.add('issuer', `Issued by ${name}`, 'failed', `The signing key belongs to ${controller}, not to the issuer ${String(issuerId)}`);
  } else {
    report.add('issuer', `Issued by ${name}`, 'warning', 'The key is embedded in the credential itself, so it cannot be traced back to the issuer');
  }
  return credential;
}

function jwtClaimProblems(payload: JsonObject, issuerId: string | undefined): string[] {
  const problems: string[] = [];
  if (payload.iss !== undefined && payload.iss !== issuerId) problems.push('iss is not the issuer id');
  if (payload.jti !== undefined && payload.jti !== payload.id) problems.push('jti is not the credential id');
  const subjectId = isJsonObject(payload.credentialSubject) ? payload.credentialSubject.id : undefined;
  if (payload.sub !== undefined && subjectId !== undefined && payload.sub !== subjectId) problems.push('sub is not the subject id');
  const seconds = (text: unknown): number | undefined => (typeof text === 'string' ? Math.floor(Date.parse(text) / 1000) : undefined);
  if (typeof payload.nbf === 'number' && payload.validFrom !== undefined && payload.nbf !== seconds(payload.validFrom)) problems.push('nbf is not validFrom');
  if (typeof payload.exp === 'number' && payload.validUntil !== undefined && payload.exp !== seconds(payload.validUntil)) problems.push('exp is not validUntil');
  return problems;
}

const formatDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

function checkDates(credential: JsonObject, { report, now }: Context): void {
  const from = typeof credential.validFrom === 'string' ? Date.parse(credential.validFrom) : Number.NaN;
  if (Number.isNaN(from)) {
    report.add('validFrom', 'Valid from a known date', 'failed', 'The credential has no valid issue date (validFrom)');
  } else if (from > now.getTime()) {
    report.add('validFrom', 'Already valid', 'failed', `Not valid until ${formatDate(from)}`);
  } else {
    report.add('validFrom', 'Already valid', 'passed', `Valid since ${formatDate(from)}`);
  }
  if (credential.validUntil === undefined) {
    report.add('validUntil', 'Not expired', 'passed', 'Does not expire');
    return;
  }
  const until = typeof credential.validUntil === 'string' ? Date.parse(credential.validUntil) : Number.NaN;
  if (Number.isNaN(until)) report.add('validUntil', 'Not expired', 'failed', 'The expiry date (validUntil) is not a date');
  else if (until < now.getTime()) report.add('validUntil', 'Not expired', 'failed', `Expired on ${formatDate(until)}`);
  else report.add('validUntil', 'Not expired', 'passed', `Valid until ${formatDate(until)}`);
}

const PURPOSES = [
  { purpose: 'revocation', id: 'revocation', label: 'Has not been revoked', set: 'The issuer has revoked this credential', unset: 'The issuer has not revoked this credential' },
  { purpose: 'suspension', id: 'suspension', label: 'Is not suspended', set: 'The issuer has suspended this credential for now', unset: 'The issuer has not suspended this credential' },
] as const;

async function checkStatuses(credential: JsonObject, ctx: Context): Promise<void> {
  const entries = asArray(credential.credentialStatus).filter(isJsonObject);
  const issuerId = idOf(credential.issuer);
  for (const { purpose, id, label, set, unset } of PURPOSES) {
    const matching = entries.filter((e) => e.statusPurpose === purpose);
    if (matching.length === 0) {
      if (purpose === 'revocation' || entries.length > 0) {
        report(ctx, id, label, 'skipped', `The credential has no ${purpose} list`);
      }
      continue;
    }
    if (!ctx.fetchStatusList) {
      report(ctx, id, label, 'skipped', `Not checked: the ${purpose} list was not fetched (offline)`);
      continue;
    }
    for (const entry of matching) {
      try {
        const outcome = await checkStatus(entry, ctx.fetchStatusList, {
          documentLoader: ctx.documentLoader, now: ctx.now,
          ...(issuerId ? { issuerId } : {}),
          ...(ctx.canonicalizer ? { canonicalizer: ctx.canonicalizer } : {}),
        });
        if (outcome.isSet) report(ctx, id, label, 'failed', set);
        else if (outcome.warnings.length > 0) report(ctx, id, label, 'warning', `${unset}, but: ${outcome.warnings.join('; ')}`);
        else report(ctx, id, label, 'passed', unset);
      } catch (error) {
        report(ctx, id, label, 'failed', `The ${purpose} status could not be checked: ${(error as Error).message}`);
      }
    }
  }
}

function report(ctx: Context, id: CheckId, label: string, status: CheckStatus, message: string): void {
  ctx.report.add(id, label, status, message);
}

function checkRecipient(credential: JsonObject, email: string, report: Report): void {
  const subject = credential.credentialSubject;
  const identities = isJsonObject(subject) ? asArray(subject.identifier) : [];
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

async function checkEmbedded(credential: JsonObject, ctx: Context): Promise<void> {
  if (ctx.depth >= MAX_NESTING) return;
  const nestedOptions = { ...ctx, recipientEmail: undefined } as VerifyCredentialOptions;
  delete nestedOptions.recipientEmail;
  const subject = isJsonObject(credential.credentialSubject) ? credential.credentialSubject : {};
  if (credentialKind(credential) === 'clr') {
    const embedded = asArray(subject.verifiableCredential);
    for (const [i, vc] of embedded.entries()) {
      const result = await verifyAtDepth({ ...nestedOptions, credential: vc }, ctx.depth + 1);
      const name = isJsonObject(result.credential) && typeof result.credential.name === 'string' ? result.credential.name : `credential ${i + 1}`;
      ctx.report.add(`embedded-${i}`, `Includes “${name}”`, result.verified ? 'passed' : 'failed',
        result.verified ? `The included credential “${name}” is valid` : `The included credential “${name}” is not valid: ${result.errors.join('; ')}`);
    }
  }
  // An endorsement is a third party's claim: a broken one is worth a warning, not a rejection.
  for (const [i, endorsement] of endorsementsOf(credential).entries()) {
    const result = await verifyAtDepth({ ...nestedOptions, credential: endorsement }, ctx.depth + 1);
    const by = isJsonObject(endorsement.issuer) && typeof endorsement.issuer.name === 'string' ? endorsement.issuer.name : 'a third party';
    ctx.report.add(`endorsement-${i}`, `Endorsed by ${by}`, result.verified ? 'passed' : 'warning',
      result.verified ? `The endorsement by ${by} is valid` : `The endorsement by ${by} could not be verified: ${result.errors.join('; ')}`);
  }
}
