// The signature and issuer checks of a credential: Data Integrity proofs and VC-JWTs.
import { proofsOf } from '../proofs/data-integrity.js';
import { idOf, show, type JsonObject } from '../util/json.js';
import { checkContext, issuerName, readFacts } from './credential-format.js';
import type { Context, ReadCredential, VerifyCredentialOptions } from './credential-report.js';
import { decodeVcJwt, jwtClaimProblems, verifyJwtWithIssuerKey } from './jwt-check.js';
import { resolveAssertionKey } from './key-resolver.js';
import { proofKindOf, verifyProofOfKind } from './proof-kinds.js';
import type { SignedFacts } from './signed-meaning.js';

/** Proofs checked on one credential; real credentials carry one or two. */
export const MAX_PROOFS = 8;

export async function checkDataIntegrity(credential: JsonObject, facts: SignedFacts, ctx: Context): Promise<void> {
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
    const kind = proofKindOf(proof);
    if (!kind) {
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
      const isValid = await verifyProofOfKind(kind, verifyOptions);
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

export function proofExpectationProblem(
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

export async function checkJwt(token: string, ctx: Context): Promise<ReadCredential | undefined> {
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
