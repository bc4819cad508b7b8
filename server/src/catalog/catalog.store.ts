import { sql, type RawBuilder } from 'kysely';
import type { LearningFormat } from '../db/schema.js';
import type { Db } from '../db/transaction.js';

export type CatalogEntryInput = {
  microcredentialId: string;
  orgId: string;
  versionId: string;
  slug: string;
  providerSlug: string;
  providerName: string;
  title: string;
  summary: string;
  description: string;
  outcomes: string[];
  skills: { id: string; name: string }[];
  partners: { slug: string; name: string }[];
  level: number | null;
  format: LearningFormat;
  language: string;
  cost: { amountMinor: number; currency: string; major: number } | null;
  effortHours: number;
  cpdHours: number;
  durationWeeks: number;
  imageUrl: string | null;
  publishedAt: Date;
};

/**
 * Writes the search row of a micro-credential: its latest published version, with a weighted
 * search document (title A; summary and skill names B; outcomes C; description D).
 */
export async function upsertCatalogEntry(db: Db, e: CatalogEntryInput) {
  const search = sql<string>`setweight(to_tsvector('english', ${e.title}), 'A')
    || setweight(to_tsvector('english', ${`${e.summary} ${e.skills.map((s) => s.name).join('. ')}`}), 'B')
    || setweight(to_tsvector('english', ${e.outcomes.join('. ')}), 'C')
    || setweight(to_tsvector('english', ${e.description}), 'D')`;
  const values = {
    microcredential_id: e.microcredentialId,
    org_id: e.orgId,
    version_id: e.versionId,
    slug: e.slug,
    provider_slug: e.providerSlug,
    provider_name: e.providerName,
    title: e.title,
    summary: e.summary,
    skill_ids: e.skills.map((s) => s.id),
    skills: JSON.stringify(e.skills),
    partner_slugs: e.partners.map((p) => p.slug),
    partners: JSON.stringify(e.partners),
    level: e.level,
    format: e.format,
    language: e.language,
    cost_amount_minor: e.cost?.amountMinor ?? null,
    cost_currency: e.cost?.currency ?? null,
    cost_major: e.cost?.major ?? 0,
    effort_hours: e.effortHours,
    cpd_hours: e.cpdHours,
    duration_weeks: e.durationWeeks,
    image_url: e.imageUrl,
    published_at: e.publishedAt,
    search,
  };
  const { microcredential_id: _id, ...update } = values;
  await db
    .insertInto('catalog_entries')
    .values(values)
    .onConflict((oc) => oc.column('microcredential_id').doUpdateSet(update))
    .execute();
}

export type CatalogSort = 'relevance' | 'newest' | 'shortest' | 'cheapest';

export type CatalogQuery = {
  q?: string;
  skills: string[];
  providers: string[];
  partners: string[];
  levels: number[];
  formats: LearningFormat[];
  languages: string[];
  minCost?: number;
  maxCost?: number;
  maxHours?: number;
  minCpd?: number;
  maxWeeks?: number;
  isFree?: boolean;
  sort: CatalogSort;
  page: number;
  pageSize: number;
};

type Conditions = { common: RawBuilder<unknown>[]; facet: Record<FacetName, RawBuilder<unknown> | null> };
export type FacetName = 'skill' | 'provider' | 'partner' | 'level' | 'format' | 'language';

const uuidArray = (ids: string[]) => sql`cast(${`{${ids.join(',')}}`} as uuid[])`;
// Values are validated slugs, tags and enum members, so the array literal needs no quoting.
const textArray = (values: string[]) => sql`cast(${`{${values.join(',')}}`} as text[])`;

function tsQuery(q: string) {
  return sql`websearch_to_tsquery('english', ${q})`;
}

/** Filters split into those every facet shares and those a facet leaves out when counting itself. */
function conditionsOf(query: CatalogQuery): Conditions {
  const common: RawBuilder<unknown>[] = [];
  // Full text, or a title that looks like the query (trigrams forgive typos).
  if (query.q) common.push(sql`(ce.search @@ ${tsQuery(query.q)} or ce.title % ${query.q} or ${query.q} <% ce.title)`);
  if (query.minCost !== undefined) common.push(sql`ce.cost_major >= ${query.minCost}`);
  if (query.maxCost !== undefined) common.push(sql`ce.cost_major <= ${query.maxCost}`);
  if (query.isFree === true) common.push(sql`ce.cost_amount_minor is null`);
  if (query.isFree === false) common.push(sql`ce.cost_amount_minor is not null`);
  if (query.maxHours !== undefined) common.push(sql`ce.effort_hours <= ${query.maxHours}`);
  if (query.minCpd !== undefined) common.push(sql`ce.cpd_hours >= ${query.minCpd}`);
  if (query.maxWeeks !== undefined) common.push(sql`ce.duration_weeks <= ${query.maxWeeks}`);
  return {
    common,
    facet: {
      skill: query.skills.length > 0 ? sql`ce.skill_ids && ${uuidArray(query.skills)}` : null,
      provider: query.providers.length > 0 ? sql`ce.provider_slug = any(${textArray(query.providers)})` : null,
      partner: query.partners.length > 0 ? sql`ce.partner_slugs && ${textArray(query.partners)}` : null,
      level: query.levels.length > 0 ? sql`ce.level = any(cast(${`{${query.levels.join(',')}}`} as int[]))` : null,
      format: query.formats.length > 0 ? sql`ce.format = any(${textArray(query.formats)})` : null,
      language: query.languages.length > 0 ? sql`ce.language = any(${textArray(query.languages)})` : null,
    },
  };
}

function whereOf(parts: RawBuilder<unknown>[]) {
  return parts.length > 0 ? sql`where ${sql.join(parts, sql` and `)}` : sql``;
}

export type CatalogRow = {
  microcredential_id: string;
  slug: string;
  title: string;
  summary: string;
  provider_slug: string;
  provider_name: string;
  skills: { id: string; name: string }[];
  partners: { slug: string; name: string }[];
  level: number | null;
  format: LearningFormat;
  language: string;
  cost_amount_minor: number | null;
  cost_currency: string | null;
  effort_hours: number;
  cpd_hours: number;
  duration_weeks: number;
  image_url: string | null;
  published_at: Date;
  total: number;
};

/** One page of matching programmes, with the total number of matches. */
export async function searchCatalogPage(db: Db, query: CatalogQuery) {
  const { common, facet } = conditionsOf(query);
  const all = [...common, ...Object.values(facet).filter((c): c is RawBuilder<unknown> => c !== null)];
  const order =
    query.sort === 'relevance' && query.q
      ? sql`ts_rank_cd(ce.search, ${tsQuery(query.q)}) + similarity(ce.title, ${query.q}) * 0.5 desc, ce.published_at desc`
      : query.sort === 'shortest'
        ? sql`ce.effort_hours asc, ce.duration_weeks asc`
        : query.sort === 'cheapest'
          ? sql`ce.cost_major asc, ce.effort_hours asc`
          : sql`ce.published_at desc`;
  const { rows } = await sql<CatalogRow>`
    select ce.microcredential_id, ce.slug, ce.title, ce.summary, ce.provider_slug, ce.provider_name, ce.skills, ce.partners,
      ce.level, ce.format, ce.language, ce.cost_amount_minor, ce.cost_currency, ce.effort_hours, ce.cpd_hours,
      ce.duration_weeks, ce.image_url, ce.published_at, (count(*) over ())::int as total
    from catalog_entries ce
    ${whereOf(all)}
    order by ${order}, ce.microcredential_id
    limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`.execute(db);
  return rows;
}

export async function countCatalog(db: Db, query: CatalogQuery) {
  const { common, facet } = conditionsOf(query);
  const all = [...common, ...Object.values(facet).filter((c): c is RawBuilder<unknown> => c !== null)];
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from catalog_entries ce ${whereOf(all)}`.execute(db);
  return rows[0]?.n ?? 0;
}

export type FacetRow = { facet: FacetName; value: string; label: string | null; count: number };

const FACET_LIMIT = 30;

/**
 * Counts per facet value for the current search. Each facet is counted with every filter
 * except its own, so choosing one skill still shows how many programmes the other skills have.
 * One scan of the matching rows (flags per facet filter), then small aggregates over it.
 */
export async function catalogFacets(db: Db, query: CatalogQuery) {
  const { common, facet } = conditionsOf(query);
  const names = Object.keys(facet) as FacetName[];
  const flag = (name: FacetName) => facet[name] ?? sql`true`;
  const others = (name: FacetName) => {
    const parts = names.filter((n) => n !== name && facet[n] !== null).map((n) => sql.ref(`f_${n}`));
    return parts.length > 0 ? sql`where ${sql.join(parts, sql` and `)}` : sql``;
  };
  const and = (name: FacetName, extra: RawBuilder<unknown>) => {
    const parts = names.filter((n) => n !== name && facet[n] !== null).map((n) => sql.ref(`f_${n}`));
    return sql`where ${sql.join([extra, ...parts], sql` and `)}`;
  };
  const { rows } = await sql<FacetRow>`
    with base as materialized (
      select ce.skill_ids, ce.provider_slug, ce.provider_name, ce.partner_slugs, ce.level, ce.format, ce.language,
        ${flag('skill')} as f_skill, ${flag('provider')} as f_provider, ${flag('partner')} as f_partner,
        ${flag('level')} as f_level, ${flag('format')} as f_format, ${flag('language')} as f_language
      from catalog_entries ce
      ${whereOf(common)}
    )
    (select 'skill' as facet, s.value::text as value, null::text as label, count(*)::int as count
      from base cross join lateral unnest(base.skill_ids) as s(value) ${others('skill')}
      group by s.value order by count(*) desc, s.value limit ${FACET_LIMIT})
    union all
    (select 'provider', provider_slug, max(provider_name), count(*)::int from base ${others('provider')}
      group by provider_slug order by count(*) desc, provider_slug limit ${FACET_LIMIT})
    union all
    (select 'partner', p.value, null, count(*)::int
      from base cross join lateral unnest(base.partner_slugs) as p(value) ${others('partner')}
      group by p.value order by count(*) desc, p.value limit ${FACET_LIMIT})
    union all
    (select 'level', level::text, null, count(*)::int from base ${and('level', sql`level is not null`)} group by level)
    union all
    (select 'format', format, null, count(*)::int from base ${others('format')} group by format)
    union all
    (select 'language', language, null, count(*)::int from base ${others('language')} group by language)`.execute(db);
  return rows;
}

export function findSkillNames(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('skills').select(['id', 'name']).where('id', 'in', ids).execute();
}

export function findPartnerNames(db: Db, slugs: string[]) {
  if (slugs.length === 0) return Promise.resolve([]);
  return db.selectFrom('organizations').select(['slug', 'name']).where('slug', 'in', slugs).execute();
}

export function findCatalogEntry(db: Db, providerSlug: string, slug: string) {
  return db.selectFrom('catalog_entries').selectAll().where('provider_slug', '=', providerSlug).where('slug', '=', slug).executeTakeFirst();
}

/** Whether a version is the one the catalogue lists for its micro-credential. */
export async function isListedVersion(db: Db, versionId: string) {
  const row = await db.selectFrom('catalog_entries').select('microcredential_id').where('version_id', '=', versionId).executeTakeFirst();
  return row !== undefined;
}
