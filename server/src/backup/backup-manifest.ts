import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { migrations as knownMigrations } from '../db/migrations/index.js';

/** Names of the entries of a backup archive (a plain tar). */
export const ARCHIVE_ENTRIES = {
  manifest: 'manifest.json',
  pglite: 'pglite-data.tar.gz',
  postgres: 'postgres.dump',
  masterKey: 'master.key',
} as const;

export const manifestSchema = z.object({
  format: z.literal('cairn-backup'),
  formatVersion: z.literal(1),
  cairnVersion: z.string(),
  engine: z.enum(['pglite', 'postgres']),
  createdAt: z.iso.datetime(),
  /** `server_version` of the database that was dumped (PGlite reports its PostgreSQL). */
  postgresVersion: z.string(),
  /** Cairn's migrations applied in the dumped database, in order. */
  migrations: z.array(z.string()),
  database: z.object({
    file: z.enum([ARCHIVE_ENTRIES.pglite, ARCHIVE_ENTRIES.postgres]),
    bytes: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  masterKey: z.object({
    /** Fingerprint of the key that opens this backup's signing keys; null when none was at hand. */
    fingerprint: z.string().nullable(),
    isIncluded: z.boolean(),
  }),
});

export type BackupManifest = z.infer<typeof manifestSchema>;

/** The version in the root package.json: the Cairn release that wrote a backup. */
export async function cairnVersion(): Promise<string> {
  const text = await readFile(path.resolve(import.meta.dirname, '../../../package.json'), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

/**
 * Checks that a manifest is one this Cairn can restore: a known format, and no migration this
 * code does not have (a backup from a newer Cairn has a schema this one does not know; an
 * older one is migrated forward after the restore). Throws a message for a person.
 */
export function checkRestorable(raw: unknown): BackupManifest {
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `its manifest.json is not a Cairn backup manifest this version reads (${parsed.error.issues.map((i) => `${i.path.join('.') || 'manifest'}: ${i.message}`).join('; ')})`,
    );
  }
  const manifest = parsed.data;
  const known = Object.keys(knownMigrations);
  const unknown = manifest.migrations.filter((m) => !known.includes(m));
  if (unknown.length > 0) {
    throw new Error(
      `it was made by a newer Cairn (${manifest.cairnVersion}) whose database has migrations this one lacks: ${unknown.join(', ')}. Restore it with that version or a later one`,
    );
  }
  return manifest;
}
