import jsonld from 'jsonld';
import { createDocumentLoader, type DidResolver, type DocumentLoader } from '../contexts/document-loader.js';
import { CONTEXT_URLS } from '../contexts/context-urls.js';
import type { Canonicalizer } from '../proofs/canonicalizer.js';
import { proofsOf } from '../proofs/data-integrity.js';
import type { FetchStatusList } from '../status-list/check-status.js';
import { asArray, idOf, isJsonObject, show, type JsonObject } from '../util/json.js';
import { resolveAssertionKey } from './key-resolver.js';
import { checkVerifyLimits } from './limits.js';
import { proofKindOf, verifyProofOfKind } from './proof-kinds.js';
import type { CheckStatus } from './result.js';
import { verifyCredential, type VerificationResult } from './verify-credential.js';

export type VerifyPresentationOptions = {
  /** A verifiable presentation object or its JSON text. */
  presentation: unknown;
  /** When given, the presentation must carry an `authentication` proof with this challenge. */
  challenge?: string;
  /** When given, the proof's domain must equal it. */
  domain?: string;
  documentLoader?: DocumentLoader;
  resolveDid?: DidResolver;
  fetchStatusList?: FetchStatusList;
  now?: Date;
  canonicalizer?: Canonicalizer;
};

/** One line of a presentation report; `credential-{i}` lines stand for each embedded credential. */
export type PresentationCheck = { id: string; label: string; status: CheckStatus; message: string };

export type PresentationVerificationResult = {
  verified: boolean;
  checks: PresentationCheck[];
  warnings: string[];
  errors: string[];
  /** The holder named in the signed meaning, when there is one. */
  holder?: string;
  /** Each embedded credential's own report, in order. */
  credentials: VerificationResult[];
};

const CRED = 'https://www.w3.org/2018/credentials#';
const ENVELOPED = 'EnvelopedVerifiableCredential';
const JWT_DATA_URL = /^data:application\/vc\+jwt,([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/;

/**
 * Verifies a W3C verifiable presentation: its proof (if any) as the holder's `authentication`
 * with the expected challenge and domain, the binding of that key to the holder, and every
 * embedded credential (each with every check of `verifyCredential`). A presentation without a
 * proof is accepted only when no challenge is asked for: it proves nothing about the holder,
 * and the report says so. Never throws for a bad presentation.
 */
export async function verifyPresentation(options: VerifyPresentationOptions): Promise<PresentationVerificationResult> {
  const checks: PresentationCheck[] = [];
  const add = (id: string, label: string, status: CheckStatus, message: string) =>
    checks.push({ id, label, status, message });
  const credentials: VerificationResult[] = [];
  let holder: string | undefined;
  try {
    const documentLoader =
      options.documentLoader ?? createDocumentLoader(options.resolveDid ? { resolveDid: options.resolveDid } : {});
    const violation = checkVerifyLimits(options.presentation);
    const presentation = violation ? undefined : parse(options.presentation);
    if (violation) add('format', 'Simple enough to check', 'failed', violation.message);
    else if (!presentation) add('format', 'Readable presentation', 'failed', 'The presentation is not a JSON object');
    else {
      const context = asArray(presentation['@context']);
      const types = asArray(presentation.type);
      if (context[0] !== CONTEXT_URLS.credentialsV2 && context[0] !== CONTEXT_URLS.credentialsV1) {
        add(
          'format',
          'Uses a supported format',
          'failed',
          'Not a W3C Verifiable Presentation (the first @context must be the VC 2.0 or 1.1 context)',
        );
      } else if (!types.includes('VerifiablePresentation')) {
        add(
          'format',
          'Uses a supported format',
          'failed',
          'The presentation type does not include VerifiablePresentation',
        );
      } else {
        const meaning = await readPresentationMeaning(presentation, documentLoader);
        if ('error' in meaning) add('format', 'Readable presentation', 'failed', meaning.error);
        else {
          holder = meaning.holder;
          const embedded = asArray(presentation.verifiableCredential);
          if (embedded.length !== meaning.credentialCount) {
            add(
              'format',
              'Readable presentation',
              'failed',
              `Its signed content holds ${meaning.credentialCount} credential(s) but its JSON shows ${embedded.length}; it is refused rather than guessed at`,
            );
          } else {
            add('format', 'Uses a supported format', 'passed', 'This is a W3C Verifiable Presentation');
            await checkPresentationProof(presentation, holder, options, documentLoader, add);
            for (const [i, item] of embedded.entries()) {
              const result = await verifyCredential({
                credential: unwrapEnveloped(item),
                documentLoader,
                ...(options.fetchStatusList ? { fetchStatusList: options.fetchStatusList } : {}),
                ...(options.now ? { now: options.now } : {}),
                ...(options.canonicalizer ? { canonicalizer: options.canonicalizer } : {}),
              });
              credentials.push(result);
              add(
                `credential-${i}`,
                `Credential ${i + 1} is valid`,
                result.verified ? 'passed' : 'failed',
                result.verified
                  ? 'The credential verifies'
                  : `The credential does not verify: ${result.errors.join('; ')}`,
              );
            }
          }
        }
      }
    }
  } catch (error) {
    add('format', 'Could be checked', 'failed', `Verification stopped unexpectedly: ${(error as Error).message}`);
  }
  const errors = checks.filter((c) => c.status === 'failed').map((c) => c.message);
  const warnings = checks.filter((c) => c.status === 'warning').map((c) => c.message);
  return {
    verified: errors.length === 0 && checks.length > 0,
    checks,
    warnings,
    errors,
    ...(holder ? { holder } : {}),
    credentials,
  };
}

function parse(input: unknown): JsonObject | undefined {
  let value = input;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  return isJsonObject(value) ? value : undefined;
}

/** A VC-JOSE `EnvelopedVerifiableCredential` carries a VC-JWT in a data: URL; others pass as they are. */
function unwrapEnveloped(item: unknown): unknown {
  if (!isJsonObject(item) || !asArray(item.type).includes(ENVELOPED) || typeof item.id !== 'string') return item;
  return JWT_DATA_URL.exec(item.id)?.[1] ?? item;
}

/** The holder and the number of embedded credentials, from the signed meaning. */
async function readPresentationMeaning(
  presentation: JsonObject,
  documentLoader: DocumentLoader,
): Promise<{ holder: string | undefined; credentialCount: number } | { error: string }> {
  const { proof: _proof, ...unsecured } = presentation;
  let expanded: unknown;
  try {
    expanded = await jsonld.expand(unsecured, { documentLoader, safe: true, base: null });
  } catch (error) {
    return { error: `Its JSON-LD could not be read: ${(error as Error).message}` };
  }
  const nodes = Array.isArray(expanded) ? expanded.filter(isJsonObject) : [];
  if (nodes.length !== 1)
    return { error: `It describes ${nodes.length} top-level things; a presentation is exactly one` };
  const node = nodes[0]!;
  const holders = asArray(node[`${CRED}holder`]);
  if (holders.length > 1) return { error: 'It names more than one holder' };
  const holderNode = holders[0];
  const holder = isJsonObject(holderNode) && typeof holderNode['@id'] === 'string' ? holderNode['@id'] : undefined;
  if (holders.length === 1 && !holder) return { error: 'Its holder has no identifier' };
  return { holder, credentialCount: asArray(node[`${CRED}verifiableCredential`]).length };
}

async function checkPresentationProof(
  presentation: JsonObject,
  holder: string | undefined,
  options: VerifyPresentationOptions,
  documentLoader: DocumentLoader,
  add: (id: string, label: string, status: CheckStatus, message: string) => void,
): Promise<void> {
  const proofs = proofsOf(presentation);
  if (proofs.length === 0) {
    if (options.challenge !== undefined)
      add('proof', 'Signed by the holder', 'failed', 'A challenge was given, but the presentation is not signed');
    else
      add(
        'proof',
        'Signed by the holder',
        'skipped',
        'The presentation is not signed, so it says nothing about who presents it',
      );
    return;
  }
  if (proofs.length > 1) {
    add('proof', 'Signed by the holder', 'failed', `The presentation carries ${proofs.length} proofs; one is expected`);
    return;
  }
  const proof = proofs[0]!;
  const kind = proofKindOf(proof);
  if (!kind) {
    add(
      'proof',
      'Signed by the holder',
      'failed',
      `The presentation proof is of an unsupported kind (${show(proof.type)})`,
    );
    return;
  }
  if (options.challenge !== undefined && proof.challenge !== options.challenge) {
    add(
      'challenge',
      'Answers this request',
      'failed',
      `The proof's challenge (${show(proof.challenge ?? 'none')}) is not the one asked for`,
    );
  } else if (options.challenge !== undefined) {
    add('challenge', 'Answers this request', 'passed', 'The proof carries the expected challenge');
  }
  if (options.domain !== undefined && proof.domain !== options.domain) {
    add(
      'domain',
      'Meant for this verifier',
      'failed',
      `The proof's domain (${show(proof.domain ?? 'none')}) is not ${options.domain}`,
    );
  } else if (options.domain !== undefined) {
    add('domain', 'Meant for this verifier', 'passed', 'The proof names this verifier');
  }
  try {
    const key = await resolveAssertionKey(idOf(proof.verificationMethod) ?? '', documentLoader, 'authentication');
    const verifyOptions = {
      document: presentation,
      proof,
      publicKeyMultibase: key.publicKeyMultibase,
      documentLoader,
      expectedPurpose: 'authentication' as const,
      ...(options.canonicalizer ? { canonicalizer: options.canonicalizer } : {}),
    };
    const isValid = await verifyProofOfKind(kind, verifyOptions);
    if (!isValid) {
      add('proof', 'Signed by the holder', 'failed', 'The presentation signature does not match its content');
    } else if (holder !== undefined && key.controller !== holder) {
      add(
        'proof',
        'Signed by the holder',
        'failed',
        `The presentation is signed by ${key.controller}, not by its holder ${holder}`,
      );
    } else {
      add('proof', 'Signed by the holder', 'passed', `Signed by ${key.controller}`);
    }
  } catch (error) {
    add(
      'proof',
      'Signed by the holder',
      'failed',
      `The presentation signature could not be checked: ${(error as Error).message}`,
    );
  }
}
