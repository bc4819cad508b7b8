import type { Db } from '../db/transaction.js';
import { targetsOf, type RequirementNode } from '../pathways/requirement-tree.js';
import { cachedProgrammesTeaching } from './programme-options-cache.js';
import {
  programmeColumns,
  programmeOption,
  programmesTeaching,
  type CoverOptionFilter,
} from './programme-options.store.js';
import type { CoverOption } from './skill-cover.js';

// What a plan can choose from: published catalogue programmes and published pathways that teach
// at least one of the wanted skills.

export type { CoverOptionFilter } from './programme-options.store.js';

/**
 * The programmes and pathways teaching any of the wanted skills. Programmes come from an
 * in-memory copy of the catalogue's cover options, brought up to date from the catalogue's
 * change sequence on every call (one indexed read when nothing changed); inside a transaction,
 * which may see its own uncommitted writes, straight from SQL.
 */
export async function loadCoverOptions(db: Db, filter: CoverOptionFilter): Promise<CoverOption[]> {
  if (filter.skillIds.length === 0) return [];
  const programmes = db.isTransaction
    ? await programmesTeaching(db, filter)
    : await cachedProgrammesTeaching(db, filter);
  const pathways = await pathwaysTeaching(db, filter);
  return [...programmes, ...pathways];
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
