import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/transaction.js';
import type { AccreditationApplicationsTable, AccreditationMessageKind, ReviewOutcome } from '../../db/schema.js';

export type ApplicationRow = Selectable<AccreditationApplicationsTable>;

export function insertApplication(db: Db, application: Insertable<AccreditationApplicationsTable>) {
  return db.insertInto('accreditation_applications').values(application).returningAll().executeTakeFirstOrThrow();
}

export async function insertApplicationProgrammes(
  db: Db,
  application: { id: string; providerOrgId: string },
  microcredentialIds: string[],
) {
  if (microcredentialIds.length === 0) return;
  await db
    .insertInto('accreditation_application_programmes')
    .values(
      microcredentialIds.map((id) => ({
        application_id: application.id,
        provider_org_id: application.providerOrgId,
        microcredential_id: id,
      })),
    )
    .execute();
}

/**
 * An application seen from one organisation: the accrediting body it was sent to or the
 * provider that sent it. Anyone else gets nothing (tenant isolation).
 */
export function findApplicationFor(db: Db, orgId: string, id: string, options: { forUpdate?: boolean } = {}) {
  let query = db
    .selectFrom('accreditation_applications')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => eb.or([eb('accreditor_org_id', '=', orgId), eb('provider_org_id', '=', orgId)]));
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export function updateApplication(
  db: Db,
  id: string,
  changes: Omit<Updateable<AccreditationApplicationsTable>, 'id'>,
  now: Date,
) {
  return db
    .updateTable('accreditation_applications')
    .set({ ...changes, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

const listColumns = [
  'a.id',
  'a.accreditor_org_id',
  'a.provider_org_id',
  'a.scheme_id',
  'a.subject_type',
  'a.state',
  'a.decision',
  'a.renews_id',
  'a.created_at',
  'a.updated_at',
  's.name as scheme_name',
  'p.name as provider_name',
  'p.slug as provider_slug',
  'r.name as accreditor_name',
  'r.slug as accreditor_slug',
] as const;

/** Applications sent to (`side: 'accreditor'`) or by (`side: 'provider'`) an organisation, newest first. */
export function listApplications(db: Db, orgId: string, side: 'accreditor' | 'provider') {
  return db
    .selectFrom('accreditation_applications as a')
    .innerJoin('accreditation_schemes as s', 's.id', 'a.scheme_id')
    .innerJoin('organizations as p', 'p.id', 'a.provider_org_id')
    .innerJoin('organizations as r', 'r.id', 'a.accreditor_org_id')
    .select(listColumns)
    .where(side === 'accreditor' ? 'a.accreditor_org_id' : 'a.provider_org_id', '=', orgId)
    .orderBy('a.updated_at', 'desc')
    .execute();
}

export function listApplicationProgrammes(db: Db, applicationId: string) {
  return db
    .selectFrom('accreditation_application_programmes as ap')
    .innerJoin('microcredentials as m', 'm.id', 'ap.microcredential_id')
    .select(['ap.microcredential_id', 'm.slug'])
    .where('ap.application_id', '=', applicationId)
    .orderBy('m.slug')
    .execute();
}

export async function insertMessage(
  db: Db,
  message: {
    applicationId: string;
    authorOrgId: string;
    authorUserId: string | null;
    kind: AccreditationMessageKind;
    body: string;
    at: Date;
  },
) {
  await db
    .insertInto('accreditation_messages')
    .values({
      application_id: message.applicationId,
      author_org_id: message.authorOrgId,
      author_user_id: message.authorUserId,
      kind: message.kind,
      body: message.body,
      created_at: message.at,
    })
    .execute();
}

export function listMessages(db: Db, applicationId: string) {
  return db
    .selectFrom('accreditation_messages as m')
    .innerJoin('organizations as o', 'o.id', 'm.author_org_id')
    .leftJoin('users as u', 'u.id', 'm.author_user_id')
    .select([
      'm.id',
      'm.kind',
      'm.body',
      'm.created_at',
      'm.author_org_id',
      'o.name as org_name',
      'u.name as user_name',
    ])
    .where('m.application_id', '=', applicationId)
    .orderBy('m.created_at')
    .orderBy('m.seq')
    .execute();
}

export async function upsertCheck(
  db: Db,
  check: {
    applicationId: string;
    accreditorOrgId: string;
    criterion: string;
    outcome: ReviewOutcome;
    note: string;
    userId: string | null;
    at: Date;
  },
) {
  await db
    .insertInto('accreditation_review_checks')
    .values({
      application_id: check.applicationId,
      accreditor_org_id: check.accreditorOrgId,
      criterion: check.criterion,
      outcome: check.outcome,
      note: check.note,
      updated_by: check.userId,
      updated_at: check.at,
    })
    .onConflict((oc) =>
      oc.columns(['application_id', 'criterion']).doUpdateSet({
        outcome: check.outcome,
        note: check.note,
        updated_by: check.userId,
        updated_at: check.at,
      }),
    )
    .execute();
}

export function listChecks(db: Db, applicationId: string) {
  return db
    .selectFrom('accreditation_review_checks')
    .select(['criterion', 'outcome', 'note', 'updated_at'])
    .where('application_id', '=', applicationId)
    .execute();
}

/** Earlier applications of the same provider to the same scheme: the history a renewal carries. */
export function listHistory(db: Db, application: { id: string; provider_org_id: string; scheme_id: string }) {
  return db
    .selectFrom('accreditation_applications')
    .select(['id', 'state', 'decision', 'decision_reasons', 'decided_at', 'created_at'])
    .where('provider_org_id', '=', application.provider_org_id)
    .where('scheme_id', '=', application.scheme_id)
    .where('id', '<>', application.id)
    .orderBy('created_at', 'desc')
    .execute();
}
