import { createHash } from 'node:crypto';
import type { Engine } from '../db/database.js';

/** A dump of Cairn's database and what a manifest needs to say about it. */
export type DatabaseDump = {
  engine: Engine;
  /** `server_version` of the dumped database. */
  postgresVersion: string;
  /** Cairn's migrations applied in it, in order. */
  migrations: string[];
  /** The dump itself: in memory (PGlite's data directory) or a file (pg_dump's output). */
  content: { bytes: Buffer } | { file: string };
  size: number;
  sha256: string;
};

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
