import jsonld from 'jsonld';
import type { DocumentLoader } from '../contexts/document-loader.js';
import type { JsonObject } from '../util/json.js';
import { canonicalNQuads } from './canonical-nquads.js';
import { referenceCanonicalizer, type Canonicalizer } from './canonicalizer.js';
import { expandFast, Unsupported } from './fast-expand.js';
import { toQuads } from './fast-to-rdf.js';
import type { ExpandedNode } from './jsonld-values.js';
import { withProofOptionsShortcut } from './proof-options-canonicalizer.js';

/** Which way a document was canonicalised, and why the fast path let it go when it did. */
export type CanonicalizationPath = { path: 'fast' } | { path: 'reference'; reason: string };

/**
 * Canonicalises like `referenceCanonicalizer` and says which path produced the N-Quads. The
 * fast path (contexts compiled once, JSON walked straight to RDF, RDFC-1.0's first-degree step
 * done here) handles what it can prove it handles; anything else goes to the reference, whose
 * answer (or error) is then the answer. Tests use this to check both the output and the path.
 */
export async function canonizeWithPath(document: JsonObject, documentLoader: DocumentLoader): Promise<{ nquads: string } & CanonicalizationPath> {
  const expansion = await expandFast(document, documentLoader);
  let reason: string;
  if (expansion.ok) {
    try {
      return { nquads: await canonicalNQuads(toQuads(expansion.expanded)), path: 'fast' };
    } catch (error) {
      // Unsupported, or rdf-canonize giving up on a hostile graph: the reference decides either way.
      reason = error instanceof Unsupported ? error.reason : `canonicalisation stopped (${(error as Error).message})`;
    }
  } else {
    reason = expansion.reason;
  }
  return { nquads: await referenceCanonicalizer.canonize(document, { documentLoader }), path: 'reference', reason };
}

/** The fast canonicaliser: byte-identical to the reference, which it falls back to. */
export const fastCanonicalizer: Canonicalizer = {
  name: 'cairn-fast+rdf-canonize',
  async canonize(document, { documentLoader }) {
    return (await canonizeWithPath(document, documentLoader)).nquads;
  },
};

/**
 * What signing and verification use unless told otherwise: the fast path, with the proof-options
 * shortcut in front. `npm test` compares it with the reference on generated credentials of every
 * kind Cairn issues or reads, on every fixture and on the inputs it must hand over.
 */
export const defaultCanonicalizer: Canonicalizer = withProofOptionsShortcut(fastCanonicalizer);

/**
 * JSON-LD expansion as `jsonld.expand(document, { safe: true, base: null })` gives it, through
 * the fast path when it applies: what a verifier reads a credential's signed meaning from.
 */
export async function expandJsonLd(document: JsonObject, documentLoader: DocumentLoader): Promise<ExpandedNode[]> {
  const expansion = await expandFast(document, documentLoader);
  if (expansion.ok) return expansion.expanded;
  return (await jsonld.expand(document, { documentLoader, safe: true, base: null })) as ExpandedNode[];
}
