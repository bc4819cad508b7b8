import type { PGlite } from '@electric-sql/pglite';
import type { Db } from './db/transaction.js';
import type { MemberRole } from './db/schema.js';
import type { JobQueue } from './jobs/job-queue.js';

/** What every use case may depend on. Passed in, so tests control time and storage. */
export type Deps = {
  db: Db;
  clock: () => Date;
  /** The origin people and verifiers reach Cairn at. */
  publicUrl: URL;
  /** 32-byte key that encrypts signing keys at rest. */
  masterKey: Buffer;
  /** The durable job queue; send jobs with the transaction that causes them. */
  jobs: JobQueue;
  /** The embedded database itself, when the engine is PGlite (an online backup copies its data directory). */
  pglite?: PGlite;
};

/** Who is asking. Decided once per request by the HTTP layer; services decide what it may do. */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'user'; userId: string; sessionId: string }
  | { kind: 'apiKey'; apiKeyId: string; orgId: string; role: MemberRole };

export const anonymous: Actor = { kind: 'anonymous' };
