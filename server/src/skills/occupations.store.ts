import { sql, type SqlBool } from 'kysely';
import type { OccupationRelation } from '../db/schema.js';
import type { Db } from '../db/transaction.js';

export type OccupationInput = {
  uri: string;
  title: string;
  description: string;
  code: string;
  altLabels: string[];
  iscoGroup: string | null;
};

const BATCH = 1000;

/** Inserts or updates occupations of one framework by URI; returns the counts and every id by URI. */
export async function upsertOccupations(db: Db, frameworkId: string, orgId: string | null, rows: OccupationInput[]) {
  let created = 0;
  let updated = 0;
  const ids = new Map<string, string>();
  for (let i = 0; i < rows.length; i += BATCH) {
    const result = await db
      .insertInto('occupations')
      .values(
        rows.slice(i, i + BATCH).map((o) => ({
          framework_id: frameworkId,
          org_id: orgId,
          uri: o.uri,
          code: o.code,
          title: o.title,
          description: o.description,
          alt_labels: o.altLabels,
          isco_group: o.iscoGroup,
          search: sql<string>`setweight(to_tsvector('english', ${o.title}), 'A') || setweight(to_tsvector('english', ${o.altLabels.join(' ')}), 'B') || setweight(to_tsvector('english', ${o.description}), 'C')`,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['framework_id', 'uri']).doUpdateSet((eb) => ({
          code: eb.ref('excluded.code'),
          title: eb.ref('excluded.title'),
          description: eb.ref('excluded.description'),
          alt_labels: eb.ref('excluded.alt_labels'),
          isco_group: eb.ref('excluded.isco_group'),
          search: eb.ref('excluded.search'),
          updated_at: sql`now()`,
        })),
      )
      .returning(['id', 'uri', sql<boolean>`(xmax = 0)`.as('inserted')])
      .execute();
    for (const r of result) {
      ids.set(r.uri, r.id);
      if (r.inserted) created += 1;
      else updated += 1;
    }
  }
  return { created, updated, ids };
}

/** Ids by URI of the framework's occupations among `uris`. */
export async function occupationIdsByUri(db: Db, frameworkId: string, uris: string[]) {
  const ids = new Map<string, string>();
  for (let i = 0; i < uris.length; i += BATCH) {
    const rows = await db
      .selectFrom('occupations')
      .select(['id', 'uri'])
      .where('framework_id', '=', frameworkId)
      .where('uri', 'in', uris.slice(i, i + BATCH))
      .execute();
    for (const r of rows) ids.set(r.uri, r.id);
  }
  return ids;
}

/** Ids by URI of the framework's skills among `uris`. */
export async function skillIdsByUri(db: Db, frameworkId: string, uris: string[]) {
  const ids = new Map<string, string>();
  for (let i = 0; i < uris.length; i += BATCH) {
    const rows = await db
      .selectFrom('skills')
      .select(['id', 'uri'])
      .where('framework_id', '=', frameworkId)
      .where('uri', 'in', uris.slice(i, i + BATCH))
      .execute();
    for (const r of rows) if (r.uri) ids.set(r.uri, r.id);
  }
  return ids;
}

/** Replaces the skills of each occupation named in `relations` with the ones listed there. */
export async function replaceOccupationSkills(
  db: Db,
  relations: { occupationId: string; skillId: string; relation: OccupationRelation }[],
) {
  const occupationIds = [...new Set(relations.map((r) => r.occupationId))];
  for (let i = 0; i < occupationIds.length; i += BATCH)
    await db
      .deleteFrom('occupation_skills')
      .where('occupation_id', 'in', occupationIds.slice(i, i + BATCH))
      .execute();
  for (let i = 0; i < relations.length; i += BATCH)
    await db
      .insertInto('occupation_skills')
      .values(
        relations
          .slice(i, i + BATCH)
          .map((r) => ({ occupation_id: r.occupationId, skill_id: r.skillId, relation: r.relation })),
      )
      .execute();
}

/**
 * Who may see an occupation: those of a framework Cairn ships or of an ESCO framework (public
 * reference data, as ESCO publishes it) to everyone; others to their organisation's members.
 */
function visibleTo(orgIds: string[]) {
  return sql<SqlBool>`(o.org_id is null or f.source = 'esco'${orgIds.length > 0 ? sql` or o.org_id in (${sql.join(orgIds)})` : sql``})`;
}

/**
 * Searches the occupations the caller may see by title, other labels, description and code.
 * An occupation imported by several organisations (the same ESCO URI) comes back once,
 * preferring the caller's own framework, then a copy with its skills imported.
 */
export async function searchOccupations(db: Db, options: { q?: string; limit: number; orgIds: string[] }) {
  const q = options.q?.trim();
  const tsq = sql`websearch_to_tsquery('english', ${q ?? ''})`;
  let inner = db
    .selectFrom('occupations as o')
    .innerJoin('skill_frameworks as f', 'f.id', 'o.framework_id')
    .select(['o.id', 'o.uri', 'o.title', 'o.code'])
    .select(
      q
        ? sql<number>`(o.code = ${q})::int * 10 + ts_rank(o.search, ${tsq}) + similarity(o.title, ${q})`.as('rank')
        : sql<number>`0`.as('rank'),
    )
    .distinctOn('o.uri')
    .where(visibleTo(options.orgIds));
  if (q)
    inner = inner.where(
      sql<SqlBool>`(o.search @@ ${tsq} or o.title % ${q} or o.title ilike ${`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} or o.code = ${q})`,
    );
  inner = inner.orderBy('o.uri');
  if (options.orgIds.length > 0) inner = inner.orderBy(sql`o.org_id in (${sql.join(options.orgIds)})`, 'desc');
  // Then a copy whose skills were imported, then the newest.
  inner = inner
    .orderBy(sql`exists (select 1 from occupation_skills os where os.occupation_id = o.id)`, 'desc')
    .orderBy('o.updated_at', 'desc');
  return db
    .selectFrom(inner.as('m'))
    .select(['m.id', 'm.uri', 'm.title', 'm.code'])
    .orderBy('m.rank', 'desc')
    .orderBy('m.title')
    .orderBy('m.id')
    .limit(options.limit)
    .execute();
}

/** One occupation if the caller may see it. */
export function findOccupation(db: Db, id: string, orgIds: string[]) {
  return db
    .selectFrom('occupations as o')
    .innerJoin('skill_frameworks as f', 'f.id', 'o.framework_id')
    .select(['o.id', 'o.uri', 'o.title', 'o.code', 'o.description'])
    .where('o.id', '=', id)
    .where(visibleTo(orgIds))
    .executeTakeFirst();
}

/** The skills an occupation asks for: essential first, then by name. */
export function occupationSkills(db: Db, occupationId: string) {
  return db
    .selectFrom('occupation_skills as os')
    .innerJoin('skills as s', 's.id', 'os.skill_id')
    .select(['s.id as skillId', 's.name', 'os.relation'])
    .where('os.occupation_id', '=', occupationId)
    .orderBy(sql`os.relation = 'essential'`, 'desc')
    .orderBy('s.name')
    .execute();
}
