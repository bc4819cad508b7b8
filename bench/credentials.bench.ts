// Sign and verify throughput of @cairn/credentials next to the W3C reference stack
// (@digitalbazaar/vc 7.3.0 for Data Integrity, jose for VC-JWT), on the same ~1.5 KB Open Badge,
// in one Node.js thread, same run. Raw Ed25519 from node:crypto is the floor of what is possible.
import { generateKeyPairSync, sign as edSign, verify as edVerify } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite as rdfcSuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { createSignCryptosuite, createVerifyCryptosuite } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import { importJWK, jwtVerify, SignJWT } from 'jose';
import {
  createDocumentLoader, createSigner, didKeyFromPublicKey, didKeyVerificationMethod, generateEd25519Multikey,
  signCredential, signJwt, verifyCredential, type Cryptosuite,
} from '../credentials/src/index.js';
import type { JsonObject } from '../credentials/src/util/json.js';

type Row = { operation: string; ours?: number; reference?: number; referenceName: string };

const TIME_BOX_MS = Number(process.env.BENCH_TIME_MS ?? 2000);
const WARM_UP = 30;

/** Runs `fn` sequentially for a time box and returns operations per second. */
async function timeBox(fn: () => unknown, ms: number): Promise<number> {
  let count = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    await fn();
    count++;
    elapsed = performance.now() - start;
  }
  return (count * 1000) / elapsed;
}

const ROUNDS = 5;

/**
 * Ours and the reference, warmed up, then timed in alternating rounds so that both see the same
 * machine load; each side's best round is reported (the run least disturbed by other processes).
 */
async function compare(ours: (() => unknown) | undefined, reference: () => unknown): Promise<{ ours?: number; reference: number }> {
  for (let i = 0; i < WARM_UP; i++) {
    await ours?.();
    await reference();
  }
  const oursRounds: number[] = [];
  const referenceRounds: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    if (ours) oursRounds.push(await timeBox(ours, TIME_BOX_MS / ROUNDS));
    referenceRounds.push(await timeBox(reference, TIME_BOX_MS / ROUNDS));
    if (process.env.BENCH_DEBUG) process.stderr.write(`  round ${round}: ${oursRounds.at(-1)?.toFixed(0) ?? "-"} / ${referenceRounds.at(-1)?.toFixed(0)}\n`);
  }
  return { ...(ours ? { ours: Math.max(...oursRounds) } : {}), reference: Math.max(...referenceRounds) };
}

function credentialFor(issuer: string): JsonObject {
  return {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ],
    id: 'urn:uuid:2f3e1c0a-4b5d-4e6f-8a9b-0c1d2e3f4a5b',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: 'Safe Lifting Practices',
    issuer: { id: issuer, type: ['Profile'], name: 'Acme Training', url: 'https://acme.example' },
    validFrom: '2025-01-15T09:00:00Z',
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{
        type: 'IdentityObject', hashed: true, identityType: 'emailAddress', salt: 'pepper-1',
        identityHash: 'sha256$2a1f6c2a9f3c5b0b7d0f5f2f8b8a1f6f2f0f1f3c2b5a8e7d6c5b4a3f2e1d0c9b',
      }],
      achievement: {
        id: 'https://acme.example/achievements/safe-lifting',
        type: ['Achievement'],
        achievementType: 'MicroCredential',
        name: 'Safe Lifting Practices',
        description: 'Demonstrates safe manual handling of loads up to 25 kg in a warehouse setting.',
        criteria: { narrative: 'Completed the two-hour practical course and passed the observed assessment.' },
        alignment: [{
          type: ['Alignment'], targetName: 'Manual handling', targetUrl: 'https://example.org/frameworks/manual-handling',
          targetType: 'ceasn:Competency', targetFramework: 'Warehouse Skills', targetCode: 'MH-1',
        }],
        tag: ['safety', 'warehouse'],
      },
      result: [{ type: ['Result'], status: 'Completed' }],
    },
  };
}

/** Measures everything and returns the rows; prints progress to stderr. */
export async function runCredentialsBench(): Promise<{ rows: Row[]; credentialBytes: number }> {
  const documentLoader = createDocumentLoader();
  const keys = generateEd25519Multikey();
  const did = didKeyFromPublicKey(keys.publicKeyMultibase);
  const signer = createSigner({ verificationMethod: didKeyVerificationMethod(did), ...keys });
  const credential = credentialFor(did);
  const credentialBytes = Buffer.byteLength(JSON.stringify(credential));
  const keyPair = await Ed25519Multikey.from({ ...keys, id: signer.verificationMethod, controller: did });
  const verifySuites = [new DataIntegrityProof({ cryptosuite: rdfcSuite }), new DataIntegrityProof({ cryptosuite: createVerifyCryptosuite() })];
  const rows: Row[] = [];
  const now = new Date();

  for (const cryptosuite of ['eddsa-rdfc-2022', 'eddsa-jcs-2022'] as Cryptosuite[]) {
    const referenceSuite = (): DataIntegrityProof =>
      new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite: cryptosuite === 'eddsa-rdfc-2022' ? rdfcSuite : createSignCryptosuite() });
    const ours = await signCredential({ credential, signer, cryptosuite, documentLoader, now });
    const reference = await vc.issue({ credential, suite: referenceSuite(), documentLoader });
    // Both sides must accept what they are timed on.
    if (!(await verifyCredential({ credential: ours, documentLoader })).verified) throw new Error(`our ${cryptosuite} credential does not verify`);
    if (!(await vc.verifyCredential({ credential: reference, suite: verifySuites, documentLoader })).verified) throw new Error(`reference ${cryptosuite} does not verify`);

    process.stderr.write(`${cryptosuite} sign…\n`);
    rows.push({
      operation: `${cryptosuite} sign`,
      ...(await compare(
        () => signCredential({ credential, signer, cryptosuite, documentLoader, now }),
        () => vc.issue({ credential, suite: referenceSuite(), documentLoader }),
      )),
      referenceName: '@digitalbazaar/vc 7.3.0',
    });
    process.stderr.write(`${cryptosuite} verify…\n`);
    rows.push({
      operation: `${cryptosuite} verify`,
      ...(await compare(
        () => verifyCredential({ credential: ours, documentLoader }),
        () => vc.verifyCredential({ credential: reference, suite: verifySuites, documentLoader }),
      )),
      referenceName: '@digitalbazaar/vc 7.3.0',
    });
  }

  process.stderr.write('VC-JWT…\n');
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const josePrivate = await importJWK({ ...privateKey.export({ format: 'jwk' }), alg: 'EdDSA' }, 'EdDSA');
  const josePublic = await importJWK({ ...publicKey.export({ format: 'jwk' }), alg: 'EdDSA' }, 'EdDSA');
  const joseSign = (): Promise<string> =>
    new SignJWT({ ...credential }).setProtectedHeader({ alg: 'EdDSA', kid: signer.verificationMethod, typ: 'vc+jwt' })
      .setIssuer(did).setJti(credential.id as string).setNotBefore(Math.floor(Date.parse(credential.validFrom as string) / 1000)).sign(josePrivate);
  const ourJwt = signJwt({ credential, signer });
  const joseJwt = await joseSign();
  if (!(await verifyCredential({ credential: ourJwt, documentLoader })).verified) throw new Error('our JWT does not verify');
  rows.push({
    operation: 'VC-JWT EdDSA sign',
    ...(await compare(() => signJwt({ credential, signer }), joseSign)),
    referenceName: 'jose 6 (signature only)',
  });
  rows.push({
    operation: 'VC-JWT EdDSA verify',
    ...(await compare(() => verifyCredential({ credential: ourJwt, documentLoader }), () => jwtVerify(joseJwt, josePublic))),
    referenceName: 'jose 6 (signature only)',
  });

  process.stderr.write('raw Ed25519…\n');
  const data = Buffer.alloc(1024, 7);
  const signature = edSign(null, data, privateKey);
  rows.push({ operation: 'raw Ed25519 sign, 1 KiB (floor)', ...(await compare(undefined, () => edSign(null, data, privateKey))), referenceName: 'node:crypto' });
  rows.push({ operation: 'raw Ed25519 verify, 1 KiB (floor)', ...(await compare(undefined, () => edVerify(null, data, publicKey, signature))), referenceName: 'node:crypto' });
  return { rows, credentialBytes };
}

const format = (n: number | undefined): string => (n === undefined ? '—' : Math.round(n).toLocaleString('en-GB'));

/** The results as a Markdown table. */
export function formatTable(rows: readonly Row[]): string {
  const lines = [
    '| operation | ours (ops/s) | reference (ops/s) | ours / reference | reference |',
    '|---|---:|---:|---:|---|',
  ];
  for (const row of rows) {
    const ratio = row.ours !== undefined && row.reference ? `${(row.ours / row.reference).toFixed(2)}×` : '—';
    lines.push(`| ${row.operation} | ${format(row.ours)} | ${format(row.reference)} | ${ratio} | ${row.referenceName} |`);
  }
  return lines.join('\n');
}
