import { readFileSync } from 'node:fs';
import type { JsonObject } from '../util/json.js';
import { CONTEXT_URLS, type ContextUrl } from './context-urls.js';

// Files live in credentials/contexts/ (see SOURCES.md there); read once, at first use.
/** The file of each bundled context, in credentials/contexts/ (SOURCES.md pins its SHA-256). */
export const BUNDLED_CONTEXT_FILES: Readonly<Record<ContextUrl, string>> = {
  [CONTEXT_URLS.credentialsV2]: 'w3c-credentials-context-v2.jsonld',
  [CONTEXT_URLS.credentialsV1]: 'w3c-credentials-context-v1.jsonld',
  [CONTEXT_URLS.credentialsExamplesV2]: 'w3c-credentials-examples-v2.jsonld',
  [CONTEXT_URLS.openBadgesV3]: 'ob-v3p0-context-3.0.3.json',
  [CONTEXT_URLS.openBadgesExtensions]: 'ob-v3p0-extensions-context.json',
  [CONTEXT_URLS.clrV2]: 'clr-v2p0-context-2.0.1.json',
  [CONTEXT_URLS.dataIntegrityV2]: 'w3id-data-integrity-context-v2.jsonld',
  [CONTEXT_URLS.multikeyV1]: 'w3id-multikey-context-v1.jsonld',
  [CONTEXT_URLS.ed25519Signature2020V1]: 'w3id-ed25519-signature-2020-v1.jsonld',
  [CONTEXT_URLS.bitstringStatusListV1]: 'w3c-bitstring-status-list-context-v1.jsonld',
  [CONTEXT_URLS.didV1]: 'w3c-did-v1.jsonld',
  [CONTEXT_URLS.cairnAccreditationV1]: 'cairn-accreditation-context-v1.jsonld',
  [CONTEXT_URLS.cairnCpdV1]: 'cairn-cpd-context-v1.jsonld',
};

let cache: ReadonlyMap<string, JsonObject> | undefined;

/** Every bundled context, keyed by the URL it is published at. */
export function bundledContexts(): ReadonlyMap<string, JsonObject> {
  if (!cache) {
    const dir = new URL('../../contexts/', import.meta.url);
    cache = new Map(
      Object.entries(BUNDLED_CONTEXT_FILES).map(([url, file]) => [
        url,
        JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as JsonObject,
      ]),
    );
  }
  return cache;
}
