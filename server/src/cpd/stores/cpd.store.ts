import { sql } from 'kysely';
import type { Db } from '../../db/transaction.js';
import type { CpdCategory, CpdScheme } from '../cpd-record.js';

// A learner's CPD record: their scheme, entries and evidence files. Every query names the learner.

/** A date column as YYYY-MM-DD, whether the driver gives a Date (pg) or a string (PGlite). */
export function isoDate(value: Date | string): string {
  return typeof value === 'string' ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

export async function findScheme(db: Db, learnerId: string): Promise<CpdScheme | null> {
  const row = await db.selectFrom('cpd_schemes').selectAll().where('learner_id', '=', learnerId).executeTakeFirst();
  if (!row) return null;
  return {
    preset: row.preset,
    name: row.name,
    body: row.body,
    unit: row.unit,
    target: Number(row.target),
    periodStartMonth: row.period_start_month,
    caps: {
      structured: row.structured_cap === null ? null : Number(row.structured_cap),
      'self-directed': row.self_directed_cap === null ? null : Number(row.self_directed_cap),
    },
    carryOverMax: Number(row.carry_over_max),
  };
}

export async function upsertScheme(db: Db, learnerId: string, s: CpdScheme, now: Date): Promise<void> {
  const values = {
    preset: s.preset,
    name: s.name,
    body: s.body,
    unit: s.unit,
    target: s.target,
    period_start_month: s.periodStartMonth,
    structured_cap: s.caps.structured,
    self_directed_cap: s.caps['self-directed'],
    carry_over_max: s.carryOverMax,
    updated_at: now,
  };
  await db
    .insertInto('cpd_schemes')
    .values({ learner_id: learnerId, ...values })
    .onConflict((oc) => oc.column('learner_id').doUpdateSet(values))
    .execute();
}

export type CpdEntryRow = {
  id: string;
  date: string;
  title: string;
  hours: number;
  category: CpdCategory;
  source: 'credential' | 'self';
  credentialId: string | null;
  walletCredentialId: string | null;
  evidenceLink: string | null;
  evidenceFileId: string | null;
  evidenceFileName: string | null;
  learned: string | null;
  application: string | null;
};

/** Entries dated within [from, to] (inclusive), oldest first. */
export async function listEntries(db: Db, learnerId: string, from: string, to: string): Promise<CpdEntryRow[]> {
  const rows = await db
    .selectFrom('cpd_entries as e')
    .leftJoin('cpd_evidence_files as f', (j) =>
      j.onRef('f.id', '=', 'e.evidence_file_id').on('f.learner_id', '=', learnerId),
    )
    .select([
      'e.id',
      // As text: the pg driver turns a date into a local-midnight Date, which shifts across time zones.
      sql<string>`e.activity_date::text`.as('activity_date'),
      'e.title',
      'e.hours',
      'e.category',
      'e.source',
      'e.credential_id',
      'e.wallet_credential_id',
      'e.evidence_link',
      'e.evidence_file_id',
      'f.filename',
      'e.learned',
      'e.application',
    ])
    .where('e.learner_id', '=', learnerId)
    .where('e.activity_date', '>=', from)
    .where('e.activity_date', '<=', to)
    .orderBy('e.activity_date')
    .orderBy('e.created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    date: isoDate(r.activity_date),
    title: r.title,
    hours: Number(r.hours),
    category: r.category,
    source: r.source,
    credentialId: r.credential_id,
    walletCredentialId: r.wallet_credential_id,
    evidenceLink: r.evidence_link,
    evidenceFileId: r.evidence_file_id,
    evidenceFileName: r.filename ?? null,
    learned: r.learned,
    application: r.application,
  }));
}

export async function insertSelfEntry(
  db: Db,
  learnerId: string,
  e: {
    date: string;
    title: string;
    hours: number;
    category: CpdCategory;
    evidenceLink: string | null;
    evidenceFileId: string | null;
    learned: string;
    application: string;
  },
): Promise<string> {
  const row = await db
    .insertInto('cpd_entries')
    .values({
      learner_id: learnerId,
      activity_date: e.date,
      title: e.title,
      hours: e.hours,
      category: e.category,
      source: 'self',
      evidence_link: e.evidenceLink,
      evidence_file_id: e.evidenceFileId,
      learned: e.learned,
      application: e.application,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An entry for a credential; a second delivery of the same event adds nothing. */
export async function insertCredentialEntry(
  db: Db,
  learnerId: string,
  e: { date: string; title: string; hours: number; credentialId?: string; walletCredentialId?: string },
): Promise<boolean> {
  const result = await db
    .insertInto('cpd_entries')
    .values({
      learner_id: learnerId,
      activity_date: e.date,
      title: e.title,
      hours: e.hours,
      category: 'structured',
      source: 'credential',
      credential_id: e.credentialId ?? null,
      wallet_credential_id: e.walletCredentialId ?? null,
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Deletes one of the learner's self-logged entries; credential entries follow their credential. */
export async function deleteSelfEntry(db: Db, learnerId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('cpd_entries')
    .where('id', '=', id)
    .where('learner_id', '=', learnerId)
    .where('source', '=', 'self')
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function insertEvidenceFile(
  db: Db,
  learnerId: string,
  f: { filename: string; mediaType: string; bytes: Uint8Array; sha256: string },
): Promise<string> {
  const row = await db
    .insertInto('cpd_evidence_files')
    .values({
      learner_id: learnerId,
      filename: f.filename,
      media_type: f.mediaType,
      size: f.bytes.length,
      sha256: f.sha256,
      bytes: f.bytes,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function hasEvidenceFile(db: Db, learnerId: string, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('cpd_evidence_files')
    .select(sql<number>`1`.as('one'))
    .where('id', '=', id)
    .where('learner_id', '=', learnerId)
    .executeTakeFirst();
  return row !== undefined;
}

export function evidenceFiles(db: Db, learnerId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('cpd_evidence_files')
    .select(['id', 'filename', 'media_type', 'bytes'])
    .where('learner_id', '=', learnerId)
    .where('id', 'in', ids)
    .execute();
}

/** The signed documents of the learner's credentials (issued here or in the wallet) behind these entries. */
export async function credentialDocuments(db: Db, learnerId: string, credentialIds: string[], walletIds: string[]) {
  const issued =
    credentialIds.length === 0
      ? []
      : await db
          .selectFrom('credentials')
          .select(['id', 'credential_id', 'document', 'format'])
          .where('recipient_user_id', '=', learnerId)
          .where('id', 'in', credentialIds)
          .execute();
  const wallet =
    walletIds.length === 0
      ? []
      : await db
          .selectFrom('wallet_credentials')
          .select(['id', 'credential_id', 'document', 'format'])
          .where('learner_id', '=', learnerId)
          .where('id', 'in', walletIds)
          .execute();
  return { issued, wallet };
}

/**
 * What a credential issued on Cairn is worth in CPD: the programme's CPD hours (through its
 * enrolment), else the credential's own `creditsEarned`. Null when it is not this learner's.
 */
export async function issuedCredentialFacts(db: Db, credentialRowId: string) {
  return db
    .selectFrom('credentials as c')
    .leftJoin('enrolments as e', 'e.credential_row_id', 'c.id')
    .leftJoin('microcredential_versions as mv', 'mv.id', 'e.version_id')
    .select([
      'c.id',
      'c.recipient_user_id',
      'c.achievement_name',
      'c.issued_at',
      'mv.cpd_hours',
      sql<
        string | null
      >`case when c.format = 'ldp' then (c.document::jsonb #>> '{credentialSubject,creditsEarned}') end`.as(
        'creditsEarned',
      ),
    ])
    .where('c.id', '=', credentialRowId)
    .where(sql<boolean>`not ('ClrCredential' = any (c.types))`)
    .executeTakeFirst();
}

/** Active wallet credentials with CPD hours or credits that have no entry yet. */
export function walletCredentialsWithoutEntry(db: Db, learnerId: string) {
  return db
    .selectFrom('wallet_credentials as w')
    .select([
      'w.id',
      'w.achievement_name',
      'w.achievement_id',
      'w.cpd_hours',
      'w.credits',
      'w.valid_from',
      'w.added_at',
    ])
    .where('w.learner_id', '=', learnerId)
    .where('w.status', '=', 'active')
    .where((eb) => eb.or([eb('w.cpd_hours', '>', 0), eb('w.credits', '>', 0)]))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('cpd_entries as e')
            .select(sql<number>`1`.as('one'))
            .whereRef('e.wallet_credential_id', '=', 'w.id')
            .where('e.learner_id', '=', learnerId),
        ),
      ),
    )
    .execute();
}

/** The learner's name and address, for the audit pack's cover. */
export function learnerOf(db: Db, learnerId: string) {
  return db.selectFrom('users').select(['name', 'email']).where('id', '=', learnerId).executeTakeFirst();
}
