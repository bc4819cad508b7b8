import type { Deps } from '../deps.js';
import { accreditationsFor } from '../accreditation/accreditations-in-force.js';
import { withEndorsementsInForce } from '../endorsement/endorsements-in-force.js';
import type { LearningFormat } from '../db/schema.js';
import type { Db } from '../db/transaction.js';
import { AppError } from '../http/app-error.js';
import { findOrganizationBySlug } from '../orgs/orgs.store.js';
import { findSkillsByIds } from '../skills/skills.store.js';
import { CatalogIndex, type FacetName, type IndexQuery } from './catalog-index.js';
import { CatalogTextIndex, type TextDocument, type TextMatches } from './catalog-text-index.js';
import * as store from './catalog.store.js';
import type { Activity } from './microcredential-view.js';
import { listModules, findVersionById } from './microcredentials.store.js';
import { parseTsQuery } from './tsquery.js';

export type CatalogSearchOptions = IndexQuery & {
  q?: string;
  sort: 'relevance' | 'newest' | 'shortest' | 'cheapest';
  page: number;
  pageSize: number;
};

function presentItem(r: store.CatalogRow) {
  return {
    id: r.microcredential_id,
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    provider: { slug: r.provider_slug, name: r.provider_name },
    skills: r.skills,
    cost:
      r.cost_amount_minor !== null && r.cost_currency !== null
        ? { amountMinor: r.cost_amount_minor, currency: r.cost_currency }
        : null,
    effortHours: r.effort_hours,
    cpdHours: r.cpd_hours,
    fieldOfStudy: r.field_of_study,
    level: r.level,
    format: r.format,
    language: r.language,
    durationWeeks: r.duration_weeks,
    imageUrl: r.image_url,
    partners: r.partners,
    accreditedBy: r.accreditor_slugs,
    endorsedBy: r.endorser_slugs,
    publishedAt: r.published_at,
  };
}

const formatLabels: Record<LearningFormat, string> = { self_paced: 'Self-paced', cohort: 'Cohort', blended: 'Blended' };

function languageLabel(tag: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

export type FacetValue = { value: string; label: string; count: number };

type IndexState = {
  index: CatalogIndex;
  text: CatalogTextIndex;
  pending: Promise<void> | null;
  textMatches: Map<string, TextMatches>;
};
/** One index per database handle (a process normally has one). */
const indexes = new WeakMap<object, IndexState>();

/**
 * The catalogue index of this database, brought up to date: one cheap read of the change
 * sequence per search, and only the rows changed since the last one when it moved (also
 * those published by other servers). Concurrent searches share one catch-up.
 */
async function currentIndex(db: Db): Promise<IndexState> {
  let state = indexes.get(db);
  if (!state) {
    state = { index: new CatalogIndex(), text: new CatalogTextIndex(), pending: null, textMatches: new Map() };
    indexes.set(db, state);
  }
  const target = await store.catalogChangeSeq(db);
  while (BigInt(state.index.seq) < BigInt(target)) {
    const s = state;
    s.pending ??= (async () => {
      const rows = await store.listIndexRowsSince(db, s.index.seq);
      const numbers = s.index.upsert(
        rows.map((r) => ({
          id: r.microcredential_id,
          providerSlug: r.provider_slug,
          providerName: r.provider_name,
          skillIds: r.skill_ids,
          partnerSlugs: r.partner_slugs,
          accreditorSlugs: r.accreditor_slugs,
          endorserSlugs: r.endorser_slugs,
          level: r.level,
          format: r.format,
          language: r.language,
          costMajor: r.cost_major,
          costCurrency: r.cost_currency,
          isFree: r.cost_amount_minor === null,
          effortHours: r.effort_hours,
          cpdHours: r.cpd_hours,
          durationWeeks: r.duration_weeks,
          publishedAt: r.published_at.getTime(),
        })),
      );
      rows.forEach((r, k) => s.text.set(numbers[k]!, textDocument(r.title, r.terms)));
      const newest = rows.reduce(
        (max, r) => (BigInt(r.change_seq) > max ? BigInt(r.change_seq) : max),
        BigInt(s.index.seq),
      );
      s.index.seq = newest.toString();
      s.textMatches.clear();
    })().finally(() => {
      s.pending = null;
    });
    await s.pending;
  }
  return state;
}

/** A row's search document from its packed lexemes (see `listIndexRowsSince`). */
function textDocument(title: string, packed: string | null): TextDocument {
  const terms: TextDocument['terms'] = [];
  for (const entry of packed ? packed.split('\x1e') : []) {
    const at = entry.indexOf('\x1f');
    if (at > 0) terms.push([entry.slice(0, at), entry.slice(at + 1)]);
  }
  return { terms, title };
}

/**
 * Loads the catalogue's in-memory indexes ahead of the first search (at start, where 100,000
 * programmes take seconds to read); a search meanwhile waits for the same load.
 */
export async function warmCatalogIndex(deps: Pick<Deps, 'db'>): Promise<number> {
  return (await currentIndex(deps.db)).index.size;
}

const TEXT_CACHE_SIZE = 200;
const NO_MATCHES: TextMatches = { rows: new Int32Array(0), scores: new Float64Array(0) };

/**
 * Programmes matching a text query: full text (PostgreSQL reads the words into a tsquery, the
 * in-memory text index matches and ranks; a phrase query, which needs word positions, runs in
 * PostgreSQL); when nothing matches, titles that look like the query, which forgives typos.
 * Remembered until the catalogue changes (the cache is emptied whenever the index catches up),
 * so paging through a result set or refining its filters does not repeat the search.
 */
async function textMatches(db: Db, state: IndexState, q: string): Promise<TextMatches> {
  const key = q.toLowerCase();
  const cached = state.textMatches.get(key);
  if (cached) return cached;
  const seq = state.index.seq;
  const parsed = parseTsQuery(await store.toTsQuery(db, q));
  let found = NO_MATCHES;
  if (parsed === null) found = await rankedInDatabase(db, state.index, q);
  else if (parsed.op !== 'empty') found = state.text.match(parsed, state.index.size);
  if (found.rows.length === 0) found = state.text.matchTitles(q, state.index.size);
  if (state.index.seq === seq) {
    if (state.textMatches.size >= TEXT_CACHE_SIZE) state.textMatches.delete(state.textMatches.keys().next().value!);
    state.textMatches.set(key, found);
  }
  return found;
}

/** Full-text matches ranked by PostgreSQL, as rows of the index (ids it has not seen yet are left out). */
async function rankedInDatabase(db: Db, index: CatalogIndex, q: string): Promise<TextMatches> {
  const ranks = await store.findFullTextMatches(db, q);
  const pairs: [number, number][] = [];
  for (const [id, rank] of ranks) {
    const row = index.rowOf(id);
    if (row !== undefined) pairs.push([row, rank]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  return { rows: Int32Array.from(pairs, (p) => p[0]), scores: Float64Array.from(pairs, (p) => p[1]) };
}

/**
 * Searches the public catalogue (the latest published version of each micro-credential):
 * one page of results, the total, and counts per facet value for the current filters. Text,
 * filters, facets and sorting run on in-memory indexes that catch up with the database.
 */
export async function searchCatalog(deps: Deps, query: CatalogSearchOptions) {
  const state = await currentIndex(deps.db);
  const text = query.q ? await textMatches(deps.db, state, query.q) : undefined;
  const found = state.index.search(query, {
    ...(text ? { text } : {}),
    sort: query.sort === 'relevance' && !text ? 'newest' : query.sort,
    page: query.page,
    pageSize: query.pageSize,
  });
  const skillIds = found.facets.skill.map((f) => f.value);
  const partnerSlugs = [
    ...new Set([
      ...found.facets.partner.map((f) => f.value),
      ...found.facets.accreditedBy.map((f) => f.value),
      ...found.facets.endorsedBy.map((f) => f.value),
    ]),
  ];
  const [rows, skillNames, partnerNames] = await Promise.all([
    store.findEntriesByIds(deps.db, found.pageIds),
    store.findSkillNames(deps.db, skillIds),
    store.findPartnerNames(deps.db, partnerSlugs),
  ]);
  const rowById = new Map(rows.map((r) => [r.microcredential_id, r]));
  const skillLabel = new Map(skillNames.map((s) => [s.id, s.name]));
  const partnerLabel = new Map(partnerNames.map((p) => [p.slug, p.name]));
  const label: Record<FacetName, (value: string) => string> = {
    skill: (v) => skillLabel.get(v) ?? v,
    partner: (v) => partnerLabel.get(v) ?? v,
    provider: (v) => found.providerNames.get(v) ?? v,
    level: (v) => `EQF ${v}`,
    format: (v) => formatLabels[v as LearningFormat] ?? v,
    language: languageLabel,
    accreditedBy: (v) => partnerLabel.get(v) ?? v,
    endorsedBy: (v) => partnerLabel.get(v) ?? v,
  };
  const facets = Object.fromEntries(
    (Object.keys(found.facets) as FacetName[]).map((name) => [
      name,
      found.facets[name].map((f) => ({ value: f.value, label: label[name](f.value), count: f.count })),
    ]),
  ) as Record<FacetName, FacetValue[]>;
  facets.level.sort((a, b) => Number(a.value) - Number(b.value));
  return {
    items: found.pageIds.flatMap((id) => {
      const row = rowById.get(id);
      return row ? [presentItem(row)] : [];
    }),
    total: found.total,
    page: query.page,
    pageSize: query.pageSize,
    facets,
  };
}

/**
 * Catalogue entries by micro-credential id, in the order asked; ids that are not published are
 * left out. Editors use it to name the programmes a saved pathway points at.
 */
export async function findCatalogEntries(deps: Deps, ids: string[]) {
  const unique = [...new Set(ids)];
  const rows = await store.findEntriesByIds(deps.db, unique);
  const byId = new Map(rows.map((r) => [r.microcredential_id, r]));
  return unique.flatMap((id) => {
    const row = byId.get(id);
    return row ? [presentItem(row)] : [];
  });
}

/** What a learner sees of a module before enrolling: never content answers. */
function moduleOutline(m: {
  id: string;
  position: number;
  title: string;
  estimated_minutes: number;
  activity: unknown;
}) {
  const a = m.activity as Activity | null;
  let activity:
    | { type: 'quiz'; questionCount: number; passMark: number; attemptsLimit: number | null }
    | { type: 'assignment'; criteria: string[]; evidenceKinds: string[]; maxPoints: number }
    | null = null;
  if (a?.type === 'quiz')
    activity = {
      type: 'quiz',
      questionCount: a.questions.length,
      passMark: a.passMark,
      attemptsLimit: a.attemptsLimit,
    };
  else if (a?.type === 'assignment') {
    activity = {
      type: 'assignment',
      criteria: a.rubric.criteria.map((c) => c.title),
      evidenceKinds: a.evidence.kinds,
      maxPoints: a.rubric.criteria.reduce((s, c) => s + Math.max(...c.levels.map((l) => l.points)), 0),
    };
  }
  return { id: m.id, position: m.position, title: m.title, estimatedMinutes: m.estimated_minutes, activity };
}

/**
 * The public page of a programme: its latest published version with everything a learner
 * weighs before enrolling, and the Achievement they would earn. Unpublished: 404.
 */
export async function getProgramme(deps: Deps, providerSlug: string, slug: string) {
  const notFound = new AppError('not_found', `No published programme at /catalog/${providerSlug}/${slug}.`);
  const entry = await store.findCatalogEntry(deps.db, providerSlug, slug);
  if (!entry) throw notFound;
  const [version, modules, provider] = await Promise.all([
    findVersionById(deps.db, entry.version_id),
    listModules(deps.db, entry.version_id),
    findOrganizationBySlug(deps.db, providerSlug),
  ]);
  if (!version || !provider) throw notFound;
  const skills = await findSkillsByIds(deps.db, version.skill_ids);
  const accreditations = await accreditationsFor(deps.db, {
    subjectOrgId: provider.id,
    microcredentialId: entry.microcredential_id,
    at: deps.clock(),
  });
  const skillById = new Map(skills.map((s) => [s.id, s]));
  const outline = modules.map(moduleOutline);
  const quizzes = outline.filter((m) => m.activity?.type === 'quiz').length;
  const assignments = outline.filter((m) => m.activity?.type === 'assignment').length;
  const parts = [
    quizzes > 0 ? `${quizzes} quiz${quizzes === 1 ? '' : 'zes'} (graded automatically)` : null,
    assignments > 0 ? `${assignments} assignment${assignments === 1 ? '' : 's'} (reviewed against a rubric)` : null,
  ].filter(Boolean);
  return {
    id: entry.microcredential_id,
    slug: entry.slug,
    versionId: version.id,
    versionNumber: version.version_number,
    title: version.title,
    summary: version.summary,
    description: version.description,
    outcomes: version.outcomes,
    skills: version.skill_ids.flatMap((id) => {
      const s = skillById.get(id);
      return s
        ? [{ id: s.id, code: s.code, name: s.name, description: s.description, framework: s.framework_name }]
        : [];
    }),
    level: version.level,
    effortHours: entry.effort_hours,
    durationWeeks: entry.duration_weeks,
    cost:
      entry.cost_amount_minor !== null && entry.cost_currency !== null
        ? { amountMinor: entry.cost_amount_minor, currency: entry.cost_currency }
        : null,
    cpdHours: entry.cpd_hours,
    fieldOfStudy: entry.field_of_study,
    format: entry.format,
    language: entry.language,
    imageUrl: entry.image_url,
    provider: {
      slug: provider.slug,
      name: provider.name,
      did: provider.did,
      profileUrl: new URL(`/orgs/${provider.slug}/profile`, deps.publicUrl).toString(),
    },
    partners: entry.partners as { slug: string; name: string }[],
    criteriaNarrative: version.criteria_narrative,
    validityMonths: version.validity_months,
    modules: outline,
    totalMinutes: outline.reduce((s, m) => s + m.estimatedMinutes, 0),
    assessment: {
      passMark: version.pass_mark ?? 0,
      quizCount: quizzes,
      assignmentCount: assignments,
      summary:
        parts.length > 0
          ? `Assessed by ${parts.join(' and ')}; pass mark ${version.pass_mark ?? 0}%.`
          : `Pass mark ${version.pass_mark ?? 0}%.`,
    },
    publishedAt: version.published_at!,
    accreditations: accreditations.flatMap((a) =>
      a.credentialId
        ? [
            {
              accreditor: { slug: a.accreditorSlug, name: a.accreditorName },
              scheme: a.schemeName,
              subject: a.subjectType,
              validUntil: a.validUntil,
              credentialUrl: new URL(`/credentials/${a.credentialId}`, deps.publicUrl).toString(),
            },
          ]
        : [],
    ),
    // As it would be embedded in a credential issued now: with the endorsements in force.
    achievement: await withEndorsementsInForce(deps.db, version.achievement as Record<string, unknown>, deps.clock()),
  };
}
