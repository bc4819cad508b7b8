import type { Db } from '../db/transaction.js';
import type { CredentialFormat } from '../db/schema.js';

export type NewCredentialRow = {
  id: string;
  orgId: string;
  credentialId: string;
  format: CredentialFormat;
  cryptosuite: string | null;
  document: string;
  types: string[];
  achievementName: string | null;
  recipientUserId: string | null;
  recipientLabel: string | null;
  recipientEmail: string | null;
  /** Null when the caller sent its own credentialStatus. */
  statusListNumber: number | null;
  statusIndex: number | null;
  statusPurposes: ('revocation' | 'suspension')[];
  issuedAt: Date;
  validUntil: Date | null;
  idempotencyKey: string | null;
  createdByKey: string | null;
  createdByUser: string | null;
};

function valuesOf(row: NewCredentialRow) {
  return {
    id: row.id,
    org_id: row.orgId,
    credential_id: row.credentialId,
    format: row.format,
    cryptosuite: row.cryptosuite,
    document: row.document,
    types: row.types,
    achievement_name: row.achievementName,
    recipient_user_id: row.recipientUserId,
    recipient_label: row.recipientLabel,
    recipient_email: row.recipientEmail,
    status_list_number: row.statusListNumber,
    status_index: row.statusIndex,
    status_purposes: row.statusPurposes,
    issued_at: row.issuedAt,
    valid_until: row.validUntil,
    idempotency_key: row.idempotencyKey,
    created_by_key: row.createdByKey,
    created_by_user: row.createdByUser,
  };
}

/**
 * Inserts many credentials in one statement; a row whose idempotency key the organisation
 * already used is skipped (issued before). Returns the ids actually inserted.
 */
export async function insertCredentials(db: Db, rows: NewCredentialRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const inserted = await db
    .insertInto('credentials')
    .values(rows.map(valuesOf))
    .onConflict((oc) => oc.columns(['org_id', 'idempotency_key']).doNothing())
    .returning('id')
    .execute();
  return new Set(inserted.map((r) => r.id));
}

export async function insertCredential(db: Db, row: NewCredentialRow) {
  await db.insertInto('credentials').values(valuesOf(row)).execute();
}

const columns = [
  'id',
  'org_id',
  'credential_id',
  'format',
  'document',
  'types',
  'achievement_name',
  'recipient_label',
  'recipient_user_id',
  'status_list_number',
  'status_index',
  'status_purposes',
  'issued_at',
  'valid_until',
  'revoked_at',
  'revocation_reason',
  'suspended_at',
  'suspension_reason',
] as const;

export function findCredentialByIdempotencyKey(db: Db, orgId: string, key: string) {
  return db
    .selectFrom('credentials')
    .select(columns)
    .where('org_id', '=', orgId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}

/** By the row's uuid or by the credential's own `id` (its URL). */
export function findCredential(db: Db, id: string, options: { forUpdate?: boolean } = {}) {
  const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
  let q = db.selectFrom('credentials').select(columns);
  q = isUuid ? q.where('id', '=', id) : q.where('credential_id', '=', id);
  if (options.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function setCredentialStatus(
  db: Db,
  id: string,
  changes: {
    revokedAt?: Date;
    revocationReason?: string | null;
    suspendedAt?: Date | null;
    suspensionReason?: string | null;
  },
) {
  await db
    .updateTable('credentials')
    .set({
      ...(changes.revokedAt !== undefined
        ? { revoked_at: changes.revokedAt, revocation_reason: changes.revocationReason ?? null }
        : {}),
      ...(changes.suspendedAt !== undefined
        ? { suspended_at: changes.suspendedAt, suspension_reason: changes.suspensionReason ?? null }
        : {}),
    })
    .where('id', '=', id)
    .execute();
}

export function listCredentialsOfOrg(db: Db, orgId: string, options: { limit: number; offset: number }) {
  return db
    .selectFrom('credentials')
    .select([
      'id',
      'credential_id',
      'format',
      'achievement_name',
      'recipient_label',
      'issued_at',
      'valid_until',
      'revoked_at',
      'suspended_at',
      'status_purposes',
    ])
    .where('org_id', '=', orgId)
    .orderBy('issued_at', 'desc')
    .limit(options.limit)
    .offset(options.offset)
    .execute();
}

/** Credentials issued to this (normalised) email that no account holds yet. */
export function listUnclaimedCredentialsForEmail(db: Db, email: string) {
  return db
    .selectFrom('credentials')
    .select(['id', 'format', 'document'])
    .where('recipient_email', '=', email)
    .where('recipient_user_id', 'is', null)
    .execute();
}

export async function linkCredentialsToUser(db: Db, ids: string[], userId: string) {
  if (ids.length === 0) return;
  await db
    .updateTable('credentials')
    .set({ recipient_user_id: userId })
    .where('id', 'in', ids)
    .where('recipient_user_id', 'is', null)
    .execute();
}

/** Whether a credential with this `id` was already issued here (ids are unique on this Cairn). */
export async function credentialIdIsTaken(db: Db, credentialId: string) {
  const row = await db
    .selectFrom('credentials')
    .select('id')
    .where('credential_id', '=', credentialId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Credentials whose validity ended by `now` and whose expiry has no event yet, oldest first,
 * locked; rows another scan holds are skipped, so two scans never announce one expiry twice.
 */
export function lockExpiredWithoutEvent(db: Db, now: Date, limit: number) {
  return db
    .selectFrom('credentials')
    .select(['id', 'org_id', 'recipient_user_id', 'valid_until'])
    .where('expiry_recorded_at', 'is', null)
    .where('valid_until', '<=', now)
    .orderBy('valid_until')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export async function markExpiryRecorded(db: Db, ids: readonly string[], at: Date) {
  if (ids.length === 0) return;
  await db.updateTable('credentials').set({ expiry_recorded_at: at }).where('id', 'in', ids).execute();
}
