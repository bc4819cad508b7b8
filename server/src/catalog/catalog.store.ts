import { sql, type SqlBool } from 'kysely';
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
  fieldOfStudy: string | null;
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
    field_of_study: e.fieldOfStudy,
    duration_weeks: e.durationWeeks,
    image_url: e.imageUrl,
    published_at: e.publishedAt,
    search,
    change_seq: sql<string>`nextval('catalog_entries_change_seq')`,
  };
  const { microcredential_id: _id, ...update } = values;
  // Catalogue writers take turns until commit, so change_seq values become visible in order:
  // an index that has caught up to seq N can never later meet a row below N committing late.
  await sql`select pg_advisory_xact_lock(hashtext('cairn.catalog_entries'))`.execute(db);
  await db
    .insertInto('catalog_entries')
    .values(values)
    .onConflict((oc) => oc.column('microcredential_id').doUpdateSet(update))
    .execute();
}

/** The newest change on the catalogue; an index that has seen it is up to date. */
export async function catalogChangeSeq(db: Db): Promise<string> {
  const { rows } = await sql<{
    seq: string;
  }>`select coalesce(max(change_seq), 0)::text as seq from catalog_entries`.execute(db);
  return rows[0]?.seq ?? '0';
}

/**
 * Filter and facet fields of the rows changed after `sinceSeq`, for the in-memory index, with
 * each row's title and search document: its lexemes, each with the weight letter of each
 * occurrence, as `lexeme US weights RS lexeme US weights …` (ASCII unit and record separators,
 * which the English parser never puts in a lexeme; one string per row travels much faster
 * than a row per lexeme).
 */
export function listIndexRowsSince(db: Db, sinceSeq: string) {
  return db
    .selectFrom('catalog_entries')
    .select([
      'microcredential_id',
      'provider_slug',
      'provider_name',
      'skill_ids',
      'partner_slugs',
      'accreditor_slugs',
      'endorser_slugs',
      'level',
      'format',
      'language',
      'cost_major',
      'cost_amount_minor',
      'cost_currency',
      'effort_hours',
      'cpd_hours',
      'duration_weeks',
      'published_at',
      'title',
      sql<
        string | null
      >`(select string_agg(lexeme || chr(31) || coalesce(array_to_string(weights, ''), ''), chr(30)) from unnest(search))`.as(
        'terms',
      ),
      sql<string>`change_seq::text`.as('change_seq'),
    ])
    .where('change_seq', '>', sinceSeq)
    .execute();
}

/** The query as PostgreSQL's English full-text search reads it (websearch syntax), printed. */
export async function toTsQuery(db: Db, q: string): Promise<string> {
  const { rows } = await sql<{ tsq: string }>`select websearch_to_tsquery('english', ${q})::text as tsq`.execute(db);
  return rows[0]?.tsq ?? '';
}

/**
 * Programmes whose search document matches a tsquery, with ts_rank (normalised by length).
 * For the queries the in-memory text index does not evaluate (phrases): it visits every match.
 */
export async function findFullTextMatches(db: Db, q: string): Promise<Map<string, number>> {
  const tsq = sql`websearch_to_tsquery('english', ${q})`;
  // One row with one string: thousands of matches travel as a single value (much cheaper for
  // the embedded engine than thousands of rows).
  const { rows } = await sql<{ packed: string | null }>`
    select string_agg(microcredential_id::text || ':' || ts_rank(search, ${tsq}, 1)::text, ',') as packed
    from catalog_entries where search @@ ${tsq}`.execute(db);
  const out = new Map<string, number>();
  for (const entry of rows[0]?.packed?.split(',') ?? []) {
    const at = entry.indexOf(':');
    out.set(entry.slice(0, at), Number(entry.slice(at + 1)));
  }
  return out;
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
  accreditor_slugs: string[];
  endorser_slugs: string[];
  level: number | null;
  format: LearningFormat;
  language: string;
  cost_amount_minor: number | null;
  cost_currency: string | null;
  effort_hours: number;
  cpd_hours: number;
  field_of_study: string | null;
  duration_weeks: number;
  image_url: string | null;
  published_at: Date;
};

export async function findEntriesByIds(db: Db, ids: string[]): Promise<CatalogRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('catalog_entries')
    .select([
      'microcredential_id',
      'slug',
      'title',
      'summary',
      'provider_slug',
      'provider_name',
      'skills',
      'partners',
      'accreditor_slugs',
      'endorser_slugs',
      'level',
      'format',
      'language',
      'cost_amount_minor',
      'cost_currency',
      'effort_hours',
      'cpd_hours',
      'field_of_study',
      'duration_weeks',
      'image_url',
      'published_at',
    ])
    .where('microcredential_id', 'in', ids)
    .execute();
  return rows as CatalogRow[];
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
  return db
    .selectFrom('catalog_entries')
    .selectAll()
    .where('provider_slug', '=', providerSlug)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

/** Whether a version is the one the catalogue lists for its micro-credential. */
export async function isListedVersion(db: Db, versionId: string) {
  const row = await db
    .selectFrom('catalog_entries')
    .select('microcredential_id')
    .where('version_id', '=', versionId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Brings what catalogue rows copy of an organisation up to date: its name as the provider,
 * and its name as a partner (or drops it as a partner when it no longer has that role, as
 * publishing would). Rows that change get a new change_seq, so every server's in-memory index
 * picks them up on its next search. Run in a transaction: it takes the catalogue writers' lock.
 * Returns how many rows changed.
 */
export async function rewriteOrganizationInEntries(
  db: Db,
  org: { id: string; slug: string; name: string; isPartner: boolean },
): Promise<number> {
  await sql`select pg_advisory_xact_lock(hashtext('cairn.catalog_entries'))`.execute(db);
  const asProvider = await db
    .updateTable('catalog_entries')
    .set({ provider_name: org.name, change_seq: sql<string>`nextval('catalog_entries_change_seq')` })
    .where('org_id', '=', org.id)
    .where('provider_name', '<>', org.name)
    .executeTakeFirst();
  const partners = org.isPartner
    ? sql<string>`coalesce((select jsonb_agg(case when p->>'slug' = ${org.slug} then jsonb_set(p, '{name}', to_jsonb(${org.name}::text)) else p end order by n)
        from jsonb_array_elements(partners) with ordinality as e(p, n)), '[]'::jsonb)`
    : sql<string>`coalesce((select jsonb_agg(p order by n) from jsonb_array_elements(partners) with ordinality as e(p, n) where p->>'slug' <> ${org.slug}), '[]'::jsonb)`;
  const asPartner = await db
    .updateTable('catalog_entries')
    .set({
      partners,
      ...(org.isPartner ? {} : { partner_slugs: sql<string[]>`array_remove(partner_slugs, ${org.slug})` }),
      change_seq: sql<string>`nextval('catalog_entries_change_seq')`,
    })
    .where(sql<SqlBool>`partner_slugs @> array[${org.slug}]::text[]`)
    .where(
      org.isPartner
        ? sql<SqlBool>`not partners @> jsonb_build_array(jsonb_build_object('slug', ${org.slug}::text, 'name', ${org.name}::text))`
        : sql<SqlBool>`true`,
    )
    .executeTakeFirst();
  return Number(asProvider.numUpdatedRows + asPartner.numUpdatedRows);
}

/** The catalogue rows of a provider's programmes, with what they copy of accreditation and endorsement. */
export function listRecognitionOfOrganization(db: Db, orgId: string) {
  return db
    .selectFrom('catalog_entries')
    .select(['microcredential_id', 'version_id', 'org_id', 'accreditor_slugs', 'endorser_slugs'])
    .where('org_id', '=', orgId)
    .execute();
}

/**
 * Writes the organisations whose accreditation or endorsement of a listed programme is in force;
 * a row that changes gets a new change_seq, so every server's index picks it up. Run in a
 * transaction: it takes the catalogue writers' lock.
 */
export async function setRecognitionOfEntry(
  db: Db,
  microcredentialId: string,
  recognition: { accreditorSlugs: string[]; endorserSlugs: string[] },
) {
  await sql`select pg_advisory_xact_lock(hashtext('cairn.catalog_entries'))`.execute(db);
  await db
    .updateTable('catalog_entries')
    .set({
      accreditor_slugs: recognition.accreditorSlugs,
      endorser_slugs: recognition.endorserSlugs,
      change_seq: sql<string>`nextval('catalog_entries_change_seq')`,
    })
    .where('microcredential_id', '=', microcredentialId)
    .execute();
}
