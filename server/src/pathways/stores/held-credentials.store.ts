import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../../db/transaction.js';
import { PREPARED_MARK } from '../../db/prepared-statements.js';

// What learners hold: Cairn credentials and wallet entries in force, and the snapshot one evaluation reads.

/**
 * Cairn credentials of these learners that are in force (not revoked, suspended or expired),
 * with the micro-credential or pathway they were issued for. CLRs are bundles, not achievements.
 */
export function heldCairnCredentials(db: Db, learnerIds: string[], now: Date) {
  return heldCairnQuery(db, learnerIds, now).execute();
}

function heldCairnQuery(db: Db, learnerIds: string[], now: Date) {
  return db
    .selectFrom('credentials as c')
    .innerJoin('organizations as o', 'o.id', 'c.org_id')
    .leftJoin('enrolments as e', 'e.credential_row_id', 'c.id')
    .leftJoin('microcredential_versions as mv', 'mv.id', 'e.version_id')
    .leftJoin('pathway_awards as a', 'a.credential_row_id', 'c.id')
    .select([
      'c.id',
      'c.recipient_user_id',
      'c.achievement_name',
      'o.did as issuerDid',
      'e.microcredential_id',
      'e.version_id as microcredentialVersionId',
      'mv.cpd_hours',
      'mv.skill_ids',
      'a.pathway_id',
      'a.version_id as pathwayVersionId',
      // Only credentials issued outside learning and pathways need their document read.
      sql<
        string | null
      >`case when e.id is null and a.id is null and c.format = 'ldp' then (c.document::jsonb #>> '{credentialSubject,achievement,id}') end`.as(
        'achievementId',
      ),
    ])
    .where('c.recipient_user_id', 'in', learnerIds)
    .where('c.revoked_at', 'is', null)
    .where('c.suspended_at', 'is', null)
    .where((eb) => eb.or([eb('c.valid_until', 'is', null), eb('c.valid_until', '>', now)]))
    .where(sql<boolean>`not ('ClrCredential' = any (c.types))`);
}

export function heldWalletCredentials(db: Db, learnerIds: string[], now: Date) {
  return heldWalletQuery(db, learnerIds, now).execute();
}

function heldWalletQuery(db: Db, learnerIds: string[], now: Date) {
  return db
    .selectFrom('wallet_credentials as w')
    .select([
      'w.id',
      'w.learner_id',
      'w.achievement_id',
      'w.achievement_name',
      'w.issuer_did',
      'w.microcredential_id',
      'w.credits',
      'w.cpd_hours',
      'w.skill_ids',
    ])
    .where('w.learner_id', 'in', learnerIds)
    .where('w.status', '=', 'active')
    .where((eb) => eb.or([eb('w.valid_until', 'is', null), eb('w.valid_until', '>', now)]));
}

export function credentialDocuments(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('credentials').select(['id', 'format', 'document']).where('id', 'in', ids).execute();
}

export function credentialRowsForStatus(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('credentials')
    .select([
      'id',
      'org_id',
      'recipient_user_id',
      'status_list_number',
      'status_index',
      'status_purposes',
      'revoked_at',
      'suspended_at',
    ])
    .where('id', 'in', ids)
    .forUpdate()
    .execute();
}

export function findOwnCredential(db: Db, learnerId: string, id: string) {
  return db
    .selectFrom('credentials')
    .select(['id', 'credential_id', 'achievement_name'])
    .where('id', '=', id)
    .where('recipient_user_id', '=', learnerId)
    .executeTakeFirst();
}

export function findCredentialByCredentialId(db: Db, credentialId: string) {
  return db
    .selectFrom('credentials')
    .select(['id', 'recipient_user_id'])
    .where('credential_id', '=', credentialId)
    .executeTakeFirst();
}

/**
 * What one learner's pathway evaluation reads, in one round trip: the Cairn credentials and
 * wallet entries in force, and the pathways they are on (pinned version, progress, award).
 * Version contents come from the published-version cache, not from here.
 */
export function learnerPathwaySnapshot(db: Db, learnerId: string, now: Date) {
  return learnerPathwaySnapshotQuery(db, learnerId, now).executeTakeFirstOrThrow();
}

export function learnerPathwaySnapshotQuery(db: Db, learnerId: string, now: Date) {
  return db
    .selectNoFrom([
      jsonArrayFrom(heldCairnQuery(db, [learnerId], now)).as('cairn'),
      jsonArrayFrom(heldWalletQuery(db, [learnerId], now)).as('wallet'),
      jsonArrayFrom(
        db
          .selectFrom('pathway_learners as pl')
          .leftJoin('pathway_awards as a', (join) =>
            join.onRef('a.learner_id', '=', 'pl.learner_id').onRef('a.version_id', '=', 'pl.version_id'),
          )
          .select([
            'pl.pathway_id',
            'pl.version_id',
            'pl.is_joined',
            'pl.done',
            'pl.required',
            'pl.is_satisfied',
            'a.id as awardId',
            'a.credential_row_id as awardCredentialRowId',
            'a.clr_row_id as awardClrRowId',
            'a.status as awardStatus',
          ])
          .where('pl.learner_id', '=', learnerId),
      ).as('pinned'),
      sql<string>`(select coalesce(max(publish_seq), 0)::text from pathway_versions)`.as('publishSeq'),
      sql<string>`(select epoch::text from pathway_index_epoch)`.as('indexEpoch'),
    ])
    .modifyFront(sql.raw(PREPARED_MARK));
}
