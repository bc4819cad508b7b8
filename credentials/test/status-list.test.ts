import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  allocateIndex,
  Bitstring,
  buildStatusEntry,
  buildStatusListCredential,
  checkStatus,
  createDocumentLoader,
  createSigner,
  decodeList,
  didKeyFromPublicKey,
  didKeyVerificationMethod,
  encodeList,
  generateEd25519Multikey,
  MIN_STATUS_LIST_LENGTH,
  signCredential,
  StatusCheckError,
  verifyCredential,
} from '../src/index.js';
import type { JsonObject } from '../src/util/json.js';
import { fixture, fixtureLoader, sampleCredential, statusListFixture } from './helpers.js';

describe('Bitstring', () => {
  it('puts index 0 in the most significant bit of byte 0', () => {
    const bits = new Bitstring();
    bits.set(0, true);
    bits.set(9, true);
    expect(bits.bytes[0]).toBe(0b1000_0000);
    expect(bits.bytes[1]).toBe(0b0100_0000);
    expect(bits.get(0)).toBe(true);
    expect(bits.get(1)).toBe(false);
    bits.set(0, false);
    expect(bits.bytes[0]).toBe(0);
  });

  it('refuses lists shorter than 131,072 entries or not a multiple of 8, and out-of-range indexes', () => {
    expect(() => new Bitstring({ length: 1024 })).toThrow(RangeError);
    expect(() => new Bitstring({ length: MIN_STATUS_LIST_LENGTH + 3 })).toThrow(RangeError);
    const bits = new Bitstring();
    expect(() => bits.get(MIN_STATUS_LIST_LENGTH)).toThrow(RangeError);
    expect(() => bits.set(-1, true)).toThrow(RangeError);
  });
});

describe('encodedList', () => {
  it('round-trips and starts with the multibase u prefix, no padding', () => {
    const bits = new Bitstring({ length: MIN_STATUS_LIST_LENGTH * 2 });
    for (const i of [0, 7, 8, 12_345, 262_143]) bits.set(i, true);
    const encoded = encodeList(bits);
    expect(encoded).toMatch(/^u[A-Za-z0-9_-]+$/);
    const decoded = decodeList(encoded);
    expect(decoded.length).toBe(MIN_STATUS_LIST_LENGTH * 2);
    expect(Buffer.from(decoded.bytes).equals(Buffer.from(bits.bytes))).toBe(true);
  });

  it('reads bit 23 of the 1EdTech list as set, and its neighbours as clear', () => {
    const subject = statusListFixture().credentialSubject as { encodedList: string };
    const bits = decodeList(subject.encodedList);
    expect(bits.get(23)).toBe(true);
    expect(bits.get(22)).toBe(false);
    expect(bits.get(24)).toBe(false);
  });

  it('rejects a truncated list and non-gzip data with clear errors', () => {
    const short = `u${gzipSync(new Uint8Array(1024)).toString('base64url')}`;
    expect(() => decodeList(short)).toThrow(/8192 entries; at least 131072/);
    expect(() => decodeList('uAAAA')).toThrow(/not valid GZIP/);
    expect(() => decodeList('u!!')).toThrow(/not base64url/);
  });
});

describe('allocateIndex', () => {
  it('picks random indexes and never reuses one', () => {
    const taken = new Set<number>();
    for (let n = 0; n < 500; n++) {
      const index = allocateIndex({ size: 1000, isTaken: (i) => taken.has(i) });
      expect(taken.has(index)).toBe(false);
      expect(index).toBeGreaterThanOrEqual(0);
      expect(index).toBeLessThan(1000);
      taken.add(index);
    }
  });

  it('finds the last free slot and reports a full list', () => {
    const size = 64;
    const taken = new Set(Array.from({ length: size }, (_, i) => i).filter((i) => i !== 41));
    expect(allocateIndex({ size, isTaken: (i) => taken.has(i), random: () => 3 })).toBe(41);
    taken.add(41);
    expect(() => allocateIndex({ size, isTaken: (i) => taken.has(i) })).toThrow(/full/);
  });
});

describe('status list credentials and entries', () => {
  const keys = generateEd25519Multikey();
  const did = didKeyFromPublicKey(keys.publicKeyMultibase);
  const signer = createSigner({ verificationMethod: didKeyVerificationMethod(did), ...keys });
  const documentLoader = createDocumentLoader();
  const listUrl = 'https://acme.example/status/1';

  it('writes statusListIndex as a string', () => {
    expect(buildStatusEntry({ listUrl, index: 94_567, purpose: 'revocation' })).toEqual({
      id: `${listUrl}#94567`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '94567',
      statusListCredential: listUrl,
    });
  });

  async function publish(
    purpose: 'revocation' | 'suspension',
    setIndexes: number[],
    id = listUrl,
  ): Promise<JsonObject> {
    const bits = new Bitstring();
    for (const i of setIndexes) bits.set(i, true);
    const list = buildStatusListCredential({
      id,
      issuer: did,
      statusPurpose: purpose,
      bitstring: bits,
      validFrom: new Date('2025-01-01T00:00:00Z'),
      ttl: 300_000,
    });
    return signCredential({
      credential: list,
      signer,
      cryptosuite: 'eddsa-rdfc-2022',
      documentLoader,
      now: new Date(),
    });
  }

  it('revokes, then suspends and reinstates, as a verifier sees it', async () => {
    const credential = await signCredential({
      credential: sampleCredential(did, {
        credentialStatus: [
          buildStatusEntry({ listUrl: `${listUrl}?r`, index: 7, purpose: 'revocation' }),
          buildStatusEntry({ listUrl: `${listUrl}?s`, index: 7, purpose: 'suspension' }),
        ],
      }),
      signer,
      cryptosuite: 'eddsa-rdfc-2022',
      documentLoader,
      now: new Date(),
    });
    const lists: Record<string, JsonObject> = {
      [`${listUrl}?r`]: await publish('revocation', [], `${listUrl}?r`),
      [`${listUrl}?s`]: await publish('suspension', [7], `${listUrl}?s`),
    };
    const fetchStatusList = (url: string): Promise<unknown> => Promise.resolve(lists[url]);
    let result = await verifyCredential({ credential, documentLoader, fetchStatusList });
    expect(result.checks.find((c) => c.id === 'revocation')).toMatchObject({
      status: 'passed',
      label: 'Has not been revoked',
    });
    expect(result.checks.find((c) => c.id === 'suspension')).toMatchObject({
      status: 'failed',
      message: 'The issuer has suspended this credential for now',
    });
    expect(result.verified).toBe(false);

    lists[`${listUrl}?s`] = await publish('suspension', [], `${listUrl}?s`);
    lists[`${listUrl}?r`] = await publish('revocation', [7], `${listUrl}?r`);
    result = await verifyCredential({ credential, documentLoader, fetchStatusList });
    expect(result.checks.find((c) => c.id === 'suspension')?.status).toBe('passed');
    expect(result.checks.find((c) => c.id === 'revocation')?.status).toBe('failed');
  });

  it('checks the list proof, the purpose and the index format', async () => {
    const list = await publish('revocation', [3]);
    const fetch = (doc: unknown) => () => Promise.resolve(doc);
    const entry = buildStatusEntry({ listUrl, index: 3, purpose: 'revocation' });
    expect(await checkStatus(entry, fetch(list), { documentLoader, issuerId: did })).toMatchObject({
      isSet: true,
      isListSigned: true,
      warnings: [],
    });
    expect(await checkStatus({ ...entry, statusListIndex: 4 }, fetch(list), { documentLoader })).toMatchObject({
      isSet: false,
      index: 4,
    });

    const subject = list.credentialSubject as JsonObject;
    const tampered = { ...list, credentialSubject: { ...subject, encodedList: encodeList(new Bitstring()) } };
    await expect(checkStatus(entry, fetch(tampered), { documentLoader })).rejects.toThrow(/signature is invalid/);
    await expect(
      checkStatus({ ...entry, statusPurpose: 'suspension' }, fetch(list), { documentLoader }),
    ).rejects.toThrow(/for "revocation", not "suspension"/);
    await expect(checkStatus({ ...entry, statusListIndex: '-1' }, fetch(list), { documentLoader })).rejects.toThrow(
      StatusCheckError,
    );
    await expect(checkStatus(entry, () => Promise.reject(new Error('timeout')), { documentLoader })).rejects.toThrow(
      /could not be fetched: timeout/,
    );
  });

  it('accepts the numeric statusListIndex of the 1EdTech fixture and verifies its signed list', async () => {
    const credential = fixture('ob3-credential-status-revoked-bitstring.json');
    const list = statusListFixture();
    // The fixture list calls itself example.com/…/3, not the URL the fixture credential names.
    const entry = { ...(credential.credentialStatus as JsonObject), statusListCredential: list.id as string };
    const outcome = await checkStatus(entry, () => Promise.resolve(list), { documentLoader: fixtureLoader(list) });
    expect(outcome).toMatchObject({ index: 23, isSet: true, isListSigned: true, purpose: 'revocation' });
  });

  it('refuses a list that is not the one the credential names, or not signed by its issuer, or not signed at all', async () => {
    const entry = buildStatusEntry({ listUrl, index: 3, purpose: 'revocation' });
    const genuine = await publish('revocation', []);
    const elsewhere = await publish('revocation', [], 'https://acme.example/status/2');
    await expect(
      checkStatus(entry, () => Promise.resolve(elsewhere), { documentLoader, issuerId: did }),
    ).rejects.toThrow(/says it is https:\/\/acme.example\/status\/2/);
    await expect(
      checkStatus(entry, () => Promise.resolve(genuine), { documentLoader, issuerId: 'did:example:someone-else' }),
    ).rejects.toThrow(/not by the credential's issuer/);
    const { proof: _proof, ...unsigned } = genuine;
    await expect(
      checkStatus(entry, () => Promise.resolve(unsigned), { documentLoader, issuerId: did }),
    ).rejects.toThrow(/not signed/);
    await expect(
      checkStatus(entry, () => Promise.resolve(genuine), { documentLoader, issuerId: did }),
    ).resolves.toMatchObject({ isSet: false });
  });
});
