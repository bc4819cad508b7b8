/** What workforce reads of other areas' tables: members, their shares, credentials, wallets, assessments. */
import { sql } from 'kysely';
import type { Db } from '../../db/transaction.js';

/** Members of the organisation who share with it now, with the share. Nobody else is ever read. */
export function listSharingMembers(db: Db, orgId: string, userIds?: string[]) {
  let q = db
    .selectFrom('credential_shares as cs')
    .innerJoin('memberships as m', (j) => j.onRef('m.org_id', '=', 'cs.org_id').onRef('m.user_id', '=', 'cs.user_id'))
    .innerJoin('users as u', 'u.id', 'cs.user_id')
    .select(['u.id as userId', 'u.name', 'u.email', 'cs.scope', 'cs.credential_ids'])
    .where('cs.org_id', '=', orgId);
  if (userIds) {
    if (userIds.length === 0) return Promise.resolve([]);
    q = q.where('cs.user_id', 'in', userIds);
  }
  return q.orderBy('u.name').orderBy('u.id').execute();
}

/** Credentials issued on this Cairn to these people (the recipient account link is Cairn's own). */
export function listIssuedCredentials(db: Db, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('credentials')
    .select(['id', 'recipient_user_id as userId', 'document', 'format', 'achievement_name', 'issued_at', 'valid_until'])
    .where('recipient_user_id', 'in', userIds)
    .execute();
}

/** Credentials from elsewhere in these people's wallets. */
export function listWalletCredentials(db: Db, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('wallet_credentials')
    .select([
      'id',
      'learner_id as userId',
      'document',
      'format',
      'achievement_name',
      'added_at as issued_at',
      'valid_until',
      'credential_id',
    ])
    .where('learner_id', 'in', userIds)
    .execute();
}

/** The declared (EQF) level of Cairn programme versions, by version id. */
export async function versionLevels(db: Db, versionIds: string[]) {
  if (versionIds.length === 0) return new Map<string, number | null>();
  const rows = await db
    .selectFrom('microcredential_versions')
    .select(['id', 'level'])
    .where('id', 'in', versionIds)
    .execute();
  return new Map(rows.map((r) => [r.id, r.level]));
}

export function listAssessments(db: Db, orgId: string, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('skill_assessments')
    .select(['user_id', 'skill_id', 'source', 'level'])
    .where('org_id', '=', orgId)
    .where('user_id', 'in', userIds)
    .execute();
}

/** One person's self-assessments for one organisation, by skill name. */
export function listSelfAssessments(db: Db, orgId: string, userId: string) {
  return db
    .selectFrom('skill_assessments as a')
    .innerJoin('skills as s', 's.id', 'a.skill_id')
    .select(['a.skill_id', 's.name', 'a.level', 'a.assessed_at'])
    .where('a.org_id', '=', orgId)
    .where('a.user_id', '=', userId)
    .where('a.source', '=', 'self')
    .orderBy('s.name')
    .execute();
}

export async function upsertAssessment(
  db: Db,
  a: {
    orgId: string;
    userId: string;
    skillId: string;
    source: 'self' | 'manager';
    level: number;
    by: string;
    now: Date;
  },
) {
  await db
    .insertInto('skill_assessments')
    .values({
      org_id: a.orgId,
      user_id: a.userId,
      skill_id: a.skillId,
      source: a.source,
      level: a.level,
      assessed_by: a.by,
      assessed_at: a.now,
    })
    .onConflict((oc) =>
      oc
        .columns(['org_id', 'user_id', 'skill_id', 'source'])
        .doUpdateSet({ level: a.level, assessed_by: a.by, assessed_at: a.now }),
    )
    .execute();
}

export function findMember(db: Db, orgId: string, userId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name', 'u.email', 'm.role'])
    .where('m.org_id', '=', orgId)
    .where('m.user_id', '=', userId)
    .executeTakeFirst();
}

export function findUserEmail(db: Db, userId: string) {
  return db.selectFrom('users').select(['id', 'email', 'name']).where('id', '=', userId).executeTakeFirst();
}

/** Ids among `ids` that are this person's own credentials (issued to them, or in their wallet). */
export async function ownCredentialIds(db: Db, userId: string, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await sql<{ id: string }>`
    select id from credentials where recipient_user_id = ${userId} and id = any(${ids}::uuid[])
    union
    select id from wallet_credentials where learner_id = ${userId} and id = any(${ids}::uuid[])`.execute(db);
  return new Set(rows.rows.map((r) => r.id));
}

export function teamMemberIds(db: Db, orgId: string, teamId: string) {
  return db
    .selectFrom('employer_team_members')
    .select('user_id')
    .where('org_id', '=', orgId)
    .where('team_id', '=', teamId)
    .execute()
    .then((rows) => rows.map((r) => r.user_id));
}
