import { sql, type Expression, type SqlBool } from 'kysely';
import type { SkillFrameworkSource } from '../db/schema.js';
import type { Db } from '../db/transaction.js';

export type SkillInput = {
  code: string;
  name: string;
  description: string;
  group: string | null;
  altLabels: string[];
  skillType: string | null;
  uri: string | null;
};

/** The weighted search document of a skill: name first, then other labels and group, then description. */
function skillSearch(s: SkillInput) {
  return sql<string>`setweight(to_tsvector('english', ${s.name}), 'A') || setweight(to_tsvector('english', ${[...s.altLabels, s.group ?? ''].join(' ')}), 'B') || setweight(to_tsvector('english', ${s.description}), 'C')`;
}

export function findFramework(db: Db, orgId: string | null, name: string) {
  return db
    .selectFrom('skill_frameworks')
    .select(['id', 'org_id', 'name', 'source', 'content_version'])
    .where(orgId === null ? sql<SqlBool>`org_id is null` : sql<SqlBool>`org_id = ${orgId}`)
    .where(sql<string>`lower(name)`, '=', name.toLowerCase())
    .forUpdate()
    .executeTakeFirst();
}

export function insertFramework(
  db: Db,
  f: { orgId: string | null; name: string; source: SkillFrameworkSource; contentVersion?: string },
) {
  return db
    .insertInto('skill_frameworks')
    .values({ org_id: f.orgId, name: f.name, source: f.source, content_version: f.contentVersion ?? null })
    .returning(['id', 'org_id', 'name', 'source', 'content_version'])
    .executeTakeFirstOrThrow();
}

export async function setFrameworkVersion(db: Db, id: string, contentVersion: string) {
  await db
    .updateTable('skill_frameworks')
    .set({ content_version: contentVersion, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

/**
 * Inserts or updates skills of one framework by code, in batches. Returns how many were new
 * and how many existed (`xmax = 0` marks a row this statement inserted).
 */
export async function upsertSkills(db: Db, frameworkId: string, orgId: string | null, skills: SkillInput[]) {
  let created = 0;
  let updated = 0;
  for (let i = 0; i < skills.length; i += 1000) {
    const batch = skills.slice(i, i + 1000);
    const rows = await db
      .insertInto('skills')
      .values(
        batch.map((s) => ({
          framework_id: frameworkId,
          org_id: orgId,
          code: s.code,
          name: s.name,
          description: s.description,
          group_name: s.group,
          skill_type: s.skillType,
          uri: s.uri,
          alt_labels: s.altLabels,
          search: skillSearch(s),
        })),
      )
      .onConflict((oc) =>
        oc.columns(['framework_id', 'code']).doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          description: eb.ref('excluded.description'),
          group_name: eb.ref('excluded.group_name'),
          skill_type: eb.ref('excluded.skill_type'),
          uri: eb.ref('excluded.uri'),
          alt_labels: eb.ref('excluded.alt_labels'),
          search: eb.ref('excluded.search'),
          updated_at: sql`now()`,
        })),
      )
      .returning(sql<boolean>`(xmax = 0)`.as('inserted'))
      .execute();
    for (const r of rows) {
      if (r.inserted) created += 1;
      else updated += 1;
    }
  }
  return { created, updated };
}

/** Frameworks visible to an organisation (the starter framework and its own) with their sizes. */
export function listFrameworks(db: Db, orgId: string) {
  return db
    .selectFrom('skill_frameworks as f')
    .select(['f.id', 'f.org_id', 'f.name', 'f.source', 'f.created_at', 'f.updated_at'])
    .select(sql<number>`(select count(*)::int from skills s where s.framework_id = f.id)`.as('skillCount'))
    .where((eb) => eb.or([eb('f.org_id', 'is', null), eb('f.org_id', '=', orgId)]))
    .orderBy(sql`f.org_id is null`, 'desc')
    .orderBy('f.name')
    .execute();
}

export type SkillSearch = { q?: string; frameworkId?: string; orgIds: string[]; limit: number };

const skillColumns = [
  's.id',
  's.code',
  's.name',
  's.description',
  's.group_name',
  's.skill_type',
  's.uri',
  's.alt_labels',
  's.org_id',
  'f.id as framework_id',
  'f.name as framework_name',
  'f.source as framework_source',
] as const;

/** Searches skills of the starter framework and of the given organisations. */
export function searchSkills(db: Db, search: SkillSearch) {
  let query = db
    .selectFrom('skills as s')
    .innerJoin('skill_frameworks as f', 'f.id', 's.framework_id')
    .select(skillColumns)
    .where((eb) =>
      search.orgIds.length > 0
        ? eb.or([eb('s.org_id', 'is', null), eb('s.org_id', 'in', search.orgIds)])
        : eb('s.org_id', 'is', null),
    );
  if (search.frameworkId) query = query.where('s.framework_id', '=', search.frameworkId);
  const q = search.q?.trim();
  if (q) {
    const tsq = sql`websearch_to_tsquery('english', ${q})`;
    const match: Expression<SqlBool> = sql<SqlBool>`(s.search @@ ${tsq} or s.name % ${q} or s.name ilike ${`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} or s.code = ${q})`;
    query = query
      .where(match)
      .orderBy(sql`(s.code = ${q})`, 'desc')
      .orderBy(sql`ts_rank(s.search, ${tsq}) + similarity(s.name, ${q})`, 'desc');
  } else {
    query = query.orderBy('s.group_name').orderBy('s.name');
  }
  return query.orderBy('s.id').limit(search.limit).execute();
}

export function findSkill(db: Db, id: string) {
  return db
    .selectFrom('skills as s')
    .innerJoin('skill_frameworks as f', 'f.id', 's.framework_id')
    .select(skillColumns)
    .where('s.id', '=', id)
    .executeTakeFirst();
}

export function findSkillsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('skills as s')
    .innerJoin('skill_frameworks as f', 'f.id', 's.framework_id')
    .select(skillColumns)
    .where('s.id', 'in', ids)
    .execute();
}

/** Whether a skill is aligned to some programme in the public catalogue. */
export async function isSkillInCatalog(db: Db, id: string) {
  const row = await db
    .selectFrom('catalog_entries')
    .select('microcredential_id')
    .where(sql<SqlBool>`skill_ids @> array[${id}]::uuid[]`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function countStarterSkills(db: Db) {
  const row = await db
    .selectFrom('skills')
    .select([sql<number>`count(*)::int`.as('skills'), sql<number>`count(distinct group_name)::int`.as('groups')])
    .where('org_id', 'is', null)
    .executeTakeFirstOrThrow();
  return row;
}

/** Organisations the person belongs to. */
export async function orgIdsOfUser(db: Db, userId: string) {
  const rows = await db.selectFrom('memberships').select('org_id').where('user_id', '=', userId).execute();
  return rows.map((r) => r.org_id);
}

/** Ids of starter-framework skills by code. */
export async function findStarterSkillIdsByCode(db: Db, codes: string[]) {
  if (codes.length === 0) return [];
  return db
    .selectFrom('skills')
    .select(['id', 'code'])
    .where('org_id', 'is', null)
    .where('code', 'in', [...new Set(codes)])
    .execute();
}
