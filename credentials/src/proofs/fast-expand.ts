import type { DocumentLoader } from '../contexts/document-loader.js';
import { isJsonObject } from '../util/json.js';
import { ContextMiss, contextUrlsOf, isBundledContext, isBundledContextUrl } from './compiled-contexts.js';
import { LoaderCheck, Unsupported } from './fast-expand-stops.js';
import { expandDocument } from './fast-expand-walk.js';
import type { ExpandedNode } from './jsonld-values.js';

// The walk itself lives in fast-expand-walk.ts (nodes), -terms.ts (contexts) and -values.ts (scalars).
export { Unsupported } from './fast-expand-stops.js';

export type ExpandOutcome = { ok: true; expanded: ExpandedNode[] } | { ok: false; reason: string };

// The first document of a shape needs its contexts compiled, each followed by a fresh walk (21
// for the "complete" OB 3.0 example from cold; none after that). Contexts a document brings
// itself are held to a few, so a document made of many distinct contexts costs a few walks and
// then goes to the reference.
const MAX_ATTEMPTS = 256;
const MAX_EMBEDDED_COMPILES = 8;

/**
 * Expands `document` as `jsonld.expand(document, { safe: true, base: null })` would, or says
 * why it cannot. Contexts are processed (once, then remembered) by the reference's own code.
 */
export async function expandFast(document: unknown, documentLoader: DocumentLoader): Promise<ExpandOutcome> {
  const checkedUrls = new Set<string>();
  // The document's own context URLs are checked up front; any deeper ones as the walk meets them.
  const topUrls = isJsonObject(document) ? (contextUrlsOf(document['@context']) ?? []) : [];
  for (const url of topUrls) {
    if (!isBundledContextUrl(url)) return { ok: false, reason: `the context ${url} is not bundled` };
    if (checkedUrls.has(url)) continue;
    if (!(await loaderServesBundled(documentLoader, url)))
      return { ok: false, reason: `the document loader does not serve the bundled context for ${url}` };
    checkedUrls.add(url);
  }
  let embeddedCompiles = 0;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    try {
      return { ok: true, expanded: expandDocument(document, { checkedUrls }) };
    } catch (error) {
      if (error instanceof Unsupported) return { ok: false, reason: error.reason };
      if (error instanceof LoaderCheck) {
        if (!(await loaderServesBundled(documentLoader, error.url))) {
          return { ok: false, reason: `the document loader does not serve the bundled context for ${error.url}` };
        }
        checkedUrls.add(error.url);
      } else if (error instanceof ContextMiss) {
        if (error.kind === 'embedded' && ++embeddedCompiles > MAX_EMBEDDED_COMPILES)
          return { ok: false, reason: 'too many distinct contexts' };
        try {
          await error.from.compile(error.kind, error.local, error.key);
        } catch (processing) {
          return { ok: false, reason: `context processing failed (${(processing as Error).message})` };
        }
      } else {
        // A defect here must not decide a signature: the reference decides instead.
        return { ok: false, reason: `fast path error (${(error as Error).message})` };
      }
    }
  }
  return { ok: false, reason: 'too many distinct contexts' };
}

async function loaderServesBundled(documentLoader: DocumentLoader, url: string): Promise<boolean> {
  try {
    const { document } = await documentLoader(url);
    return isBundledContext(url, document);
  } catch {
    return false;
  }
}
