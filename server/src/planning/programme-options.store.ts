import { sql } from 'kysely';
import type { Db } from '../db/transaction.js';
import type { CoverOption } from './skill-cover.js';

// Published catalogue programmes as cover options, read from `catalog_entries` (the in-memory
// copy in programme-options-cache.ts is built from these reads).

export type CoverOptionFilter = {
  skillIds: readonly string[];
  /** ISO 639 code: only programmes taught in it. */
  language?: string | undefined;
};

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

export function programmeColumns(db: Db) {
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

export async function programmesTeaching(db: Db, filter: CoverOptionFilter): Promise<CoverOption[]> {
  let query = programmeColumns(db).where(sql<boolean>`skill_ids && ${sql.val([...filter.skillIds])}::uuid[]`);
  if (filter.language) query = query.where('language', '=', filter.language);
  const rows: ProgrammeRow[] = await query.execute();
  return rows.map(programmeOption);
}

/** Every programme whose catalogue row changed after `sinceSeq`, as a cover option, with its change. */
export async function programmeOptionsSince(db: Db, sinceSeq: string) {
  const rows = await programmeColumns(db)
    .select(sql<string>`change_seq::text`.as('change_seq'))
    .where('change_seq', '>', sinceSeq)
    .execute();
  return rows.map((row) => ({ option: programmeOption(row), seq: row.change_seq }));
}

export function programmeOption(row: ProgrammeRow): CoverOption {
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
