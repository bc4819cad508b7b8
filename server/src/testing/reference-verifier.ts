// Verifies a credential as a stranger would: the W3C reference library (@digitalbazaar/vc) with a
// document loader that knows only the standard contexts (VC, OB 3.0, Data Integrity, Multikey,
// status list, DID) and resolves did:web by GETting the DID document from the app, as any
// resolver does over HTTPS. A context only Cairn knows fails here, as it would in a wallet.
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as rdfcSuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { createVerifyCryptosuite } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import { CONTEXT_URLS, createDocumentLoader, didWebToUrl, type JsonObject } from '@cairn/credentials';
import type { FastifyInstance } from 'fastify';

const STANDARD_CONTEXTS = new Set<string>([
  CONTEXT_URLS.credentialsV2,
  CONTEXT_URLS.credentialsV1,
  CONTEXT_URLS.openBadgesV3,
  CONTEXT_URLS.openBadgesExtensions,
  CONTEXT_URLS.clrV2,
  CONTEXT_URLS.dataIntegrityV2,
  CONTEXT_URLS.multikeyV1,
  CONTEXT_URLS.bitstringStatusListV1,
  CONTEXT_URLS.didV1,
]);

export type ReferenceResult = { verified: boolean; error?: unknown; statusChecked: boolean };

export async function verifyWithReference(app: FastifyInstance, credential: JsonObject): Promise<ReferenceResult> {
  const loader = createDocumentLoader({
    resolveDid: async (did) => {
      const url = new URL(didWebToUrl(did));
      const res = await app.inject({ method: 'GET', url: url.pathname, headers: { accept: 'application/did+json' } });
      if (res.statusCode !== 200) throw new Error(`GET ${url.pathname} answered ${res.statusCode}`);
      return res.json();
    },
  });
  const documentLoader = async (url: string) => {
    if (url.startsWith('https://') && !url.includes('#') && !STANDARD_CONTEXTS.has(url)) {
      throw new Error(`a stranger's verifier cannot load ${url}`);
    }
    return loader(url);
  };
  let statusChecked = false;
  const result = await vc.verifyCredential({
    credential,
    suite: [
      new DataIntegrityProof({ cryptosuite: rdfcSuite }),
      new DataIntegrityProof({ cryptosuite: createVerifyCryptosuite() }),
    ],
    documentLoader,
    // Status is Cairn's own check (and tested there); the reference only asks that one is given.
    checkStatus: async () => {
      statusChecked = true;
      return { verified: true };
    },
  });
  return { verified: result.verified, ...(result.error ? { error: result.error } : {}), statusChecked };
}
