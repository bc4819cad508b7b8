import { sql } from 'kysely';
import type { Db } from '../../db/transaction.js';

// What pathways read from the catalogue: micro-credentials, their published versions, offers and skills.

/** Micro-credentials with at least one published version, with their organisation. */
export function findPublishedMicrocredentials(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('microcredentials as m')
    .innerJoin('organizations as o', 'o.id', 'm.org_id')
    .select(['m.id', 'm.slug', 'm.org_id', 'o.slug as orgSlug', 'o.name as orgName', 'o.did as orgDid'])
    .where('m.id', 'in', ids)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('microcredential_versions as v')
          .select('v.id')
          .whereRef('v.microcredential_id', '=', 'm.id')
          .where('v.status', '=', 'published'),
      ),
    )
    .execute();
}

export function findSkillIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('skills').select(['id', 'name']).where('id', 'in', ids).execute();
}

/** What the catalogue offers now for these micro-credentials (their newest published version). */
export function catalogueOffersFor(db: Db, microcredentialIds: string[]) {
  if (microcredentialIds.length === 0) return Promise.resolve([] as OfferRow[]);
  return offerQuery(db).where('c.microcredential_id', 'in', microcredentialIds).execute();
}

/** Offers that help a threshold: the most CPD hours, or covering listed skills. */
export function catalogueOffersForThresholds(
  db: Db,
  options: { skillIds: string[]; wantsCpd: boolean; limit: number },
) {
  let q = offerQuery(db);
  if (options.skillIds.length > 0 && !options.wantsCpd) {
    q = q.where(sql<boolean>`c.skill_ids && ${sql.val(options.skillIds)}::uuid[]`);
  }
  return q.orderBy('c.cpd_hours', 'desc').limit(options.limit).execute();
}

function offerQuery(db: Db) {
  return db
    .selectFrom('catalog_entries as c')
    .select([
      'c.microcredential_id',
      'c.version_id',
      'c.org_id',
      'c.slug',
      'c.provider_slug',
      'c.provider_name',
      'c.title',
      'c.skill_ids',
      'c.cost_amount_minor',
      'c.cost_currency',
      'c.effort_hours',
      'c.cpd_hours',
      'c.duration_weeks',
    ]);
}

export type OfferRow = {
  microcredential_id: string;
  version_id: string;
  org_id: string;
  slug: string;
  provider_slug: string;
  provider_name: string;
  title: string;
  skill_ids: string[];
  cost_amount_minor: number | null;
  cost_currency: string | null;
  effort_hours: number;
  cpd_hours: number;
  duration_weeks: number;
};

/**
 * Micro-credential versions by id, for achievements that name one (`/achievements/{versionId}`),
 * with the DIDs of the organisation that published them (its did:web and, once it has one, its
 * did:key): only its signature makes a credential for that achievement count as the
 * micro-credential.
 */
export function microcredentialVersionsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('microcredential_versions as v')
    .innerJoin('microcredentials as m', 'm.id', 'v.microcredential_id')
    .innerJoin('organizations as o', 'o.id', 'm.org_id')
    .leftJoin('did_key_issuers as k', 'k.org_id', 'o.id')
    .select([
      'v.id',
      'v.microcredential_id',
      'v.cpd_hours',
      'v.skill_ids',
      'o.did as orgDid',
      sql<string[]>`array_remove(array[o.did, k.did], null)`.as('orgDids'),
    ])
    .where('v.id', 'in', ids)
    .where('v.status', '=', 'published')
    .execute();
}

/** Skills named by an alignment: by their own URI or by Cairn's skill URL. */
export function skillsByUrisOrIds(db: Db, uris: string[], ids: string[]) {
  if (uris.length === 0 && ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('skills')
    .select('id')
    .where((eb) =>
      eb.or([...(uris.length > 0 ? [eb('uri', 'in', uris)] : []), ...(ids.length > 0 ? [eb('id', 'in', ids)] : [])]),
    )
    .execute();
}

export async function findMicrocredentialIdBySlug(db: Db, orgSlug: string, slug: string) {
  const row = await db
    .selectFrom('microcredentials as m')
    .innerJoin('organizations as o', 'o.id', 'm.org_id')
    .select('m.id')
    .where('o.slug', '=', orgSlug)
    .where('m.slug', '=', slug)
    .executeTakeFirst();
  return row?.id;
}
