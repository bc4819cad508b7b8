/**
 * The bench catalogue: 100,000 published programmes (BENCH_PROGRAMMES) over the 303 starter
 * skills, 50 providers and 12 partners, from a fixed seed so every run builds the same one.
 * Written straight into the catalogue tables in batches (publishing each through the API would
 * take hours). Shared by the catalogue search and goal plan benches.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Database } from '../server/src/db/database.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import { ensureStarterFramework } from '../server/src/skills/skills.service.js';

/** mulberry32: a small seeded generator, so every run builds the same catalogue. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => int(16).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
  return { next, int, pick, uuid };
}

const adjectives = [
  'Practical',
  'Applied',
  'Foundations of',
  'Advanced',
  'Essential',
  'Introduction to',
  'Professional',
  'Hands-on',
  'Modern',
  'Strategic',
];
const nouns = [
  'Essentials',
  'for Teams',
  'in Practice',
  'Bootcamp',
  'Certificate',
  'for Managers',
  'Fundamentals',
  'Workshop',
  'Masterclass',
  'for Beginners',
];
const vocabulary =
  'learners build confidence through guided practice real case studies short videos reflective tasks peer discussion and a final assessment that checks each outcome against industry expectations while the provider supports progress with feedback and resources'.split(
    ' ',
  );
export const formats = ['self_paced', 'cohort', 'blended'] as const;
const languages = ['en', 'en', 'en', 'en', 'de', 'fr', 'es', 'nl', 'pt-BR'];
const currencies = ['EUR', 'GBP', 'USD'];

export type Setup = { skills: { id: string; name: string }[]; providers: string[]; partners: string[] };

/** Migrates, loads the starter framework and writes `programmes` published programmes. */
export async function populate(database: Database, programmes: number, seed: number): Promise<Setup> {
  const db = database.db;
  await migrateToLatest(db);
  await ensureStarterFramework(db);
  const rand = seeded(seed);
  const skills = await db
    .selectFrom('skills')
    .select(['id', 'name'])
    .where('org_id', 'is', null)
    .orderBy('code')
    .execute();
  const orgs = Array.from({ length: 62 }, (_, i) => {
    const isPartner = i >= 50;
    const slug = isPartner ? `partner-${i - 49}` : `provider-${i + 1}`;
    return {
      id: rand.uuid(),
      slug,
      name: isPartner ? `Industry Partner ${i - 49}` : `Provider ${i + 1}`,
      roles: [isPartner ? 'partner' : 'provider'],
      did: `did:web:bench.test:orgs:${slug}`,
    };
  });
  await db
    .insertInto('organizations')
    .values(orgs.map((o) => ({ ...o, roles: o.roles as ('partner' | 'provider')[] })))
    .execute();
  const providers = orgs.filter((o) => o.roles[0] === 'provider');
  const partners = orgs.filter((o) => o.roles[0] === 'partner');
  const started = performance.now();
  const batch = 2000;
  const epoch = Date.UTC(2025, 0, 1);
  for (let start = 0; start < programmes; start += batch) {
    const rows = [];
    for (let i = start; i < Math.min(programmes, start + batch); i += 1) {
      const provider = rand.pick(providers);
      const chosen = [...new Set(Array.from({ length: 2 + rand.int(4) }, () => rand.pick(skills)))];
      const main = chosen[0]!;
      const title = `${rand.pick(adjectives)} ${main.name} ${rand.pick(nouns)}`;
      const partnerList = rand.next() < 0.2 ? [rand.pick(partners)] : [];
      const isFree = rand.next() < 0.25;
      const currency = rand.pick(currencies);
      const amountMinor = isFree ? null : (20 + rand.int(980)) * 100;
      rows.push({
        id: rand.uuid(),
        vid: rand.uuid(),
        org_id: provider.id,
        slug: `programme-${i + 1}`,
        provider_slug: provider.slug,
        provider_name: provider.name,
        title,
        summary: `Build ${chosen.map((s) => s.name.toLowerCase()).join(', ')} skills for the workplace.`,
        description: Array.from({ length: 40 }, () => rand.pick(vocabulary)).join(' '),
        outcomes: chosen.map((s) => `Apply ${s.name.toLowerCase()} at work`).join('. '),
        skill_names: chosen.map((s) => s.name).join('. '),
        skill_ids: chosen.map((s) => s.id),
        skills: chosen,
        partner_slugs: partnerList.map((p) => p.slug),
        partners: partnerList.map((p) => ({ slug: p.slug, name: p.name })),
        level: 2 + rand.int(6),
        format: rand.pick(formats),
        language: rand.pick(languages),
        cost_minor: amountMinor,
        currency: isFree ? null : currency,
        cost_major: amountMinor === null ? 0 : amountMinor / 100,
        effort: 2 + rand.int(80),
        cpd: rand.int(60),
        weeks: 1 + rand.int(16),
        published_at: new Date(epoch + rand.int(600 * 86_400_000)).toISOString(),
      });
    }
    const json = JSON.stringify(rows);
    const src = sql`json_to_recordset(cast(${json} as json)) as x(id uuid, vid uuid, org_id uuid, slug text, provider_slug text, provider_name text, title text, summary text,
      description text, outcomes text, skill_names text, skill_ids uuid[], skills jsonb, partner_slugs text[], partners jsonb, level int, format text, language text,
      cost_minor int, currency text, cost_major float8, effort float8, cpd float8, weeks int, published_at timestamptz)`;
    await sql`insert into microcredentials (id, org_id, slug) select id, org_id, slug from ${src}`.execute(db);
    await sql`insert into microcredential_versions (id, org_id, microcredential_id, version_number, status, title, summary, skill_ids, published_at)
      select vid, org_id, id, 1, 'published', title, summary, skill_ids, published_at from ${src}`.execute(db);
    await sql`insert into catalog_entries (microcredential_id, org_id, version_id, slug, provider_slug, provider_name, title, summary, skill_ids, skills,
        partner_slugs, partners, level, format, language, cost_amount_minor, cost_currency, cost_major, effort_hours, cpd_hours, duration_weeks, image_url, published_at, search)
      select id, org_id, vid, slug, provider_slug, provider_name, title, summary, skill_ids, skills, partner_slugs, partners, level, format, language,
        cost_minor, currency, cost_major, effort, cpd, weeks, null, published_at,
        setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', summary || ' ' || skill_names), 'B')
          || setweight(to_tsvector('english', outcomes), 'C') || setweight(to_tsvector('english', description), 'D')
      from ${src}`.execute(db);
  }
  await sql`analyze`.execute(db);
  console.log(
    `  loaded ${programmes.toLocaleString('en')} programmes, ${skills.length} skills, ${providers.length} providers, ${partners.length} partners in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return { skills, providers: providers.map((p) => p.slug), partners: partners.map((p) => p.slug) };
}
