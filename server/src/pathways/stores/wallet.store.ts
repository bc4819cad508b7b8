import type { Db } from '../../db/transaction.js';
import type { WalletStatus } from '../../db/schema.js';

// Credentials learners upload to their wallet, and their status checks.

export function insertWalletCredential(
  db: Db,
  row: {
    learnerId: string;
    credentialId: string | null;
    format: 'ldp' | 'jwt';
    document: string;
    sha256: string;
    achievementId: string;
    achievementName: string | null;
    issuerDid: string;
    issuerName: string | null;
    microcredentialId: string | null;
    credits: number;
    cpdHours: number;
    skillIds: string[];
    validFrom: Date | null;
    validUntil: Date | null;
    now: Date;
  },
) {
  return db
    .insertInto('wallet_credentials')
    .values({
      learner_id: row.learnerId,
      credential_id: row.credentialId,
      format: row.format,
      document: row.document,
      sha256: row.sha256,
      achievement_id: row.achievementId,
      achievement_name: row.achievementName,
      issuer_did: row.issuerDid,
      issuer_name: row.issuerName,
      microcredential_id: row.microcredentialId,
      credits: row.credits,
      cpd_hours: row.cpdHours,
      skill_ids: row.skillIds,
      valid_from: row.validFrom,
      valid_until: row.validUntil,
      added_at: row.now,
    })
    .onConflict((oc) => oc.columns(['learner_id', 'sha256']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

const walletColumns = [
  'id',
  'credential_id',
  'format',
  'document',
  'achievement_id',
  'achievement_name',
  'issuer_did',
  'issuer_name',
  'valid_from',
  'valid_until',
  'added_at',
  'credits',
  'cpd_hours',
  'skill_ids',
  'status',
  'status_reason',
  'status_checked_at',
  'status_check_error',
] as const;

/** Wallet entries whose status is due a check (one entry, or everyone's a page at a time in id order). */
export function walletEntriesToCheck(
  db: Db,
  filter: { learnerId?: string; id?: string; checkedBefore?: Date; afterId?: string; limit: number },
) {
  // An untrusted entry no longer verifies under Cairn's rules: its issuer's lists cannot revive it.
  let q = db
    .selectFrom('wallet_credentials')
    .select(['id', 'learner_id', 'format', 'document', 'status', 'issuer_did'])
    .where('status', '!=', 'untrusted')
    .orderBy('id')
    .limit(filter.limit);
  if (filter.learnerId) q = q.where('learner_id', '=', filter.learnerId);
  if (filter.id) q = q.where('id', '=', filter.id);
  if (filter.afterId) q = q.where('id', '>', filter.afterId);
  if (filter.checkedBefore) {
    const before = filter.checkedBefore;
    q = q.where((eb) => eb.or([eb('status_checked_at', 'is', null), eb('status_checked_at', '<', before)]));
  }
  return q.execute();
}

export async function setWalletStatus(
  db: Db,
  id: string,
  update: { status: WalletStatus; reason: string | null; checkedAt: Date; error: string | null },
) {
  await db
    .updateTable('wallet_credentials')
    .set({
      status: update.status,
      status_reason: update.reason,
      status_checked_at: update.checkedAt,
      status_check_error: update.error,
    })
    .where('id', '=', id)
    .execute();
}

export function listWallet(db: Db, learnerId: string) {
  return db
    .selectFrom('wallet_credentials')
    .select(walletColumns)
    .where('learner_id', '=', learnerId)
    .orderBy('added_at', 'desc')
    .execute();
}

export function findWalletCredential(db: Db, learnerId: string, id: string) {
  return db
    .selectFrom('wallet_credentials')
    .select(walletColumns)
    .where('learner_id', '=', learnerId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function walletDocuments(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('wallet_credentials').select(['id', 'format', 'document']).where('id', 'in', ids).execute();
}

export async function deleteWalletCredential(db: Db, learnerId: string, id: string) {
  const res = await db
    .deleteFrom('wallet_credentials')
    .where('learner_id', '=', learnerId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}
