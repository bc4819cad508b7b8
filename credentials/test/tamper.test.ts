import { describe, expect, it } from 'vitest';
import {
  createDocumentLoader,
  createSigner,
  didKeyFromPublicKey,
  didKeyVerificationMethod,
  generateEd25519Multikey,
  signCredential,
  signJwt,
  verifyCredential,
  type Cryptosuite,
} from '../src/index.js';
import type { JsonObject, JsonValue } from '../src/util/json.js';
import { sampleCredential } from './helpers.js';

type Path = (string | number)[];

/** Every path to a leaf (string, number, boolean) in a JSON value. */
function leafPaths(value: JsonValue, path: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leafPaths(item, [...path, i]));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...path, k]));
  return [path];
}

/** A copy with the leaf at `path` changed to a different value of the same kind. */
function mutate(document: JsonObject, path: Path): JsonObject {
  const copy = structuredClone(document);
  let node: JsonValue = copy;
  for (const key of path.slice(0, -1)) node = (node as Record<string | number, JsonValue>)[key]!;
  const last = path.at(-1)!;
  const parent = node as Record<string | number, JsonValue>;
  const leaf = parent[last];
  // A base58 value keeps its alphabet: its second-to-last character becomes a different one
  // (always different: keys, and so proof values, are new on every run).
  parent[last] =
    typeof leaf === 'string'
      ? leaf.length > 4 && /^z[1-9A-HJ-NP-Za-km-z]+$/.test(leaf)
        ? `${leaf.slice(0, -2)}${leaf.at(-2) === '1' ? '2' : '1'}${leaf.at(-1)}`
        : `${leaf}x`
      : typeof leaf === 'number'
        ? leaf + 1
        : typeof leaf === 'boolean'
          ? !leaf
          : 'x';
  return copy;
}

const documentLoader = createDocumentLoader();
const keys = generateEd25519Multikey();
const did = didKeyFromPublicKey(keys.publicKeyMultibase);
const signer = createSigner({ verificationMethod: didKeyVerificationMethod(did), ...keys });

describe('tampering with any field of a signed credential is detected', () => {
  it.each<Cryptosuite>(['eddsa-rdfc-2022', 'eddsa-jcs-2022'])('%s: every leaf, one at a time', async (cryptosuite) => {
    const signed = await signCredential({
      credential: sampleCredential(did),
      signer,
      cryptosuite,
      documentLoader,
      now: new Date('2025-01-15T09:00:00Z'),
    });
    expect((await verifyCredential({ credential: signed, documentLoader })).verified).toBe(true);
    const paths = leafPaths(signed);
    expect(paths.length).toBeGreaterThan(30);
    const survivors: string[] = [];
    for (const path of paths) {
      const result = await verifyCredential({ credential: mutate(signed, path), documentLoader });
      if (result.verified) survivors.push(path.join('.'));
    }
    expect(survivors).toEqual([]);
  });

  it('VC-JWT: every leaf of the payload, re-encoded with the original signature', async () => {
    const token = signJwt({ credential: sampleCredential(did), signer });
    const [header, payloadPart, signature] = token.split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(payloadPart, 'base64url').toString('utf8')) as JsonObject;
    const survivors: string[] = [];
    for (const path of leafPaths(payload)) {
      const forged = `${header}.${Buffer.from(JSON.stringify(mutate(payload, path))).toString('base64url')}.${signature}`;
      if ((await verifyCredential({ credential: forged, documentLoader })).verified) survivors.push(path.join('.'));
    }
    expect(survivors).toEqual([]);
  });

  it('adding a property is detected too', async () => {
    const signed = await signCredential({
      credential: sampleCredential(did),
      signer,
      cryptosuite: 'eddsa-rdfc-2022',
      documentLoader,
      now: new Date(),
    });
    const result = await verifyCredential({ credential: { ...signed, description: 'added later' }, documentLoader });
    expect(result.verified).toBe(false);
    expect(result.checks.find((c) => c.id === 'proof')?.status).toBe('failed');
  });
});

describe('proof sets', () => {
  it('refuses a credential with more proofs than it will check, without checking them', async () => {
    const pair = generateEd25519Multikey();
    const did = didKeyFromPublicKey(pair.publicKeyMultibase);
    const signer = createSigner({ verificationMethod: didKeyVerificationMethod(did), ...pair });
    const documentLoader = createDocumentLoader();
    const signed = await signCredential({
      credential: sampleCredential(did),
      signer,
      cryptosuite: 'eddsa-jcs-2022',
      documentLoader,
      now: new Date('2026-01-01T00:00:00Z'),
    });
    const flooded = { ...signed, proof: Array.from({ length: 500 }, () => signed.proof[0]!) };
    const result = await verifyCredential({ credential: flooded, documentLoader });
    expect(result.verified).toBe(false);
    expect(result.checks).toEqual([
      expect.objectContaining({ status: 'failed', message: expect.stringMatching(/500 proofs/) as string }),
    ]);
  });
});
