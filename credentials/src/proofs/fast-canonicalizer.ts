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
export async function canonizeWithPath(
  document: JsonObject,
  documentLoader: DocumentLoader,
): Promise<{ nquads: string } & CanonicalizationPath> {
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
 * the fast path when it applies. The result must not be changed.
 */
export async function expandJsonLd(document: JsonObject, documentLoader: DocumentLoader): Promise<ExpandedNode[]> {
  const expansion = await expandFast(document, documentLoader);
  if (expansion.ok) return expansion.expanded;
  return (await jsonld.expand(document, { documentLoader, safe: true, base: null })) as ExpandedNode[];
}

// A verifier expands a credential twice: to read what it says, then to check the signature over
// it. The first expansion is kept for the second, for the same document object and loader, while
// its JSON text is unchanged and only until the current task ends (a loader is asked afresh by
// the next one).
type Remembered = { task: number; documentLoader: DocumentLoader; text: string; expanded: ExpandedNode[] };
const remembered = new WeakMap<JsonObject, Remembered>();
let task = 0;
let isTaskEndScheduled = false;

function currentTask(): number {
  if (!isTaskEndScheduled) {
    isTaskEndScheduled = true;
    setImmediate(() => {
      task++;
      isTaskEndScheduled = false;
    }).unref();
  }
  return task;
}

/**
 * The expansion of a secured document without its `proof` (what its signature covers), as
 * `expandJsonLd` gives it; remembered for `canonicalizerFor` to reuse. The result must not be changed.
 */
export async function expandUnsecured(secured: JsonObject, documentLoader: DocumentLoader): Promise<ExpandedNode[]> {
  const { proof: _proof, ...unsecured } = secured;
  const expansion = await expandFast(unsecured, documentLoader);
  if (!expansion.ok)
    return (await jsonld.expand(unsecured, { documentLoader, safe: true, base: null })) as ExpandedNode[];
  remembered.set(secured, {
    task: currentTask(),
    documentLoader,
    text: JSON.stringify(secured),
    expanded: expansion.expanded,
  });
  return expansion.expanded;
}

function recentExpansion(secured: JsonObject, documentLoader: DocumentLoader): ExpandedNode[] | undefined {
  const entry = remembered.get(secured);
  if (
    !entry ||
    entry.task !== currentTask() ||
    entry.documentLoader !== documentLoader ||
    entry.text !== JSON.stringify(secured)
  )
    return undefined;
  return entry.expanded;
}

/**
 * The canonicaliser a signature check of `secured` uses: `canonicalizer`, except that the fast
 * one canonicalises `unsecured` (that document without its proof) from the expansion
 * `expandUnsecured` just made of it, when there is one.
 */
export function canonicalizerFor(
  secured: JsonObject,
  unsecured: JsonObject,
  canonicalizer: Canonicalizer,
): Canonicalizer {
  if (canonicalizer !== defaultCanonicalizer && canonicalizer !== fastCanonicalizer) return canonicalizer;
  return {
    name: canonicalizer.name,
    async canonize(document, options) {
      const expanded = document === unsecured ? recentExpansion(secured, options.documentLoader) : undefined;
      if (expanded) {
        try {
          return await canonicalNQuads(toQuads(expanded));
        } catch {
          // Whatever made the fast path stop decides nothing: the canonicaliser runs in full.
        }
      }
      return canonicalizer.canonize(document, options);
    },
  };
}
