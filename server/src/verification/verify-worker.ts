import { readlinkSync } from 'node:fs';
import type { MessagePort } from 'node:worker_threads';
import {
  checkVerifyLimits,
  createDocumentLoader,
  createSigner,
  didKeyFromPublicKey,
  didKeyVerificationMethod,
  generateEd25519Multikey,
  signCredential,
  verifyCredential,
  verifyPresentation,
  type PresentationVerificationResult,
  type VerificationResult,
} from '@cairn/credentials';
import { AppError, type AppErrorCode, type FieldError } from '../http/app-error.js';
import { readCredentialFile } from './credential-file.js';
import { limitRefusal } from './limit-refusal.js';
import { ioKey, type IoAnswerValue, type IoKind } from './verify-io.js';

// Runs in a worker thread of the verify pool: no database, no network. What only the main
// thread can reach (DID documents and status lists from the database, the guarded remote fetch)
// is asked for over the task's MessagePort.

type JsonObject = Record<string, unknown>;

export type { IoAnswerValue, IoKind } from './verify-io.js';

/** What is to be verified: a credential already read, or a file to read it from first. */
export type VerifyJob =
  | { source: 'credential'; credential: JsonObject | string }
  | { source: 'file'; bytes: Uint8Array; filename: string }
  | { source: 'presentation'; presentation: JsonObject | string; challenge?: string; domain?: string };

export type VerifyTask = {
  job: VerifyJob;
  /** The task's own channel to the main thread (transferred). */
  port: MessagePort;
  now: Date;
  recipientEmail?: string;
  /** VC-API challenge / domain the credential's proof must carry. */
  expectedProof?: { challenge?: string; domain?: string };
  /** Whether the main thread answers `fetchStatusList`; without it status is reported as not checked. */
  canFetchStatusLists: boolean;
  /**
   * Answers the main thread looked up before the task started, by `ioKey(kind, argument)`: the
   * same answers it would give when asked, sent along so the worker need not wait for them.
   */
  prefetched?: Record<string, IoAnswerValue>;
};

/**
 * Worker → main: the task began (its budget starts now; `cpuStatPath` is where the main thread
 * reads this thread's CPU time, on Linux), or an I/O request.
 */
export type WorkerMessage =
  { type: 'started'; cpuStatPath: string | undefined } | { type: 'io'; id: number; kind: IoKind; argument: string };

/** Main → worker: the answer to I/O request `id`. */
export type IoAnswer = { id: number; value: unknown } | { id: number; error: string };

export type VerifyTaskOutcome =
  /** `credential` is what was read from a file (absent when a credential was given). */
  | { ok: true; result: VerificationResult; credential?: JsonObject | string }
  /** A verifiable presentation's report, with each embedded credential's. */
  | { ok: true; presentation: PresentationVerificationResult }
  /** A refusal for people: the file could not be read, or the credential is over a limit. */
  | { ok: false; code: AppErrorCode; message: string; fields: FieldError[] };

/** This thread's /proc stat file (Linux), so the main thread can measure its CPU time. */
function threadStatPath(): string | undefined {
  try {
    return `/proc/${readlinkSync('/proc/thread-self')}/stat`;
  } catch {
    return undefined;
  }
}
const cpuStatPath = threadStatPath();

/**
 * One verification when the thread starts: the first one pays for compiling the schemas and
 * expanding the bundled contexts, and that cost must not count against a caller's budget.
 */
async function warmUp(): Promise<void> {
  const key = generateEd25519Multikey();
  const did = didKeyFromPublicKey(key.publicKeyMultibase);
  const documentLoader = createDocumentLoader();
  const now = new Date();
  const credential = await signCredential({
    credential: {
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      ],
      id: 'urn:uuid:00000000-0000-4000-8000-000000000000',
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      name: 'Warm-up',
      issuer: { id: did, type: ['Profile'], name: 'Warm-up' },
      validFrom: now.toISOString(),
      credentialSubject: {
        type: ['AchievementSubject'],
        id: did,
        achievement: {
          id: 'urn:uuid:00000000-0000-4000-8000-000000000001',
          type: ['Achievement'],
          name: 'Warm-up',
          description: 'Warm-up',
          criteria: { narrative: 'None' },
        },
      },
    },
    signer: createSigner({ verificationMethod: didKeyVerificationMethod(did), ...key }),
    cryptosuite: 'eddsa-rdfc-2022',
    documentLoader,
    now,
  });
  await verifyCredential({ credential, documentLoader, now });
}
try {
  await warmUp();
} catch {
  // Only an optimisation: a failure here shows up, with its reason, on the first real task.
}

function connect(port: MessagePort, prefetched: Record<string, IoAnswerValue> = {}) {
  let nextId = 0;
  // One answer per question and task: a verification asks for the issuer's DID document
  // several times (the credential's key, the status list's key, their controller).
  const asked = new Map<string, Promise<unknown>>();
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  port.on('message', (answer: IoAnswer) => {
    const waiting = pending.get(answer.id);
    if (!waiting) return;
    pending.delete(answer.id);
    if ('error' in answer) waiting.reject(new Error(answer.error));
    else waiting.resolve(answer.value);
  });
  const post = (message: WorkerMessage) => port.postMessage(message);
  return {
    started: () => post({ type: 'started', cpuStatPath }),
    ask: (kind: IoKind, argument: string): Promise<unknown> => {
      const key = ioKey(kind, argument);
      let answer = asked.get(key);
      if (!answer) {
        const given = Object.hasOwn(prefetched, key) ? prefetched[key] : undefined;
        answer = given
          ? 'error' in given
            ? Promise.reject(new Error(given.error))
            : Promise.resolve(given.value)
          : new Promise<unknown>((resolve, reject) => {
              nextId += 1;
              pending.set(nextId, { resolve, reject });
              post({ type: 'io', id: nextId, kind, argument });
            });
        asked.set(key, answer);
      }
      return answer;
    },
    close: () => port.close(),
  };
}

/** Verifies one credential; the pool's task function (default export, as piscina expects). */
export default async function runVerifyTask(task: VerifyTask): Promise<VerifyTaskOutcome> {
  const io = connect(task.port, task.prefetched);
  io.started();
  try {
    const { job } = task;
    const resolveDid = (did: string) => io.ask('resolveDid', did);
    const fetchStatusList = task.canFetchStatusLists
      ? { fetchStatusList: (url: string) => io.ask('fetchStatusList', url) }
      : {};
    if (job.source === 'presentation') {
      const presentation = await verifyPresentation({
        presentation: job.presentation,
        documentLoader: createDocumentLoader({ resolveDid }),
        resolveDid,
        now: task.now,
        ...fetchStatusList,
        ...(job.challenge !== undefined ? { challenge: job.challenge } : {}),
        ...(job.domain !== undefined ? { domain: job.domain } : {}),
      });
      return { ok: true, presentation };
    }
    const credential =
      job.source === 'file'
        ? readCredentialFile(Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength), job.filename)
        : job.credential;
    // Checked again here: a credential read out of an image has not been checked yet.
    const violation = checkVerifyLimits(credential);
    if (violation) throw limitRefusal(violation);
    const result = await verifyCredential({
      credential,
      documentLoader: createDocumentLoader({ resolveDid }),
      resolveDid,
      ...fetchStatusList,
      now: task.now,
      ...(task.recipientEmail !== undefined ? { recipientEmail: task.recipientEmail } : {}),
      ...(task.expectedProof !== undefined ? { expectedProof: task.expectedProof } : {}),
    });
    return { ok: true, result, ...(job.source === 'file' ? { credential } : {}) };
  } catch (error) {
    if (error instanceof AppError)
      return { ok: false, code: error.code, message: error.message, fields: error.fieldErrors };
    throw error;
  } finally {
    io.close();
  }
}
