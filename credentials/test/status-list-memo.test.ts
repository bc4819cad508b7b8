import { describe, expect, it } from 'vitest';
import {
  Bitstring,
  buildDidWebDocument,
  buildStatusEntry,
  buildStatusListCredential,
  checkStatus,
  createDocumentLoader,
  createSigner,
  generateEd25519Multikey,
  signCredential,
  type DocumentLoader,
  type JsonObject,
} from '../src/index.js';

// A list credential that verified once is remembered (same text, same key): these show that
// what makes a list untrustworthy is still found on every check after it was remembered.
const did = 'did:web:lists.example';
const listUrl = 'https://lists.example/status/1';
const key = generateEd25519Multikey();
const other = generateEd25519Multikey();
const signer = createSigner({ verificationMethod: `${did}#key-1`, ...key });
const didDocument = (publicKeyMultibase: string) =>
  buildDidWebDocument({ did, keys: [{ id: 'key-1', publicKeyMultibase, isActive: true }] });
const loaderWith = (publicKeyMultibase: string): DocumentLoader =>
  createDocumentLoader({ resolveDid: () => Promise.resolve(didDocument(publicKeyMultibase)) });

async function publish(setIndexes: number[]): Promise<JsonObject> {
  const bits = new Bitstring();
  for (const i of setIndexes) bits.set(i, true);
  const list = buildStatusListCredential({
    id: listUrl,
    issuer: did,
    statusPurpose: 'revocation',
    bitstring: bits,
    validFrom: new Date('2025-01-01T00:00:00Z'),
  });
  return signCredential({
    credential: list,
    signer,
    cryptosuite: 'eddsa-rdfc-2022',
    documentLoader: loaderWith(key.publicKeyMultibase),
    now: new Date(),
  });
}

describe('status lists checked again', () => {
  const entry = buildStatusEntry({ listUrl, index: 5, purpose: 'revocation' });

  it('gives the same answer for the same list, as text or as an object', async () => {
    const list = await publish([5]);
    const options = { documentLoader: loaderWith(key.publicKeyMultibase), issuerId: did };
    for (let i = 0; i < 3; i++) {
      expect(await checkStatus(entry, () => Promise.resolve(list), options)).toMatchObject({
        isSet: true,
        isListSigned: true,
      });
      expect(await checkStatus(entry, () => Promise.resolve(JSON.stringify(list)), options)).toMatchObject({
        isSet: true,
        isListSigned: true,
      });
    }
  });

  it('refuses a list changed after the same list verified, and reads a republished one afresh', async () => {
    const list = await publish([]);
    const options = { documentLoader: loaderWith(key.publicKeyMultibase), issuerId: did };
    expect((await checkStatus(entry, () => Promise.resolve(list), options)).isSet).toBe(false);
    const subject = list.credentialSubject as JsonObject;
    const withBitSet = (await publish([5])).credentialSubject as JsonObject;
    const forged = { ...list, credentialSubject: { ...subject, encodedList: withBitSet.encodedList } };
    await expect(checkStatus(entry, () => Promise.resolve(forged), options)).rejects.toThrow(/signature is invalid/);
    const republished = await publish([5]);
    expect((await checkStatus(entry, () => Promise.resolve(republished), options)).isSet).toBe(true);
  });

  it('refuses a remembered list once its key is no longer the issuer’s', async () => {
    const list = await publish([5]);
    expect(
      (
        await checkStatus(entry, () => Promise.resolve(list), {
          documentLoader: loaderWith(key.publicKeyMultibase),
          issuerId: did,
        })
      ).isListSigned,
    ).toBe(true);
    await expect(
      checkStatus(entry, () => Promise.resolve(list), {
        documentLoader: loaderWith(other.publicKeyMultibase),
        issuerId: did,
      }),
    ).rejects.toThrow(/signature is invalid/);
  });

  it('does not use what it remembers under a loader it did not make', async () => {
    const list = await publish([5]);
    const standard = loaderWith(key.publicKeyMultibase);
    expect(
      (await checkStatus(entry, () => Promise.resolve(list), { documentLoader: standard, issuerId: did })).isListSigned,
    ).toBe(true);
    // A loader of the caller's own that serves every document, contexts included, differently.
    const hostile: DocumentLoader = async (url) => {
      const loaded = await standard(url);
      return url.startsWith('https://www.w3.org/ns/credentials/v2')
        ? { ...loaded, document: { '@context': { '@version': 1.1, '@vocab': 'https://evil.example/#' } } }
        : loaded;
    };
    await expect(
      checkStatus(entry, () => Promise.resolve(list), { documentLoader: hostile, issuerId: did }),
    ).rejects.toThrow(/status list/);
  });
});
