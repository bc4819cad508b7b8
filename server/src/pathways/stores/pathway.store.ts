import { sql } from 'kysely';
import type { Db } from '../../db/transaction.js';

// Pathways and their versions: drafts, publication, and the published versions the index reads.

const versionColumns = [
  'v.id',
  'v.org_id',
  'v.pathway_id',
  'v.version_number',
  'v.status',
  'v.name',
  'v.description',
  'v.achievement_type',
  'v.criteria_narrative',
  'v.image_url',
  'v.tree',
  'v.recommended_order',
  'v.achievement',
  'v.published_at',
  'v.publish_seq',
  'v.created_at',
  'v.updated_at',
] as const;

export async function insertPathway(db: Db, row: { orgId: string; slug: string; createdBy: string | null }) {
  return db
    .insertInto('pathways')
    .values({ org_id: row.orgId, slug: row.slug, created_by: row.createdBy })
    .onConflict((oc) => oc.columns(['org_id', 'slug']).doNothing())
    .returning(['id', 'org_id', 'slug', 'created_at'])
    .executeTakeFirst();
}

export type VersionFields = {
  name: string;
  description: string;
  achievementType: string;
  criteriaNarrative: string;
  imageUrl: string | null;
  tree: unknown;
  recommendedOrder: string[];
};

function searchText(f: VersionFields) {
  return `${f.name} ${f.description}`.toLowerCase();
}

export async function insertVersion(
  db: Db,
  row: VersionFields & { orgId: string; pathwayId: string; versionNumber: number; createdBy: string | null },
) {
  return db
    .insertInto('pathway_versions')
    .values({
      org_id: row.orgId,
      pathway_id: row.pathwayId,
      version_number: row.versionNumber,
      status: 'draft',
      name: row.name,
      description: row.description,
      achievement_type: row.achievementType,
      criteria_narrative: row.criteriaNarrative,
      image_url: row.imageUrl,
      tree: JSON.stringify(row.tree),
      recommended_order: row.recommendedOrder,
      search: searchText(row),
      created_by: row.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updateDraft(db: Db, versionId: string, f: VersionFields, now: Date) {
  await db
    .updateTable('pathway_versions')
    .set({
      name: f.name,
      description: f.description,
      achievement_type: f.achievementType,
      criteria_narrative: f.criteriaNarrative,
      image_url: f.imageUrl,
      tree: JSON.stringify(f.tree),
      recommended_order: f.recommendedOrder,
      search: searchText(f),
      updated_at: now,
    })
    .where('id', '=', versionId)
    .where('status', '=', 'draft')
    .execute();
}

export async function publishVersion(
  db: Db,
  versionId: string,
  options: { achievement: unknown; publishedBy: string | null; now: Date },
) {
  // Publishers take turns until commit, so publish_seq values become visible in order: an
  // in-memory index that has caught up to N never later meets a version below N (see published-pathways.ts).
  await sql`select pg_advisory_xact_lock(hashtext('cairn.pathway_versions.publish'))`.execute(db);
  await db
    .updateTable('pathway_versions')
    .set({
      status: 'published',
      achievement: JSON.stringify(options.achievement),
      published_by: options.publishedBy,
      published_at: options.now,
      updated_at: options.now,
      publish_seq: sql<string>`nextval('pathway_versions_publish_seq')`,
    })
    .where('id', '=', versionId)
    .where('status', '=', 'draft')
    .execute();
}

export function findPathway(db: Db, id: string, options: { forUpdate?: boolean } = {}) {
  let q = db
    .selectFrom('pathways as p')
    .innerJoin('organizations as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.org_id', 'p.slug', 'p.created_at', 'o.slug as orgSlug', 'o.name as orgName', 'o.did as orgDid'])
    .where('p.id', '=', id);
  if (options.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export function listPathwaysOfOrg(db: Db, orgId: string) {
  return db
    .selectFrom('pathways as p')
    .select([
      'p.id',
      'p.slug',
      'p.created_at',
      (eb) =>
        eb
          .selectFrom('pathway_versions as v')
          .select('v.name')
          .whereRef('v.pathway_id', '=', 'p.id')
          .orderBy('v.version_number', 'desc')
          .limit(1)
          .as('name'),
      (eb) =>
        eb
          .selectFrom('pathway_versions as v')
          .select(sql<number | null>`max(v.version_number) filter (where v.status = 'published')`.as('n'))
          .whereRef('v.pathway_id', '=', 'p.id')
          .as('publishedVersion'),
      (eb) =>
        eb
          .selectFrom('pathway_versions as v')
          .select(sql<boolean>`count(*) filter (where v.status = 'draft') > 0`.as('d'))
          .whereRef('v.pathway_id', '=', 'p.id')
          .as('hasDraft'),
      (eb) =>
        eb
          .selectFrom('pathway_learners as pl')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('pl.pathway_id', '=', 'p.id')
          .as('learners'),
      (eb) =>
        eb
          .selectFrom('pathway_awards as a')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('a.pathway_id', '=', 'p.id')
          .as('awarded'),
    ])
    .where('p.org_id', '=', orgId)
    .orderBy('p.created_at', 'desc')
    .execute();
}

export function listVersions(db: Db, pathwayId: string) {
  return db
    .selectFrom('pathway_versions as v')
    .select(versionColumns)
    .where('v.pathway_id', '=', pathwayId)
    .orderBy('v.version_number', 'asc')
    .execute();
}

export type VersionRow = Awaited<ReturnType<typeof listVersions>>[number];

export function findVersion(db: Db, versionId: string) {
  return db.selectFrom('pathway_versions as v').select(versionColumns).where('v.id', '=', versionId).executeTakeFirst();
}

export function findVersionsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([] as VersionRow[]);
  return db.selectFrom('pathway_versions as v').select(versionColumns).where('v.id', 'in', ids).execute();
}

/** The newest published version of each pathway given. */
export function latestPublishedVersions(db: Db, pathwayIds: string[]) {
  if (pathwayIds.length === 0) return Promise.resolve([] as VersionRow[]);
  return db
    .selectFrom('pathway_versions as v')
    .select(versionColumns)
    .where('v.pathway_id', 'in', pathwayIds)
    .where('v.status', '=', 'published')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('pathway_versions as w')
            .select('w.id')
            .whereRef('w.pathway_id', '=', 'v.pathway_id')
            .where('w.status', '=', 'published')
            .whereRef('w.version_number', '>', 'v.version_number'),
        ),
      ),
    )
    .execute();
}

/** Published pathways for the public list: the newest published version of each. */
export function listPublishedPathways(
  db: Db,
  options: { q?: string | undefined; provider?: string | undefined; limit: number; offset: number },
) {
  let q = db
    .selectFrom('pathway_versions as v')
    .innerJoin('pathways as p', 'p.id', 'v.pathway_id')
    .innerJoin('organizations as o', 'o.id', 'v.org_id')
    .select([
      ...versionColumns,
      'p.slug',
      'o.slug as orgSlug',
      'o.name as orgName',
      sql<number>`count(*) over ()::int`.as('total'),
    ])
    .where('v.status', '=', 'published')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('pathway_versions as w')
            .select('w.id')
            .whereRef('w.pathway_id', '=', 'v.pathway_id')
            .where('w.status', '=', 'published')
            .whereRef('w.version_number', '>', 'v.version_number'),
        ),
      ),
    );
  if (options.q) {
    const words = options.q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
    for (const word of words) q = q.where('v.search', 'like', `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  if (options.provider) q = q.where('o.slug', '=', options.provider);
  return q.orderBy('v.published_at', 'desc').limit(options.limit).offset(options.offset).execute();
}

/** The newest publication number and the deletion epoch; the published-pathway index catches up to them. */
export async function publishedIndexMark(db: Db) {
  const { rows } = await sql<{ publishSeq: string; indexEpoch: string }>`select
    (select coalesce(max(publish_seq), 0)::text from pathway_versions) as "publishSeq",
    (select epoch::text from pathway_index_epoch) as "indexEpoch"`.execute(db);
  return rows[0]!;
}

/** Published versions after `seq` in publication order, for the in-memory index. */
export function publishedVersionsSince(db: Db, seq: string) {
  return db
    .selectFrom('pathway_versions as v')
    .select(versionColumns)
    .where('v.publish_seq', '>', seq)
    .orderBy('v.publish_seq')
    .execute();
}
