// Sign and verify throughput of @cairn/credentials next to the W3C reference stack
// (@digitalbazaar/vc 7.3.0 for Data Integrity, jose for VC-JWT), on the same ~1.5 KB Open Badge,
// in one Node.js thread, same run, same Ed25519 key. Raw Ed25519 from node:crypto is the floor:
// every Data Integrity row also shows how close to it each side gets. Ours canonicalises through
// the fast path (the default canonicaliser); the issue-11 targets are printed beside the ratios.
//
// Three things keep the numbers honest:
// - Every input is deep-frozen. `vc.issue` (jsonld-signatures `ProofSet.add`) appends the new
//   proof to the credential object it is given and returns that same object; an earlier version
//   of this file handed it the shared credential, which grew by one proof per reference sign.
//   Everything signed or verified after that carried thousands of proofs (reference verify at
//   1-2/s, jose at 23/s, our jcs sign slowing round by round). The reference now gets a shallow
//   copy per call, and a frozen input makes any other mutation throw instead of skewing timings.
// - Before timing, each implementation's output must verify with the other and a tampered copy
//   must be rejected by both; every timed verify must report success. A broken path cannot look fast.
//   For eddsa-rdfc-2022 the two proofs, made at the same instant with the same key, must also be
//   byte for byte the same (Ed25519 is deterministic): the fast path signs exactly what the
//   reference signs.
// - Each slice starts after a full collection and an untimed settling run of the side about to be
//   timed: right after a forced collection the first few hundred fast operations run about half as
//   fast (the collector restarting, not the code), which would bill a fixed cost per slice to
//   whichever side does more operations in it.
import { createPrivateKey, createPublicKey, sign as edSign, verify as edVerify, type KeyObject } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite as rdfcSuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { createSignCryptosuite, createVerifyCryptosuite } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import { importJWK, jwtVerify, SignJWT } from 'jose';
import {
  createDocumentLoader,
  createSigner,
  didKeyFromPublicKey,
  didKeyVerificationMethod,
  generateEd25519Multikey,
  resolveAssertionKey,
  signCredential,
  signJwt,
  verifyCredential,
  type Cryptosuite,
  type DocumentLoader,
} from '../credentials/src/index.js';
import { decodePublicKey, decodeSecretKey } from '../credentials/src/keys/multikey.js';
import { verifyProofSignature } from '../credentials/src/proofs/data-integrity.js';
import type { JsonObject } from '../credentials/src/util/json.js';

export type Row = {
  operation: string;
  ours?: number;
  reference: number;
  referenceName: string;
  /** Raw Ed25519 (node:crypto) for the same kind of operation: what no implementation can beat. */
  floor?: number;
  /** The issue-11 target for ours/reference, when there is one. */
  target?: number;
};
export type BenchResult = { rows: Row[]; credentialBytes: number; environment: string };

/** Time each side spends on each operation, in ms (`BENCH_TIME_MS`, default 3000). */
export const TIME_BOX_MS = positiveNumber(process.env.BENCH_TIME_MS, 3000);
/** Untimed warm-up per side before each operation (JIT, jsonld context cache, key caches). */
const WARM_UP_MS = Math.min(400, TIME_BOX_MS / 4);
/** Untimed CPU time each side runs after the collection that starts a slice (see the top of this file). */
const SETTLE_CPU_MS = Math.min(100, TIME_BOX_MS / 20);
/** Ours and the reference are timed in alternating slices so that both see the same machine load. */
const SLICES = 10;
const DEBUG = Boolean(process.env.BENCH_DEBUG);
const REFERENCE_VC = '@digitalbazaar/vc 7.3.0';
const REFERENCE_JOSE = 'jose 6 (signature + registered claims)';

function positiveNumber(text: string | undefined, fallback: number): number {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`BENCH_TIME_MS must be a positive number of milliseconds, not "${text}"`);
  return value;
}

type Op = () => unknown;
/** Operations, and the wall-clock and CPU time (this process: main thread, GC and libuv threads) they took. */
type Tally = { count: number; wallMs: number; cpuMs: number; slices: number[] };

/** Wall and CPU time of every timed slice, for the share of a core this process actually got. */
export const timing = { wallMs: 0, cpuMs: 0 };

/** Full collection between slices (when node runs with --expose-gc): garbage of one side is not billed to the other. */
const collect = (globalThis as { gc?: () => void }).gc ?? ((): void => undefined);

/** Runs `fn` back to back until `ms` have passed; awaits only when it returns a promise. */
async function runFor(fn: Op, ms: number): Promise<{ count: number; ms: number }> {
  let count = 0;
  const start = performance.now();
  let elapsed: number;
  do {
    const result = fn();
    if (result instanceof Promise) await result;
    count++;
    elapsed = performance.now() - start;
  } while (elapsed < ms);
  return { count, ms: elapsed };
}

const cpuMsSince = (start: NodeJS.CpuUsage): number => {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
};

/** Runs `fn` untimed until this process has used `cpuMs` of CPU (at least once). */
async function settle(fn: Op, cpuMs: number): Promise<void> {
  const start = process.cpuUsage();
  do {
    const result = fn();
    if (result instanceof Promise) await result;
  } while (cpuMsSince(start) < cpuMs);
}

/**
 * One slice of a time box. The box is wall-clock time, but the rate divides by the CPU time this
 * process used: on a shared machine other processes take the core away at random moments, and
 * CPU time leaves that out, so the result is what one core does (and ours and the reference are
 * compared on the same footing).
 */
async function slice(fn: Op, ms: number, tally: Tally): Promise<void> {
  collect();
  await settle(fn, SETTLE_CPU_MS);
  const cpuStart = process.cpuUsage();
  const { count, ms: wallMs } = await runFor(fn, ms);
  const cpuMs = Math.max(cpuMsSince(cpuStart), 1e-3);
  tally.count += count;
  tally.wallMs += wallMs;
  tally.cpuMs += cpuMs;
  tally.slices.push((count * 1000) / cpuMs);
  timing.wallMs += wallMs;
  timing.cpuMs += cpuMs;
}

/** The median slice: one slice disturbed by a burst on the machine does not move the result. */
function rate(t: Tally): number {
  const sorted = [...t.slices].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
const spread = (t: Tally): string => `${Math.round(Math.min(...t.slices))}-${Math.round(Math.max(...t.slices))}`;

/**
 * Warms both sides up, then gives each the whole time box in alternating slices (the order flips
 * every slice). Reports the median slice rate (operations per CPU-second): not a best case.
 */
async function measure(
  label: string,
  ours: Op | undefined,
  reference: Op,
): Promise<{ ours?: number; reference: number }> {
  process.stderr.write(`${label}…`);
  if (ours) await runFor(ours, WARM_UP_MS);
  await runFor(reference, WARM_UP_MS);
  const o: Tally = { count: 0, wallMs: 0, cpuMs: 0, slices: [] };
  const r: Tally = { count: 0, wallMs: 0, cpuMs: 0, slices: [] };
  const sliceMs = TIME_BOX_MS / SLICES;
  for (let i = 0; i < SLICES; i++) {
    if (ours && i % 2 === 0) await slice(ours, sliceMs, o);
    await slice(reference, sliceMs, r);
    if (ours && i % 2 === 1) await slice(ours, sliceMs, o);
  }
  const wallRate = (t: Tally): string => String(Math.round((t.count * 1000) / t.wallMs));
  const detail = DEBUG
    ? ` (slices: ours ${ours ? spread(o) : '-'}, reference ${spread(r)}; wall-clock ${ours ? wallRate(o) : '-'} / ${wallRate(r)})`
    : '';
  process.stderr.write(` ${ours ? Math.round(rate(o)) : '-'} / ${Math.round(rate(r))} ops/s${detail}\n`);
  return ours ? { ours: rate(o), reference: rate(r) } : { reference: rate(r) };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** A ~1.5 KB Open Badges 3.0 AchievementCredential, every term defined by its contexts. */
function credentialFor(issuer: string): JsonObject {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'urn:uuid:2f3e1c0a-4b5d-4e6f-8a9b-0c1d2e3f4a5b',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Safe Lifting Practices',
    issuer: { id: issuer, type: ['Profile'], name: 'Acme Training', url: 'https://acme.example' },
    validFrom: '2025-01-15T09:00:00Z',
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        {
          type: 'IdentityObject',
          hashed: true,
          identityType: 'emailAddress',
          salt: 'pepper-1',
          identityHash: 'sha256$2a1f6c2a9f3c5b0b7d0f5f2f8b8a1f6f2f0f1f3c2b5a8e7d6c5b4a3f2e1d0c9b',
        },
      ],
      achievement: {
        id: 'https://acme.example/achievements/safe-lifting',
        type: ['Achievement'],
        achievementType: 'MicroCredential',
        name: 'Safe Lifting Practices',
        description: 'Demonstrates safe manual handling of loads up to 25 kg in a warehouse setting.',
        criteria: { narrative: 'Completed the two-hour practical course and passed the observed assessment.' },
        creditsAvailable: 0.5,
        alignment: [
          {
            type: ['Alignment'],
            targetName: 'Manual handling',
            targetUrl: 'https://example.org/frameworks/manual-handling',
            targetType: 'ceasn:Competency',
            targetFramework: 'Warehouse Skills',
            targetCode: 'MH-1',
          },
          {
            type: ['Alignment'],
            targetName: 'Risk assessment',
            targetUrl: 'https://example.org/frameworks/risk-assessment',
            targetType: 'ceasn:Competency',
            targetFramework: 'Warehouse Skills',
            targetCode: 'RA-2',
          },
        ],
        tag: ['safety', 'warehouse'],
      },
      result: [{ type: ['Result'], status: 'Completed' }],
    },
  };
}

/** What a sanity check needs from each verifier: does it accept this credential? */
type Verifier = { name: string; accepts: (signed: unknown) => Promise<boolean> };

/** Each output must verify with both implementations, and a tampered copy with neither. */
async function crossCheck(
  what: string,
  outputs: Record<string, unknown>,
  tamper: (signed: unknown) => unknown,
  verifiers: Verifier[],
): Promise<void> {
  for (const [by, signed] of Object.entries(outputs)) {
    const tampered = tamper(signed);
    for (const verifier of verifiers) {
      if (!(await verifier.accepts(signed)))
        throw new Error(`Sanity check failed: ${what} signed by ${by} does not verify with ${verifier.name}`);
      if (await verifier.accepts(tampered))
        throw new Error(`Sanity check failed: ${verifier.name} accepts a tampered ${what} signed by ${by}`);
    }
  }
  process.stderr.write(`${what}: ours and the reference accept each other's output and reject tampered copies\n`);
}

const renamed = (signed: unknown): JsonObject => ({ ...(signed as JsonObject), name: 'Tampered' });

/** Replaces the JWT payload with one whose credential name differs, keeping header and signature. */
function tamperJwt(token: unknown): string {
  const [header, payload, signature] = String(token).split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as JsonObject;
  return `${header}.${Buffer.from(JSON.stringify({ ...claims, name: 'Tampered' })).toString('base64url')}.${signature}`;
}

/** The same Ed25519 key pair as node:crypto KeyObjects, for jose and the raw floor. */
function keyObjects(
  publicKeyMultibase: string,
  secretKeyMultibase: string,
): { publicKey: KeyObject; privateKey: KeyObject } {
  const x = Buffer.from(decodePublicKey(publicKeyMultibase)).toString('base64url');
  const d = Buffer.from(decodeSecretKey(secretKeyMultibase)).toString('base64url');
  return {
    publicKey: createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' }),
    privateKey: createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', x, d }, format: 'jwk' }),
  };
}

export function environmentLine(): string {
  const cpu = cpus();
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ');
  return `Node ${process.version}, ${cpu[0]?.model.trim() ?? 'unknown CPU'} (${cpu.length} logical CPUs, this run uses one thread), load average at start ${load} (1/5/15 min)`;
}

/** Measures everything and returns the rows; prints progress to stderr. */
export async function runCredentialsBench(): Promise<BenchResult> {
  const environment = environmentLine();
  const documentLoader: DocumentLoader = createDocumentLoader();
  const keys = generateEd25519Multikey();
  const did = didKeyFromPublicKey(keys.publicKeyMultibase);
  const signer = createSigner({ verificationMethod: didKeyVerificationMethod(did), ...keys });
  const credential = deepFreeze(credentialFor(did));
  const credentialBytes = Buffer.byteLength(JSON.stringify(credential));
  const keyPair = await Ed25519Multikey.from({ ...keys, id: signer.verificationMethod, controller: did });
  const verifySuites = [
    new DataIntegrityProof({ cryptosuite: rdfcSuite }),
    new DataIntegrityProof({ cryptosuite: createVerifyCryptosuite() }),
  ];
  // Whole seconds: both sides write `created` without milliseconds, so the same instant signs the same bytes.
  const now = new Date(Math.floor(Date.now() / 1000) * 1000);
  const rows: Row[] = [];

  // The floor first, so every row can show it: raw Ed25519 over 1 KiB with the same key.
  const { publicKey, privateKey } = keyObjects(keys.publicKeyMultibase, keys.secretKeyMultibase);
  const data = Buffer.alloc(1024, 7);
  const signature = edSign(null, data, privateKey);
  if (!edVerify(null, data, publicKey, signature))
    throw new Error('Sanity check failed: raw Ed25519 signature does not verify');
  const floorSign = (await measure('raw Ed25519 sign', undefined, () => edSign(null, data, privateKey))).reference;
  const floorVerify = (
    await measure('raw Ed25519 verify', undefined, () => {
      if (!edVerify(null, data, publicKey, signature)) throw new Error('raw verify failed');
    })
  ).reference;

  const oursVerifies = async (signed: unknown): Promise<boolean> =>
    (await verifyCredential({ credential: signed, documentLoader, now })).verified;
  const referenceVerifies = async (signed: unknown): Promise<boolean> =>
    (await vc.verifyCredential({ credential: signed as JsonObject, suite: verifySuites, documentLoader })).verified;
  const verifiers: Verifier[] = [
    { name: '@cairn/credentials', accepts: oursVerifies },
    { name: REFERENCE_VC, accepts: referenceVerifies },
  ];

  for (const cryptosuite of ['eddsa-rdfc-2022', 'eddsa-jcs-2022'] as Cryptosuite[]) {
    const oursSign = (): Promise<JsonObject> =>
      signCredential({ credential, signer, cryptosuite, documentLoader, now });
    // A shallow copy per call: vc.issue adds `proof` to the object it is given (see the top of this file).
    const referenceSign = (): Promise<unknown> =>
      vc.issue({
        credential: { ...credential },
        suite: new DataIntegrityProof({
          signer: keyPair.signer(),
          cryptosuite: cryptosuite === 'eddsa-rdfc-2022' ? rdfcSuite : createSignCryptosuite(),
        }),
        documentLoader,
      });
    const ours = deepFreeze(await oursSign());
    const reference = deepFreeze(await referenceSign());
    await crossCheck(cryptosuite, { ours, reference }, renamed, verifiers);
    if (cryptosuite === 'eddsa-rdfc-2022') await checkSameProof(ours, credential, keyPair, now, documentLoader);
    const isRdfc = cryptosuite === 'eddsa-rdfc-2022';

    rows.push({
      operation: `${cryptosuite} sign`,
      ...(await measure(`${cryptosuite} sign`, oursSign, referenceSign)),
      referenceName: REFERENCE_VC,
      floor: floorSign,
      ...(isRdfc ? { target: TARGETS.rdfcSign } : {}),
    });
    rows.push({
      operation: `${cryptosuite} verify`,
      ...(await measure(
        `${cryptosuite} verify`,
        async () => {
          if (!(await oursVerifies(ours))) throw new Error(`our ${cryptosuite} verify failed while timed`);
        },
        async () => {
          if (!(await referenceVerifies(reference)))
            throw new Error(`reference ${cryptosuite} verify failed while timed`);
        },
      )),
      referenceName: REFERENCE_VC,
      floor: floorVerify,
      ...(isRdfc ? { target: TARGETS.rdfcVerify } : {}),
    });
    // The same work as vc.verifyCredential: the key (under assertionMethod of its controller) and the signature.
    const [proof] = ours.proof as JsonObject[];
    const oursProofOnly = async (): Promise<void> => {
      const key = await resolveAssertionKey(proof!.verificationMethod as string, documentLoader, 'assertionMethod');
      if (
        key.controller !== did ||
        !(await verifyProofSignature({
          document: ours,
          proof: proof!,
          publicKeyMultibase: key.publicKeyMultibase,
          documentLoader,
        }))
      ) {
        throw new Error(`our ${cryptosuite} signature check failed while timed`);
      }
    };
    rows.push({
      operation: `${cryptosuite} verify, key and signature only`,
      ...(await measure(`${cryptosuite} verify (key and signature)`, oursProofOnly, async () => {
        if (!(await referenceVerifies(reference)))
          throw new Error(`reference ${cryptosuite} verify failed while timed`);
      })),
      referenceName: REFERENCE_VC,
      floor: floorVerify,
      ...(isRdfc ? { target: TARGETS.rdfcVerify } : {}),
    });
  }

  // VC-JWT: the same credential and key; jose writes the same header and registered claims as ours.
  const josePrivate = await importJWK({ ...privateKey.export({ format: 'jwk' }), alg: 'EdDSA' }, 'EdDSA');
  const josePublic = await importJWK({ ...publicKey.export({ format: 'jwk' }), alg: 'EdDSA' }, 'EdDSA');
  const oursJwtSign = (): string => signJwt({ credential, signer });
  const joseSign = (): Promise<string> =>
    new SignJWT({ ...credential })
      .setProtectedHeader({ alg: 'EdDSA', kid: signer.verificationMethod, typ: 'vc+jwt' })
      .setIssuer(did)
      .setJti(credential.id as string)
      .setNotBefore(Math.floor(Date.parse(credential.validFrom as string) / 1000))
      .sign(josePrivate);
  const joseVerifies = async (token: unknown): Promise<boolean> => {
    try {
      await jwtVerify(String(token), josePublic, { algorithms: ['EdDSA'] });
      return true;
    } catch {
      return false;
    }
  };
  const oursJwt = oursJwtSign();
  const joseJwt = await joseSign();
  await crossCheck('VC-JWT', { ours: oursJwt, jose: joseJwt }, tamperJwt, [
    { name: '@cairn/credentials', accepts: oursVerifies },
    { name: 'jose', accepts: joseVerifies },
  ]);
  rows.push({
    operation: 'VC-JWT EdDSA sign',
    ...(await measure('VC-JWT sign', oursJwtSign, joseSign)),
    referenceName: REFERENCE_JOSE,
    floor: floorSign,
  });
  rows.push({
    operation: 'VC-JWT EdDSA verify',
    ...(await measure(
      'VC-JWT verify',
      async () => {
        if (!(await oursVerifies(oursJwt))) throw new Error('our VC-JWT verify failed while timed');
      },
      () => jwtVerify(joseJwt, josePublic, { algorithms: ['EdDSA'] }),
    )),
    referenceName: REFERENCE_JOSE,
    floor: floorVerify,
  });

  rows.push({ operation: 'raw Ed25519 sign, 1 KiB (floor)', reference: floorSign, referenceName: 'node:crypto' });
  rows.push({ operation: 'raw Ed25519 verify, 1 KiB (floor)', reference: floorVerify, referenceName: 'node:crypto' });
  return { rows, credentialBytes, environment };
}

/** Issue 11: eddsa-rdfc-2022 sign at least 25 times and verify at least 20 times the reference, per core. */
export const TARGETS = { rdfcSign: 25, rdfcVerify: 20 } as const;

/**
 * Ours and the reference, signing the same credential with the same key at the same instant,
 * must produce the same proof, byte for byte: Ed25519 is deterministic, so equal proofValues
 * mean both hashed the same canonical N-Quads.
 */
async function checkSameProof(
  ours: JsonObject,
  credential: JsonObject,
  keyPair: Ed25519Multikey.KeyPair,
  now: Date,
  documentLoader: DocumentLoader,
): Promise<void> {
  const theirs = await vc.issue({
    credential: { ...credential },
    suite: new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite: rdfcSuite, date: now }),
    documentLoader,
  });
  const [ourProof] = ours.proof as JsonObject[];
  const theirProof = theirs.proof as JsonObject;
  const fields = ['type', 'cryptosuite', 'created', 'verificationMethod', 'proofPurpose', 'proofValue'];
  const differing = fields.filter((field) => ourProof?.[field] !== theirProof[field]);
  if (differing.length > 0)
    throw new Error(
      `Sanity check failed: our eddsa-rdfc-2022 proof differs from the reference's in ${differing.join(', ')}`,
    );
  process.stderr.write(
    'eddsa-rdfc-2022: ours and the reference sign the same bytes (identical proofs at the same instant)\n',
  );
}

const format = (n: number | undefined): string => (n === undefined ? '—' : Math.round(n).toLocaleString('en-GB'));

const times = (a: number | undefined, b: number | undefined): string =>
  a !== undefined && b ? `${(a / b).toFixed(2)}×` : '—';

/** The results as one Markdown table: ours, the reference and the Ed25519 floor, as ratios to the reference. */
export function formatTable(rows: readonly Row[]): string {
  const lines = [
    '| operation | ours ops/s | reference ops/s | raw Ed25519 floor ops/s | ours/reference | target | floor/reference | ours/floor | reference name |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const row of rows) {
    const ratio = times(row.ours, row.reference);
    const target =
      row.target === undefined
        ? ''
        : `≥ ${row.target}× ${row.ours !== undefined && row.ours / row.reference >= row.target ? 'met' : 'NOT met'}`;
    lines.push(
      `| ${row.operation} | ${format(row.ours)} | ${format(row.reference)} | ${format(row.floor)} | ${ratio} | ${target} | ${times(row.floor, row.reference)} | ${times(row.ours, row.floor)} | ${row.referenceName} |`,
    );
  }
  return lines.join('\n');
}
