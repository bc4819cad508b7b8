import { CONTEXT_URLS } from '../contexts/context-urls.js';
import { bundledContexts } from '../contexts/bundled-contexts.js';
import type { JsonObject } from '../util/json.js';
import type { Canonicalizer } from './canonicalizer-type.js';

const PROOF_KEYS = new Set(['@context', 'type', 'cryptosuite', 'created', 'verificationMethod', 'proofPurpose']);
// N-Quads IRIs may not hold these; anything unusual goes the slow, general way.
const SAFE_IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]*$/;
const SAFE_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The canonical N-Quads of plain Data Integrity proof options, written directly. Under the
 * protected VC 2.0 context (first, so later bundled contexts cannot redefine its terms) these
 * five statements are the only possible output, so the RDF round trip can be skipped: it costs
 * as much as canonicalising a whole credential. Returns undefined when the shortcut does not
 * apply, which sends the document down the general path.
 */
export function proofOptionsNQuads(document: JsonObject): string | undefined {
  const context = document['@context'];
  if (!Array.isArray(context) || context[0] !== CONTEXT_URLS.credentialsV2) return undefined;
  const known = bundledContexts();
  if (!context.every((c) => typeof c === 'string' && known.has(c))) return undefined;
  for (const key of Object.keys(document)) if (!PROOF_KEYS.has(key)) return undefined;
  const { type, cryptosuite, created, verificationMethod, proofPurpose } = document;
  if (type !== 'DataIntegrityProof' || proofPurpose !== 'assertionMethod') return undefined;
  if (typeof cryptosuite !== 'string' || !/^[A-Za-z0-9-]+$/.test(cryptosuite)) return undefined;
  if (typeof created !== 'string' || !SAFE_DATE.test(created)) return undefined;
  if (typeof verificationMethod !== 'string' || !SAFE_IRI.test(verificationMethod)) return undefined;
  // Sorted as RDFC-1.0 sorts them (by the whole N-Quad line).
  return [
    `_:c14n0 <http://purl.org/dc/terms/created> "${created}"^^<http://www.w3.org/2001/XMLSchema#dateTime> .\n`,
    `_:c14n0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/security#DataIntegrityProof> .\n`,
    `_:c14n0 <https://w3id.org/security#cryptosuite> "${cryptosuite}"^^<https://w3id.org/security#cryptosuiteString> .\n`,
    `_:c14n0 <https://w3id.org/security#proofPurpose> <https://w3id.org/security#assertionMethod> .\n`,
    `_:c14n0 <https://w3id.org/security#verificationMethod> <${verificationMethod}> .\n`,
  ].join('');
}

/** Wraps a canonicalizer with the proof-options shortcut above; everything else is delegated. */
export function withProofOptionsShortcut(inner: Canonicalizer): Canonicalizer {
  return {
    name: `${inner.name}+proof-options-shortcut`,
    canonize(document, options) {
      const quads = proofOptionsNQuads(document);
      return quads === undefined ? inner.canonize(document, options) : Promise.resolve(quads);
    },
  };
}
