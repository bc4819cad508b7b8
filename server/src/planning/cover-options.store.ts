import { sql } from 'kysely';
import type { Db } from '../db/transaction.js';
import { targetsOf, type RequirementNode } from '../pathways/requirement-tree.js';
import type { CoverOption } from './skill-cover.js';

// What a plan can choose from: published catalogue programmes and published pathways that teach
// at least one of the wanted skills.

export type CoverOptionFilter = {
  skillIds: readonly string[];
  /** ISO 639 code: only programmes taught in it. */
  language?: string | undefined;
};

export async function loadCoverOptions(db: Db, filter: CoverOptionFilter): Promise<CoverOption[]> {
  if (filter.skillIds.length === 0) return [];
  const programmes = await programmesTeaching(db, filter);
  const pathways = await pathwaysTeaching(db, filter);
  return [...programmes, ...pathways];
}

type ProgrammeRow = {
  microcredential_id: string;
  slug: string;
  provider_slug: string;
  title: string;
  skill_ids: string[];
  language: string;
  cost_amount_minor: number | null;
  cost_currency: string | null;
  effort_hours: number;
  cpd_hours: number;
  duration_weeks: number;
  accreditor_slugs: string[];
};

function programmeColumns(db: Db) {
  return db
    .selectFrom('catalog_entries')
    .select([
      'microcredential_id',
      'slug',
      'provider_slug',
      'title',
      'skill_ids',
      'language',
      'cost_amount_minor',
      'cost_currency',
      'effort_hours',
      'cpd_hours',
      'duration_weeks',
      'accreditor_slugs',
    ]);
}

async function programmesTeaching(db: Db, filter: CoverOptionFilter): Promise<CoverOption[]> {
  let query = programmeColumns(db).where(sql<boolean>`skill_ids && ${sql.val([...filter.skillIds])}::uuid[]`);
  if (filter.language) query = query.where('language', '=', filter.language);
  const rows: ProgrammeRow[] = await query.execute();
  return rows.map(programmeOption);
}

function programmeOption(row: ProgrammeRow): CoverOption {
  return {
    kind: 'programme',
    id: row.microcredential_id,
    name: row.title,
    slug: row.slug,
    providerSlug: row.provider_slug,
    cost:
      row.cost_amount_minor !== null && row.cost_currency
        ? { amountMinor: row.cost_amount_minor, currency: row.cost_currency }
        : null,
    hours: row.effort_hours,
    cpdHours: row.cpd_hours,
    durationWeeks: row.duration_weeks,
    language: row.language,
    // Only accreditations signed and in force count here (the catalogue keeps these current).
    accreditedBy: row.accreditor_slugs,
    skillIds: row.skill_ids,
  };
}

/**
 * A pathway counts as one option: the skills of every programme it lists (and its skill
 * requirements), at the price and effort of all its listed programmes. For a pathway that asks
 * for only some of its programmes this overstates both; a plan then prefers the programmes.
 */
async function pathwaysTeaching(db: Db, filter: CoverOptionFilter): Promise<CoverOption[]> {
  const versions = await db
    .selectFrom('pathway_versions as v')
    .innerJoin('pathways as p', 'p.id', 'v.pathway_id')
    .innerJoin('organizations as o', 'o.id', 'v.org_id')
    .select(['v.pathway_id', 'v.name', 'v.tree', 'v.version_number', 'p.slug', 'o.slug as orgSlug'])
    .where('v.status', '=', 'published')
    .orderBy('v.pathway_id')
    .orderBy('v.version_number', 'desc')
    .execute();
  const latest = new Map<string, (typeof versions)[number]>();
  for (const v of versions) if (!latest.has(v.pathway_id)) latest.set(v.pathway_id, v);

  const targets = [...latest.values()].map((v) => ({ version: v, t: targetsOf(v.tree as RequirementNode) }));
  const programmeIds = [...new Set(targets.flatMap(({ t }) => t.microcredentialIds))];
  if (programmeIds.length === 0 && targets.every(({ t }) => t.skillIds.length === 0)) return [];
  const programmes = new Map(
    programmeIds.length === 0
      ? []
      : (await programmeColumns(db).where('microcredential_id', 'in', programmeIds).execute()).map(
          (row) => [row.microcredential_id, programmeOption(row)] as const,
        ),
  );

  const wanted = new Set(filter.skillIds);
  const options: CoverOption[] = [];
  for (const { version, t } of targets) {
    const parts = t.microcredentialIds.map((id) => programmes.get(id));
    // A pathway listing a programme that is no longer in the catalogue cannot be planned for.
    if (parts.some((p) => p === undefined)) continue;
    const present = parts as CoverOption[];
    if (filter.language && present.some((p) => p.language !== filter.language)) continue;
    const skillIds = [...new Set([...present.flatMap((p) => p.skillIds), ...t.skillIds])];
    if (!skillIds.some((id) => wanted.has(id))) continue;
    const currencies = new Set(present.filter((p) => p.cost).map((p) => p.cost!.currency));
    // A price in two currencies has no honest single figure; such a pathway is left to its programmes.
    if (currencies.size > 1) continue;
    const [currency] = [...currencies];
    const amount = present.reduce((sum, p) => sum + (p.cost?.amountMinor ?? 0), 0);
    options.push({
      kind: 'pathway',
      id: version.pathway_id,
      name: version.name,
      slug: version.slug,
      providerSlug: version.orgSlug,
      cost: currency && amount > 0 ? { amountMinor: amount, currency } : null,
      hours: present.reduce((sum, p) => sum + p.hours, 0),
      cpdHours: present.reduce((sum, p) => sum + p.cpdHours, 0),
      durationWeeks: present.reduce((sum, p) => sum + (p.durationWeeks ?? 0), 0) || null,
      language: present[0]?.language ?? null,
      // A pathway is accredited here only when every programme it lists is.
      accreditedBy: intersection(present.map((p) => p.accreditedBy ?? [])),
      skillIds,
    });
  }
  return options;
}

function intersection(lists: string[][]): string[] {
  if (lists.length === 0) return [];
  return lists.reduce((acc, list) => acc.filter((x) => list.includes(x)));
}
