import {
  bakePng,
  buildDidWebDocument,
  createDocumentLoader,
  createSigner,
  generateEd25519Multikey,
  signCredential,
  type JsonObject,
} from '@cairn/credentials';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '../http/app-error.js';
import { threadCpuMs } from './verify-budget.js';
import { VerifyPool, type VerifyIo } from './verify-pool.js';

const DID = 'did:web:issuer.test';
const key = generateEd25519Multikey();
const didDocument = buildDidWebDocument({
  did: DID,
  keys: [{ id: 'key-1', publicKeyMultibase: key.publicKeyMultibase, isActive: true }],
});
const resolveOwnDid = async (did: string) => {
  if (did !== DID) throw new Error(`unknown issuer ${did}`);
  return didDocument;
};

function unsignedCredential(overrides: JsonObject = {}): JsonObject {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'urn:uuid:6a3f0d52-2c1e-4f57-9d55-0e0f8f4b2a11',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Pool Safety',
    issuer: { id: DID, type: ['Profile'], name: 'Pool Academy' },
    validFrom: '2025-01-15T09:00:00Z',
    credentialSubject: {
      type: ['AchievementSubject'],
      id: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK',
      achievement: {
        id: 'https://issuer.test/achievements/pool-safety',
        type: ['Achievement'],
        name: 'Pool Safety',
        description: 'Keeps a pool safe.',
        criteria: { narrative: 'Passed.' },
      },
    },
    ...overrides,
  };
}

let signed: JsonObject;

/** `credential` with `count` alignments added: its signature no longer matches, but every one is canonicalised first. */
function withAlignments(credential: JsonObject, count: number): JsonObject {
  const subject = credential.credentialSubject as JsonObject;
  const alignment = Array.from({ length: count }, (_, i) => ({
    type: ['Alignment'],
    targetName: `Skill ${i}`,
    targetUrl: `https://skills.test/${i}`,
    targetType: 'ceasn:Competency',
  }));
  return {
    ...credential,
    credentialSubject: { ...subject, achievement: { ...(subject.achievement as JsonObject), alignment } },
  };
}
const pools: VerifyPool[] = [];
function pool(options: ConstructorParameters<typeof VerifyPool>[0] = {}) {
  const created = new VerifyPool({ workers: 1, ...options });
  pools.push(created);
  return created;
}
const now = new Date('2026-01-01T00:00:00Z');
let defaultPool: VerifyPool | undefined;
/** One pool for the tests that need no special options: starting a worker takes a moment. */
const shared = () => (defaultPool ??= pool());

beforeAll(async () => {
  const signer = createSigner({ verificationMethod: `${DID}#key-1`, ...key });
  signed = await signCredential({
    credential: unsignedCredential(),
    signer,
    cryptosuite: 'eddsa-rdfc-2022',
    documentLoader: createDocumentLoader({ resolveDid: resolveOwnDid }),
    now,
  });
});
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

async function refusalOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('verify pool', () => {
  it('verifies in a worker thread (the TypeScript worker loads under vitest too), asking the main thread for the DID document', async () => {
    const resolveDid = vi.fn(resolveOwnDid);
    const { result } = await shared().verify({
      job: { source: 'credential', credential: signed },
      io: { resolveDid },
      now,
    });
    expect(result.checks.filter((c) => c.status === 'failed')).toEqual([]);
    expect(result.verified).toBe(true);
    expect(resolveDid).toHaveBeenCalledWith(DID);
    // The whole result crosses the thread boundary, credential included.
    expect(result.credential).toEqual(signed);
    expect(result.format).toBe('ldp');
  });

  it('passes a failed answer on as the reason, and a changed credential fails', async () => {
    const p = shared();
    const unknownIssuer = await p.verify({
      job: { source: 'credential', credential: signed },
      io: { resolveDid: () => Promise.reject(new Error('no such issuer here')) },
      now,
    });
    expect(unknownIssuer.result.verified).toBe(false);
    expect(unknownIssuer.result.errors.join(' ')).toContain('no such issuer here');
    const tampered = { ...signed, name: 'Rocket Science' };
    expect(
      (await p.verify({ job: { source: 'credential', credential: tampered }, io: { resolveDid: resolveOwnDid }, now }))
        .result.verified,
    ).toBe(false);
  });

  it('reads a baked PNG in the worker and returns the credential it found', async () => {
    const png = bakePng(tinyPng(), signed);
    const outcome = await shared().verify({
      job: { source: 'file', bytes: png, filename: 'badge.png' },
      io: { resolveDid: resolveOwnDid },
      now,
    });
    expect(outcome.result.verified).toBe(true);
    expect(outcome.credential).toEqual(signed);
  });

  it('refuses an unreadable file with 400 naming the file', async () => {
    const error = await refusalOf(
      shared().verify({
        job: { source: 'file', bytes: Buffer.from('GIF89a'), filename: 'cat.gif' },
        io: { resolveDid: resolveOwnDid },
        now,
      }),
    );
    expect(error.code).toBe('validation_failed');
    expect(error.message).toMatch(/^cat\.gif: /);
    expect(error.fieldErrors).toEqual([expect.objectContaining({ field: 'file' })]);
  });

  it('refuses a credential over the limits before any worker sees it', async () => {
    const resolveDid = vi.fn(resolveOwnDid);
    const bloated = unsignedCredential();
    (bloated.credentialSubject as JsonObject).achievement = {
      ...((bloated.credentialSubject as JsonObject).achievement as JsonObject),
      alignment: Array.from({ length: 12_000 }, () => ({})),
    };
    const error = await refusalOf(
      shared().verify({ job: { source: 'credential', credential: bloated }, io: { resolveDid }, now }),
    );
    expect(error.code).toBe('unprocessable_content');
    expect(error.message).toContain('The credential has 12,000 alignments; at most 1,000 are accepted.');
    expect(resolveDid).not.toHaveBeenCalled();
  });

  it('refuses a file whose credential is over the limits (checked in the worker after reading)', async () => {
    const bloated = { ...signed, evidence: Array.from({ length: 5_000 }, () => ({ id: 'https://e.test' })) };
    const error = await refusalOf(
      shared().verify({
        job: { source: 'file', bytes: Buffer.from(JSON.stringify(bloated)), filename: 'big.json' },
        io: { resolveDid: resolveOwnDid },
        now,
      }),
    );
    expect(error.code).toBe('unprocessable_content');
    expect(error.message).toContain('5,000 evidence items');
  });

  it('stops a verification over its work budget with 422, and the pool goes on verifying', async () => {
    // 1 ms of work against canonicalising 500 alignments: over, however fast the machine.
    const costly = withAlignments(signed, 500);
    const strict = pool({ budgetMs: 1 });
    const error = await refusalOf(
      strict.verify({ job: { source: 'credential', credential: costly }, io: { resolveDid: resolveOwnDid }, now }),
    );
    expect(error.code).toBe('unprocessable_content');
    expect(error.message).toMatch(/^This credential took too long to check \(more than 1 ms of work\)/);
    const again = await refusalOf(
      strict.verify({ job: { source: 'credential', credential: costly }, io: { resolveDid: resolveOwnDid }, now }),
    );
    expect(again.message).toMatch(/took too long to check/);
    // A stopped worker is replaced by a new thread that loads the verifier again: on a busy
    // machine three thread starts take far longer than the default timeout, never wrongly.
  }, 180_000);

  it("measures the work of a verification as the worker thread's CPU time", () => {
    const self = threadCpuMs('/proc/thread-self/stat');
    expect(self).toBeGreaterThanOrEqual(0);
    const before = self!;
    const until = Date.now() + 200;
    while (Date.now() < until) Math.sqrt(Math.random());
    // 200 ms of busy loop; a loaded machine may give it less CPU, never none.
    expect(threadCpuMs('/proc/thread-self/stat')!).toBeGreaterThan(before);
    expect(threadCpuMs('/proc/no-such-thread/stat')).toBeUndefined();
  });

  it("waits for the main thread's answer while the worker idles, and gives up on one that never comes", async () => {
    // The DID document arrives only when the test lets it.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const asked = vi.fn();
    const resolveDid = async (did: string) => {
      asked();
      await held;
      return resolveOwnDid(did);
    };
    const p = pool({ ioTimeoutMs: 60_000 });
    const running = p.verify({ job: { source: 'credential', credential: signed }, io: { resolveDid }, now });
    await vi.waitFor(() => expect(asked).toHaveBeenCalled(), { timeout: 20_000 });
    release();
    expect((await running).result.verified).toBe(true);

    const impatient = pool({ ioTimeoutMs: 50 });
    const never = await impatient.verify({
      job: { source: 'credential', credential: signed },
      io: { resolveDid: () => new Promise(() => {}) },
      now,
    });
    expect(never.result.verified).toBe(false);
    expect(never.result.errors.join(' ')).toContain(`${DID} did not answer within 50 ms`);
  });

  it('answers 503 when more verifications wait than the queue holds', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const asked = vi.fn();
    const io: VerifyIo = {
      resolveDid: async (did) => {
        asked();
        await held;
        return resolveOwnDid(did);
      },
    };
    const p = pool({ maxQueue: 1 });
    const busy = p.verify({ job: { source: 'credential', credential: signed }, io, now });
    await vi.waitFor(() => expect(asked).toHaveBeenCalled(), { timeout: 20_000 });
    const queued = p.verify({ job: { source: 'credential', credential: signed }, io, now });
    const error = await refusalOf(p.verify({ job: { source: 'credential', credential: signed }, io, now }));
    expect(error.code).toBe('unavailable');
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
    release();
    expect((await busy).result.verified).toBe(true);
    expect((await queued).result.verified).toBe(true);
  });
});

/** A 1×1 PNG to bake into. */
function tinyPng(): Uint8Array {
  return Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
}
