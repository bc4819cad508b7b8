import { describe, expect, it } from 'vitest';
import {
  CONTEXT_URLS,
  createDocumentLoader,
  DocumentNotFoundError,
  generateEd25519Multikey,
  didKeyFromPublicKey,
} from '../src/index.js';

describe('document loader', () => {
  const loader = createDocumentLoader();

  it('serves every bundled context without the network', async () => {
    for (const url of Object.values(CONTEXT_URLS)) {
      const { document, documentUrl } = await loader(url);
      expect(documentUrl).toBe(url);
      expect(document['@context']).toBeDefined();
    }
  });

  it('throws on an unknown URL instead of fetching', async () => {
    await expect(loader('https://example.com/context.json')).rejects.toThrow(DocumentNotFoundError);
    await expect(loader('https://example.com/context.json')).rejects.toThrow(/network access is disabled/);
    await expect(loader('did:ion:abc')).rejects.toThrow(/network access is disabled/);
  });

  it('resolves did:key to a Multikey document, and a fragment to the method', async () => {
    const { publicKeyMultibase } = generateEd25519Multikey();
    const did = didKeyFromPublicKey(publicKeyMultibase);
    const { document } = await loader(`${did}#${publicKeyMultibase}`);
    expect(document).toMatchObject({
      '@context': CONTEXT_URLS.multikeyV1,
      type: 'Multikey',
      controller: did,
      publicKeyMultibase,
    });
    await expect(loader(`${did}#other`)).rejects.toThrow(/no such verification method/);
  });

  it('resolves did:web only through the injected resolver', async () => {
    await expect(loader('did:web:acme.example')).rejects.toThrow(/no did:web resolver/);
    const withResolver = createDocumentLoader({ resolveDid: () => Promise.resolve({ id: 'did:web:other.example' }) });
    await expect(withResolver('did:web:acme.example')).rejects.toThrow(/no DID document with that id/);
  });
});
