/** Private programmes: a provider's programme listed only to one employer's members (microcredentials.audience_org_id). */
import { sql } from 'kysely';
import type { Db } from '../../db/transaction.js';

/** The latest published version of each private programme for one of `audienceOrgIds`. */
export function listPrivateProgrammes(db: Db, audienceOrgIds: string[], skillIds?: string[]) {
  if (audienceOrgIds.length === 0) return Promise.resolve([]);
  let q = db
    .selectFrom('microcredentials as mc')
    .innerJoin('organizations as p', 'p.id', 'mc.org_id')
    .innerJoin('organizations as a', 'a.id', 'mc.audience_org_id')
    .innerJoin('microcredential_versions as v', 'v.microcredential_id', 'mc.id')
    .select([
      'mc.id',
      'mc.slug',
      'p.slug as providerSlug',
      'p.name as providerName',
      'a.slug as audienceSlug',
      'a.name as audienceName',
      'v.title',
      'v.summary',
      'v.skill_ids',
      'v.level',
      'v.language',
      'v.cost_amount_minor',
      'v.cost_currency',
      'v.effort_hours',
      'v.cpd_hours',
      'v.duration_weeks',
      'v.published_at',
    ])
    .where('mc.audience_org_id', 'in', audienceOrgIds)
    .where('v.status', '=', 'published')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('microcredential_versions as newer')
            .select('newer.id')
            .whereRef('newer.microcredential_id', '=', 'mc.id')
            .where('newer.status', '=', 'published')
            .whereRef('newer.version_number', '>', 'v.version_number'),
        ),
      ),
    );
  if (skillIds) q = q.where(sql<boolean>`v.skill_ids && ${sql.val(skillIds)}::uuid[]`);
  return q.orderBy('v.title').execute();
}

/** Organisations (employers) this person is a member of. */
export async function memberOrgIds(db: Db, userId: string) {
  const rows = await db.selectFrom('memberships').select('org_id').where('user_id', '=', userId).execute();
  return rows.map((r) => r.org_id);
}

/** The programme with its audience, when it belongs to provider `orgId`, locked. */
export function lockProviderProgramme(db: Db, orgId: string, id: string) {
  return db
    .selectFrom('microcredentials')
    .select(['id', 'audience_org_id'])
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function isListedInCatalogue(db: Db, microcredentialId: string) {
  const row = await db
    .selectFrom('catalog_entries')
    .select('microcredential_id')
    .where('microcredential_id', '=', microcredentialId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function setAudience(db: Db, id: string, audienceOrgId: string | null) {
  await db.updateTable('microcredentials').set({ audience_org_id: audienceOrgId }).where('id', '=', id).execute();
}

export function findEmployerBySlug(db: Db, slug: string) {
  return db
    .selectFrom('organizations')
    .select(['id', 'slug', 'name', 'roles'])
    .where('slug', '=', slug)
    .executeTakeFirst();
}

export async function hasPublishedVersion(db: Db, id: string) {
  const row = await db
    .selectFrom('microcredential_versions')
    .select('id')
    .where('microcredential_id', '=', id)
    .where('status', '=', 'published')
    .executeTakeFirst();
  return row !== undefined;
}

/** A provider's programme with the employer it is private to (null: public), and whether it can still change. */
export function findProgrammeAudience(db: Db, orgId: string, id: string) {
  return db
    .selectFrom('microcredentials as mc')
    .leftJoin('organizations as o', 'o.id', 'mc.audience_org_id')
    .select(['mc.id', 'o.slug as audienceSlug', 'o.name as audienceName'])
    .where('mc.org_id', '=', orgId)
    .where('mc.id', '=', id)
    .executeTakeFirst();
}
