import { createDocumentLoader } from '../contexts/document-loader.js';
import { credentialKind } from '../model/validation.js';
import { isCompactJwt } from '../proofs/vc-jwt.js';
import { asArray, isJsonObject, type JsonObject } from '../util/json.js';
import { checkSchema, parseLdp, readFacts } from './credential-format.js';
import { checkDates } from './credential-dates.js';
import { checkDataIntegrity, checkJwt } from './credential-proof.js';
import { checkRecipient } from './credential-recipient.js';
import {
  Report,
  type Context,
  type ReadCredential,
  type VerificationResult,
  type VerifyCredentialOptions,
} from './credential-report.js';
import { checkStatuses } from './credential-status.js';
import { checkVerifyLimits } from './limits.js';
import type { CredentialFormat } from './result.js';
import type { SignedFacts } from './signed-meaning.js';

// The checks live in credential-*.ts, one module a step of the report.
export type { VerificationResult, VerifyCredentialOptions } from './credential-report.js';
export { MAX_PROOFS } from './credential-proof.js';

const MAX_NESTING = 3;

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
