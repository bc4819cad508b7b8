// The format and schema checks of a credential: readable, a supported kind, all required fields.
import { CONTEXT_URLS } from '../contexts/context-urls.js';
import {
  credentialKind,
  validateAchievementCredential,
  validateClrCredential,
  validateEndorsementCredential,
  type ValidationResult,
} from '../model/validation.js';
import { asArray, isJsonObject, type JsonObject } from '../util/json.js';
import type { Context, Report } from './credential-report.js';
import { readSignedFacts, type SignedFacts } from './signed-meaning.js';

/** The signed meaning, or a failed format check saying why it cannot be read. */
export async function readFacts(
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
export function issuerName(credential: JsonObject, facts: SignedFacts): string {
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

export function parseLdp(input: unknown, report: Report): JsonObject | undefined {
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
export function isVc11(credential: JsonObject): boolean {
  return asArray(credential['@context'])[0] === CONTEXT_URLS.credentialsV1;
}

export function checkContext(
  credential: JsonObject,
  report: Report,
  { isVc11Allowed }: { isVc11Allowed: boolean },
): boolean {
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

export function checkSchema(signed: JsonObject, report: Report): void {
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
