import { sql, type Insertable, type Updateable } from 'kysely';
import type { MediaType, MicrocredentialVersionsTable } from '../db/schema.js';
import type { Db } from '../db/transaction.js';

export async function insertMicrocredential(db: Db, m: { orgId: string; slug: string; createdBy: string | null }) {
  return db
    .insertInto('microcredentials')
    .values({ org_id: m.orgId, slug: m.slug, created_by: m.createdBy })
    .onConflict((oc) => oc.columns(['org_id', 'slug']).doNothing())
    .returning(['id', 'org_id', 'slug', 'created_at'])
    .executeTakeFirst();
}

export function findMicrocredential(db: Db, orgId: string, id: string) {
  return db
    .selectFrom('microcredentials')
    .select(['id', 'org_id', 'slug', 'created_at', 'audience_org_id'])
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function touchMicrocredential(db: Db, id: string) {
  await db
    .updateTable('microcredentials')
    .set({ updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

const versionColumns = [
  'id',
  'org_id',
  'microcredential_id',
  'version_number',
  'status',
  'title',
  'summary',
  'description',
  'outcomes',
  'skill_ids',
  'level',
  'effort_hours',
  'duration_weeks',
  'cost_amount_minor',
  'cost_currency',
  'cpd_hours',
  'field_of_study',
  'format',
  'language',
  'image_file_id',
  'partner_org_ids',
  'criteria_narrative',
  'pass_mark',
  'validity_months',
  'achievement',
  'published_at',
  'created_at',
  'updated_at',
] as const;

export type VersionRow = Awaited<ReturnType<typeof findVersion>> & {};

export function insertVersion(db: Db, v: Insertable<MicrocredentialVersionsTable>) {
  return db.insertInto('microcredential_versions').values(v).returning(versionColumns).executeTakeFirstOrThrow();
}

export function findVersion(
  db: Db,
  orgId: string,
  microcredentialId: string,
  versionId: string,
  options: { forUpdate?: boolean } = {},
) {
  let q = db
    .selectFrom('microcredential_versions')
    .select(versionColumns)
    .where('org_id', '=', orgId)
    .where('microcredential_id', '=', microcredentialId)
    .where('id', '=', versionId);
  if (options.forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

export function findVersionById(db: Db, versionId: string) {
  return db
    .selectFrom('microcredential_versions')
    .select(versionColumns)
    .where('id', '=', versionId)
    .executeTakeFirst();
}

export function listVersions(db: Db, orgId: string, microcredentialId: string) {
  return db
    .selectFrom('microcredential_versions')
    .select(['id', 'version_number', 'status', 'title', 'published_at', 'updated_at'])
    .where('org_id', '=', orgId)
    .where('microcredential_id', '=', microcredentialId)
    .orderBy('version_number', 'desc')
    .execute();
}

export function updateVersion(db: Db, versionId: string, changes: Updateable<MicrocredentialVersionsTable>) {
  return db
    .updateTable('microcredential_versions')
    .set({ ...changes, updated_at: sql`now()` })
    .where('id', '=', versionId)
    .where('status', '=', 'draft')
    .returning(versionColumns)
    .executeTakeFirst();
}

export async function markPublished(
  db: Db,
  versionId: string,
  p: { publishedAt: Date; publishedBy: string | null; achievement: string },
) {
  await db
    .updateTable('microcredential_versions')
    .set({
      status: 'published',
      published_at: p.publishedAt,
      published_by: p.publishedBy,
      achievement: p.achievement,
      updated_at: sql`now()`,
    })
    .where('id', '=', versionId)
    .execute();
}

/** The programmes of an organisation with their newest version and newest published version. */
export function listMicrocredentials(db: Db, orgId: string) {
  return db
    .selectFrom('microcredentials as m')
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('microcredential_versions as v')
          .select(['v.id', 'v.version_number', 'v.status', 'v.title', 'v.published_at', 'v.updated_at'])
          .whereRef('v.microcredential_id', '=', 'm.id')
          .orderBy('v.version_number', 'desc')
          .limit(1)
          .as('latest'),
      (join) => join.onTrue(),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('microcredential_versions as p')
          .select(['p.id', 'p.version_number', 'p.status', 'p.title', 'p.published_at', 'p.updated_at'])
          .whereRef('p.microcredential_id', '=', 'm.id')
          .where('p.status', '=', 'published')
          .orderBy('p.version_number', 'desc')
          .limit(1)
          .as('published'),
      (join) => join.onTrue(),
    )
    .select([
      'm.id',
      'm.slug',
      'm.updated_at',
      'latest.id as latest_id',
      'latest.version_number as latest_number',
      'latest.status as latest_status',
      'latest.title as latest_title',
      'latest.published_at as latest_published_at',
      'latest.updated_at as latest_updated_at',
      'published.id as published_id',
      'published.version_number as published_number',
      'published.title as published_title',
      'published.published_at as published_published_at',
      'published.updated_at as published_updated_at',
    ])
    .where('m.org_id', '=', orgId)
    .orderBy('m.updated_at', 'desc')
    .execute();
}

export type ModuleRow = Awaited<ReturnType<typeof listModules>>[number];
const moduleColumns = [
  'id',
  'org_id',
  'version_id',
  'position',
  'title',
  'content',
  'links',
  'estimated_minutes',
  'activity_type',
  'activity',
] as const;

/** The modules of a version in order; the learning area reads activities from here too. */
export function listModules(db: Db, versionId: string) {
  return db
    .selectFrom('microcredential_modules')
    .select(moduleColumns)
    .where('version_id', '=', versionId)
    .orderBy('position')
    .execute();
}

export function listModulesOfVersions(db: Db, versionIds: string[]) {
  if (versionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('microcredential_modules')
    .select(moduleColumns)
    .where('version_id', 'in', versionIds)
    .orderBy('version_id')
    .orderBy('position')
    .execute();
}

export type ModuleValues = {
  title: string;
  content: string;
  links: string;
  estimatedMinutes: number;
  activityType: 'quiz' | 'assignment' | null;
  activity: string | null;
};

export async function insertModule(db: Db, m: ModuleValues & { orgId: string; versionId: string }) {
  const next = await db
    .selectFrom('microcredential_modules')
    .select(sql<number>`coalesce(max(position), 0)::int + 1`.as('n'))
    .where('version_id', '=', m.versionId)
    .executeTakeFirstOrThrow();
  return db
    .insertInto('microcredential_modules')
    .values({
      org_id: m.orgId,
      version_id: m.versionId,
      position: next.n,
      title: m.title,
      content: m.content,
      links: m.links,
      estimated_minutes: m.estimatedMinutes,
      activity_type: m.activityType,
      activity: m.activity,
    })
    .returning(moduleColumns)
    .executeTakeFirstOrThrow();
}

export function updateModule(db: Db, versionId: string, moduleId: string, m: Partial<ModuleValues>) {
  return db
    .updateTable('microcredential_modules')
    .set({
      ...(m.title !== undefined ? { title: m.title } : {}),
      ...(m.content !== undefined ? { content: m.content } : {}),
      ...(m.links !== undefined ? { links: m.links } : {}),
      ...(m.estimatedMinutes !== undefined ? { estimated_minutes: m.estimatedMinutes } : {}),
      ...(m.activity !== undefined ? { activity_type: m.activityType ?? null, activity: m.activity } : {}),
      updated_at: sql`now()`,
    })
    .where('version_id', '=', versionId)
    .where('id', '=', moduleId)
    .returning(moduleColumns)
    .executeTakeFirst();
}

export async function deleteModule(db: Db, versionId: string, moduleId: string) {
  const row = await db
    .deleteFrom('microcredential_modules')
    .where('version_id', '=', versionId)
    .where('id', '=', moduleId)
    .returning('position')
    .executeTakeFirst();
  if (!row) return false;
  await db
    .updateTable('microcredential_modules')
    .set({ position: sql`position - 1` })
    .where('version_id', '=', versionId)
    .where('position', '>', row.position)
    .execute();
  return true;
}

/** Sets module positions 1..n in the given order (the unique position constraint is deferred). */
export async function reorderModules(db: Db, versionId: string, moduleIds: string[]) {
  for (const [i, id] of moduleIds.entries()) {
    await db
      .updateTable('microcredential_modules')
      .set({ position: i + 1 })
      .where('version_id', '=', versionId)
      .where('id', '=', id)
      .execute();
  }
}

/** Copies a version's modules into another version, keeping order and activity ids. */
export async function copyModules(db: Db, fromVersionId: string, toVersionId: string) {
  await sql`insert into microcredential_modules (org_id, version_id, position, title, content, links, estimated_minutes, activity_type, activity)
    select org_id, ${toVersionId}, position, title, content, links, estimated_minutes, activity_type, activity
    from microcredential_modules where version_id = ${fromVersionId}`.execute(db);
}

export function insertMediaFile(
  db: Db,
  f: {
    orgId: string;
    mediaType: MediaType;
    bytes: Buffer;
    width: number;
    height: number;
    sha256: string;
    originalName: string | null;
    createdBy: string | null;
  },
) {
  return db
    .insertInto('media_files')
    .values({
      org_id: f.orgId,
      media_type: f.mediaType,
      bytes: f.bytes,
      byte_size: f.bytes.length,
      width: f.width,
      height: f.height,
      sha256: f.sha256,
      original_name: f.originalName,
      created_by: f.createdBy,
    })
    .returning(['id', 'media_type', 'width', 'height', 'byte_size'])
    .executeTakeFirstOrThrow();
}

export function findMediaFile(db: Db, id: string) {
  return db
    .selectFrom('media_files')
    .select(['id', 'org_id', 'media_type', 'bytes', 'sha256'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findMediaFileOwner(db: Db, id: string) {
  return db.selectFrom('media_files').select(['id', 'org_id']).where('id', '=', id).executeTakeFirst();
}

export function findOrganizationsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('organizations').select(['id', 'slug', 'name', 'roles', 'did']).where('id', 'in', ids).execute();
}
