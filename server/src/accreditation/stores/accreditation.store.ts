import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/transaction.js';
import type { AccreditationStatus, AccreditationsTable } from '../../db/schema.js';

export async function insertAccreditation(db: Db, row: Insertable<AccreditationsTable>) {
  const inserted = await db.insertInto('accreditations').values(row).returningAll().executeTakeFirstOrThrow();
  await recordStatus(db, inserted, row.status, null, inserted.status_changed_at);
  return inserted;
}

async function recordStatus(
  db: Db,
  a: { id: string; accreditor_org_id: string },
  status: AccreditationStatus,
  reason: string | null,
  at: Date,
) {
  await db
    .insertInto('accreditation_status_changes')
    .values({ accreditation_id: a.id, accreditor_org_id: a.accreditor_org_id, status, reason, changed_at: at })
    .execute();
}

/** Sets the status and writes it to the history, so "in force on date X" keeps its answer. */
export async function setAccreditationStatus(
  db: Db,
  a: { id: string; accreditor_org_id: string },
  change: {
    status: AccreditationStatus;
    reason: string | null;
    at: Date;
    withdrawnAt?: Date | null;
    validUntil?: Date;
  },
) {
  await db
    .updateTable('accreditations')
    .set({
      status: change.status,
      status_reason: change.reason,
      status_changed_at: change.at,
      updated_at: change.at,
      ...(change.withdrawnAt !== undefined ? { withdrawn_at: change.withdrawnAt } : {}),
      ...(change.validUntil !== undefined ? { valid_until: change.validUntil } : {}),
    })
    .where('id', '=', a.id)
    .where('accreditor_org_id', '=', a.accreditor_org_id)
    .execute();
  await recordStatus(db, a, change.status, change.reason, change.at);
}

export function setAccreditationCredential(db: Db, id: string, credentialId: string) {
  return db.updateTable('accreditations').set({ credential_id: credentialId }).where('id', '=', id).execute();
}

export function findAccreditationFor(db: Db, orgId: string, id: string, options: { forUpdate?: boolean } = {}) {
  let query = db
    .selectFrom('accreditations')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => eb.or([eb('accreditor_org_id', '=', orgId), eb('subject_org_id', '=', orgId)]));
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** The current (candidate or accredited) accreditations of a subject under a scheme, locked: a new decision supersedes them. */
export function lockCurrentForSubject(
  db: Db,
  subject: { schemeId: string; subjectOrgId: string; microcredentialId: string | null },
) {
  return db
    .selectFrom('accreditations')
    .selectAll()
    .where('scheme_id', '=', subject.schemeId)
    .where('subject_org_id', '=', subject.subjectOrgId)
    .where((eb) =>
      subject.microcredentialId === null
        ? eb('subject_microcredential_id', 'is', null)
        : eb('subject_microcredential_id', '=', subject.microcredentialId),
    )
    .where('status', 'in', ['candidate', 'accredited', 'suspended'])
    .forUpdate()
    .execute();
}

export function listAccreditationsOfApplication(db: Db, applicationId: string) {
  return db.selectFrom('accreditations').selectAll().where('application_id', '=', applicationId).execute();
}

const viewColumns = [
  'a.id',
  'a.accreditor_org_id',
  'a.scheme_id',
  'a.application_id',
  'a.subject_type',
  'a.subject_org_id',
  'a.subject_microcredential_id',
  'a.status',
  'a.status_reason',
  'a.decision_reasons',
  'a.public_report_url',
  'a.jurisdiction',
  'a.valid_from',
  'a.valid_until',
  'a.review_date',
  'a.status_changed_at',
  'a.withdrawn_at',
  'a.credential_id',
  'a.verification_code',
  's.name as scheme_name',
  's.slug as scheme_slug',
  'p.name as provider_name',
  'p.slug as provider_slug',
  'r.name as accreditor_name',
  'r.slug as accreditor_slug',
  'c.credential_id as credential_url',
] as const;

function viewQuery(db: Db) {
  return db
    .selectFrom('accreditations as a')
    .innerJoin('accreditation_schemes as s', 's.id', 'a.scheme_id')
    .innerJoin('organizations as p', 'p.id', 'a.subject_org_id')
    .innerJoin('organizations as r', 'r.id', 'a.accreditor_org_id')
    .leftJoin('credentials as c', 'c.id', 'a.credential_id')
    .leftJoin('microcredentials as m', 'm.id', 'a.subject_microcredential_id')
    .select(viewColumns)
    .select([
      'm.slug as programme_slug',
      // The programme's title as published most recently.
      sql<string | null>`(select v.title from microcredential_versions v
        where v.microcredential_id = a.subject_microcredential_id and v.status = 'published'
        order by v.version_number desc limit 1)`.as('programme_title'),
    ]);
}

export type AccreditationViewRow = Awaited<ReturnType<typeof listAccreditationsBy>>[number];

/** What an accrediting body has granted (or refused none: refusals create no accreditation). */
export function listAccreditationsBy(db: Db, accreditorOrgId: string, options: { q?: string } = {}) {
  let query = viewQuery(db).where('a.accreditor_org_id', '=', accreditorOrgId);
  if (options.q) {
    const like = `%${options.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('p.name', 'ilike', like),
        eb('s.name', 'ilike', like),
        eb('a.verification_code', 'ilike', like),
        eb('m.slug', 'ilike', like),
        eb(
          sql<string>`coalesce((select v.title from microcredential_versions v
            where v.microcredential_id = a.subject_microcredential_id and v.status = 'published'
            order by v.version_number desc limit 1), '')`,
          'ilike',
          like,
        ),
      ]),
    );
  }
  return query.orderBy('p.name').orderBy('a.valid_from', 'desc').execute();
}

export function listAccreditationsOfSubject(db: Db, subjectOrgId: string) {
  return viewQuery(db).where('a.subject_org_id', '=', subjectOrgId).orderBy('a.valid_from', 'desc').execute();
}

export function findAccreditationView(db: Db, id: string) {
  return viewQuery(db).where('a.id', '=', id).executeTakeFirst();
}

/** Accreditations in force whose expiry is within `days` of `now` and whose reminder for that mark was not sent, locked. */
export function lockDueReminders(db: Db, now: Date, mark: 60 | 14, limit: number) {
  const column = mark === 60 ? 'reminder_60_sent_at' : 'reminder_14_sent_at';
  const horizon = new Date(now.getTime() + mark * 24 * 3600 * 1000);
  return db
    .selectFrom('accreditations')
    .selectAll()
    .where('status', 'in', ['candidate', 'accredited'])
    .where('valid_until', 'is not', null)
    .where('valid_until', '>', now)
    .where('valid_until', '<=', horizon)
    .where(column, 'is', null)
    .orderBy('valid_until')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export function markReminderSent(db: Db, id: string, mark: 60 | 14, at: Date) {
  return db
    .updateTable('accreditations')
    .set(mark === 60 ? { reminder_60_sent_at: at } : { reminder_14_sent_at: at })
    .where('id', '=', id)
    .execute();
}

/** Accreditations whose validity has ended but whose status says otherwise, locked. */
export function lockLapsed(db: Db, now: Date, limit: number) {
  return db
    .selectFrom('accreditations')
    .selectAll()
    .where('status', 'in', ['candidate', 'accredited'])
    .where('valid_until', 'is not', null)
    .where('valid_until', '<=', now)
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

/** Whether the last status before any suspension was a candidacy (so a reinstatement returns there). */
export async function wasCandidacy(db: Db, accreditationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('accreditation_status_changes')
    .select('status')
    .where('accreditation_id', '=', accreditationId)
    .where('status', 'in', ['candidate', 'accredited'])
    .orderBy('changed_at', 'desc')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.status === 'candidate';
}
