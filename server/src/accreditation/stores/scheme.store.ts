import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/transaction.js';
import type { AccreditationSchemesTable } from '../../db/schema.js';

export type SchemeRow = Selectable<AccreditationSchemesTable>;
export type NewScheme = Insertable<AccreditationSchemesTable>;
export type SchemeChanges = Omit<Updateable<AccreditationSchemesTable>, 'id' | 'accreditor_org_id' | 'created_at'>;

export function insertScheme(db: Db, scheme: NewScheme) {
  return db.insertInto('accreditation_schemes').values(scheme).returningAll().executeTakeFirstOrThrow();
}

export function updateScheme(db: Db, accreditorOrgId: string, id: string, changes: SchemeChanges, now: Date) {
  return db
    .updateTable('accreditation_schemes')
    .set({ ...changes, updated_at: now })
    .where('accreditor_org_id', '=', accreditorOrgId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export function findScheme(db: Db, accreditorOrgId: string, id: string) {
  return db
    .selectFrom('accreditation_schemes')
    .selectAll()
    .where('accreditor_org_id', '=', accreditorOrgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A scheme by id whoever runs it (applicants name it by id); callers check what they may see. */
export function findSchemeById(db: Db, id: string) {
  return db.selectFrom('accreditation_schemes').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findSchemeBySlug(db: Db, accreditorOrgId: string, slug: string) {
  return db
    .selectFrom('accreditation_schemes')
    .selectAll()
    .where('accreditor_org_id', '=', accreditorOrgId)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

export function listSchemes(db: Db, accreditorOrgId: string) {
  return db
    .selectFrom('accreditation_schemes')
    .selectAll()
    .where('accreditor_org_id', '=', accreditorOrgId)
    .orderBy('name')
    .execute();
}

/** Every scheme open to applications, with who runs it: what a provider can apply to. */
export function listOpenSchemes(db: Db) {
  return db
    .selectFrom('accreditation_schemes as s')
    .innerJoin('organizations as o', 'o.id', 's.accreditor_org_id')
    .selectAll('s')
    .select(['o.slug as accreditor_slug', 'o.name as accreditor_name'])
    .where('s.is_open', '=', true)
    .orderBy('o.name')
    .orderBy('s.name')
    .execute();
}
