import { didKeyDocument } from '../keys/did-key.js';
import { asArray, isJsonObject, type JsonObject } from '../util/json.js';
import { bundledContexts } from './bundled-contexts.js';
import { CONTEXT_URLS } from './context-urls.js';

/** What a JSON-LD document loader hands back (the shape jsonld.js expects). */
export type RemoteDocument = { contextUrl: null; documentUrl: string; document: JsonObject };

/** Loads a context, a DID document or a verification method by URL. */
export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

/** Resolves a `did:web` DID to its DID document (the caller decides how, e.g. a guarded fetch). */
export type DidResolver = (did: string) => Promise<unknown>;

export type CreateDocumentLoaderOptions = {
  /** Used for `did:web` only; without it, did:web URLs fail. */
  resolveDid?: DidResolver;
  /** More documents by URL (e.g. a controller document for an https issuer in tests). */
  extra?: Readonly<Record<string, JsonObject>>;
};

/** Thrown for any URL the loader will not serve; the library never fetches. */
export class DocumentNotFoundError extends Error {
  constructor(readonly url: string, reason: string) {
    super(`Cannot load "${url}": ${reason}`);
    this.name = 'DocumentNotFoundError';
  }
}

/**
 * A document loader that never touches the network: bundled contexts, `did:key` resolved
 * locally (as Multikey, which the reference security loader does not do), `did:web` through the
 * injected resolver, and `extra` documents. A URL with a fragment yields the node it names.
 */
export function createDocumentLoader({ resolveDid, extra = {} }: CreateDocumentLoaderOptions = {}): DocumentLoader {
  const contexts = bundledContexts();
  const loader = async (url: string): Promise<RemoteDocument> => {
    if (typeof url !== 'string' || url.length === 0) throw new DocumentNotFoundError(String(url), 'not a URL');
    const bundled = contexts.get(url) ?? extra[url];
    if (bundled) return { contextUrl: null, documentUrl: url, document: bundled };

    const hashAt = url.indexOf('#');
    const base = hashAt === -1 ? url : url.slice(0, hashAt);
    let document: JsonObject;
    if (base.startsWith('did:key:')) {
      document = didKeyDocument(base);
    } else if (base.startsWith('did:web:')) {
      if (!resolveDid) throw new DocumentNotFoundError(url, 'no did:web resolver was configured');
      const resolved = await resolveDid(base);
      if (!isJsonObject(resolved) || resolved.id !== base) {
        throw new DocumentNotFoundError(url, 'the resolver returned no DID document with that id');
      }
      document = resolved;
    } else if (extra[base]) {
      document = extra[base];
    } else {
      throw new DocumentNotFoundError(url, 'not bundled and network access is disabled');
    }
    if (hashAt === -1) return { contextUrl: null, documentUrl: url, document };
    const node = findNode(document, url, base);
    if (!node) throw new DocumentNotFoundError(url, 'no such verification method in the controller document');
    return { contextUrl: null, documentUrl: url, document: node };
  };
  bundledFirstLoaders.add(loader);
  return loader;
}

const bundledFirstLoaders = new WeakSet<DocumentLoader>();

/**
 * Whether a loader is one of `createDocumentLoader`'s, which serve every bundled context as
 * bundled (`extra` cannot replace one): under such a loader a document whose contexts are all
 * bundled means the same whichever loader reads it.
 */
export function servesBundledContexts(loader: DocumentLoader): boolean {
  return bundledFirstLoaders.has(loader);
}

const RELATIONSHIPS = ['verificationMethod', 'assertionMethod', 'authentication', 'capabilityInvocation', 'capabilityDelegation'];

/** The node with this id inside a controller document, given a context so it stands alone. */
function findNode(document: JsonObject, url: string, base: string): JsonObject | undefined {
  const fragment = url.slice(base.length);
  for (const relationship of RELATIONSHIPS) {
    for (const entry of asArray(document[relationship])) {
      if (!isJsonObject(entry) || typeof entry.id !== 'string') continue;
      if (entry.id === url || entry.id === fragment) {
        const context = entry.type === 'Multikey' ? CONTEXT_URLS.multikeyV1 : (document['@context'] ?? CONTEXT_URLS.multikeyV1);
        return { '@context': context, ...entry, id: url };
      }
    }
  }
  return undefined;
}
