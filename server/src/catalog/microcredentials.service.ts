import { createHash, randomUUID } from 'node:crypto';
import type { Updateable } from 'kysely';
import type { Actor, Deps } from '../deps.js';
import type { MicrocredentialVersionsTable } from '../db/schema.js';
import { transaction, type Db } from '../db/transaction.js';
import { AppError, type FieldError } from '../http/app-error.js';
import { authorizeOrg, type OrgAccess, type OrgView } from '../orgs/orgs.service.js';
import { resolveSkillsForOrg, type SkillView } from '../skills/skills.service.js';
import { buildAchievement, type AchievementModule } from './achievement.js';
import { upsertCatalogEntry } from './catalog.store.js';
import { normaliseImage } from './images.js';
import type { ActivityInput, ModuleInput, ModulePatch, VersionPatch } from './microcredentials.schemas.js';
import * as store from './microcredentials.store.js';

type VersionRow = NonNullable<Awaited<ReturnType<typeof store.findVersion>>>;
type ModuleRow = store.ModuleRow;

export type Link = { url: string; title?: string; kind: 'link' | 'video' };

export type ModuleView = {
  id: string;
  position: number;
  title: string;
  content: string;
  links: Link[];
  estimatedMinutes: number;
  activity: Activity | null;
};

/** A stored activity: the input with every question, option, criterion and level given an id. */
export type Activity = ActivityInput;

export type VersionView = {
  id: string;
  microcredentialId: string;
  versionNumber: number;
  status: 'draft' | 'published';
  title: string;
  summary: string;
  description: string;
  outcomes: string[];
  skills: { id: string; code: string; name: string; framework: string }[];
  level: number | null;
  effortHours: number | null;
  durationWeeks: number | null;
  cost: { amountMinor: number; currency: string } | null;
  cpdHours: number | null;
  format: 'self_paced' | 'cohort' | 'blended' | null;
  language: string | null;
  imageFileId: string | null;
  imageUrl: string | null;
  partners: { id: string; slug: string; name: string }[];
  criteriaNarrative: string;
  passMark: number | null;
  validityMonths: number | null;
  modules: ModuleView[];
  achievement: Record<string, unknown> | null;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export function imageUrlOf(publicUrl: URL, fileId: string | null): string | null {
  return fileId ? new URL(`/api/v1/images/${fileId}`, publicUrl).toString() : null;
}

export function programmeUrlOf(publicUrl: URL, providerSlug: string, slug: string): string {
  return new URL(`/catalog/${providerSlug}/${slug}`, publicUrl).toString();
}

function toModuleView(m: ModuleRow): ModuleView {
  return { id: m.id, position: m.position, title: m.title, content: m.content, links: m.links as Link[], estimatedMinutes: m.estimated_minutes, activity: (m.activity as Activity | null) ?? null };
}

async function presentVersion(deps: Deps, v: VersionRow): Promise<VersionView> {
  const [modules, skills, partners] = await Promise.all([
    store.listModules(deps.db, v.id),
    resolveSkillsForOrg(deps.db, v.org_id, v.skill_ids),
    store.findOrganizationsByIds(deps.db, v.partner_org_ids),
  ]);
  const partnerById = new Map(partners.map((p) => [p.id, p]));
  return {
    id: v.id,
    microcredentialId: v.microcredential_id,
    versionNumber: v.version_number,
    status: v.status,
    title: v.title,
    summary: v.summary,
    description: v.description,
    outcomes: v.outcomes,
    skills: skills.skills.map((s) => ({ id: s.id, code: s.code, name: s.name, framework: s.framework.name })),
    level: v.level,
    effortHours: v.effort_hours,
    durationWeeks: v.duration_weeks,
    cost: v.cost_amount_minor !== null && v.cost_currency !== null ? { amountMinor: v.cost_amount_minor, currency: v.cost_currency } : null,
    cpdHours: v.cpd_hours,
    format: v.format,
    language: v.language,
    imageFileId: v.image_file_id,
    imageUrl: imageUrlOf(deps.publicUrl, v.image_file_id),
    partners: v.partner_org_ids.flatMap((id) => {
      const p = partnerById.get(id);
      return p ? [{ id: p.id, slug: p.slug, name: p.name }] : [];
    }),
    criteriaNarrative: v.criteria_narrative,
    passMark: v.pass_mark,
    validityMonths: v.validity_months,
    modules: modules.map(toModuleView),
    achievement: (v.achievement as Record<string, unknown> | null) ?? null,
    publishedAt: v.published_at,
    createdAt: v.created_at,
    updatedAt: v.updated_at,
  };
}

function userIdOf(access: OrgAccess): string | null {
  return access.actor.kind === 'user' ? access.actor.userId : null;
}

function requireProvider(org: OrgView) {
  if (!org.roles.includes('provider')) {
    throw new AppError('forbidden', `${org.name} is not a provider organisation, so it cannot author micro-credentials. An owner can add the provider role in the organisation's settings.`);
  }
}

const notFound = () => new AppError('not_found', 'No micro-credential with this id in this organisation.');
const versionNotFound = () => new AppError('not_found', 'No version with this id for this micro-credential.');

function frozen(v: { version_number: number }) {
  return new AppError('conflict', `Version ${v.version_number} is published and cannot change. Create a new draft (POST …/drafts) and edit that instead.`);
}

/** Checks references a draft makes (skills, partners, image) and maps the patch to columns. */
async function columnsOf(db: Db, org: OrgView, patch: VersionPatch): Promise<Updateable<MicrocredentialVersionsTable>> {
  const errors: FieldError[] = [];
  if (patch.skillIds) {
    const { missing } = await resolveSkillsForOrg(db, org.id, patch.skillIds);
    for (const id of missing) errors.push({ field: `skillIds.${patch.skillIds.indexOf(id)}`, message: `No skill ${id} in the starter framework or ${org.name}'s frameworks` });
    if (new Set(patch.skillIds).size !== patch.skillIds.length) errors.push({ field: 'skillIds', message: 'List each skill once' });
  }
  if (patch.partnerOrgIds) {
    const orgs = await store.findOrganizationsByIds(db, patch.partnerOrgIds);
    const byId = new Map(orgs.map((o) => [o.id, o]));
    patch.partnerOrgIds.forEach((id, i) => {
      const o = byId.get(id);
      if (!o) errors.push({ field: `partnerOrgIds.${i}`, message: `No organisation ${id}` });
      else if (!o.roles.includes('partner')) errors.push({ field: `partnerOrgIds.${i}`, message: `${o.name} is not an industry partner organisation` });
    });
  }
  if (patch.imageFileId) {
    const file = await store.findMediaFileOwner(db, patch.imageFileId);
    if (!file || file.org_id !== org.id) errors.push({ field: 'imageFileId', message: 'No image with this id uploaded by this organisation' });
  }
  if (errors.length > 0) throw new AppError('validation_failed', `Check these fields and try again: ${[...new Set(errors.map((e) => e.field))].join(', ')}.`, { fields: errors });
  const c: Updateable<MicrocredentialVersionsTable> = {};
  if (patch.title !== undefined) c.title = patch.title;
  if (patch.summary !== undefined) c.summary = patch.summary;
  if (patch.description !== undefined) c.description = patch.description;
  if (patch.outcomes !== undefined) c.outcomes = patch.outcomes;
  if (patch.skillIds !== undefined) c.skill_ids = patch.skillIds;
  if (patch.level !== undefined) c.level = patch.level;
  if (patch.effortHours !== undefined) c.effort_hours = patch.effortHours;
  if (patch.durationWeeks !== undefined) c.duration_weeks = patch.durationWeeks;
  if (patch.cost !== undefined) {
    c.cost_amount_minor = patch.cost?.amountMinor ?? null;
    c.cost_currency = patch.cost?.currency ?? null;
  }
  if (patch.cpdHours !== undefined) c.cpd_hours = patch.cpdHours;
  if (patch.format !== undefined) c.format = patch.format;
  if (patch.language !== undefined) c.language = patch.language;
  if (patch.imageFileId !== undefined) c.image_file_id = patch.imageFileId;
  if (patch.partnerOrgIds !== undefined) c.partner_org_ids = [...new Set(patch.partnerOrgIds)];
  if (patch.criteriaNarrative !== undefined) c.criteria_narrative = patch.criteriaNarrative;
  if (patch.passMark !== undefined) c.pass_mark = patch.passMark;
  if (patch.validityMonths !== undefined) c.validity_months = patch.validityMonths;
  return c;
}

export type CreateMicrocredentialOptions = VersionPatch & { slug: string; title: string };

/** Creates a micro-credential with its first draft version. Provider organisations only. */
export async function createMicrocredential(deps: Deps, actor: Actor, orgSlug: string, options: CreateMicrocredentialOptions) {
  const access = await authorizeOrg(deps, actor, orgSlug, 'catalog.author');
  requireProvider(access.org);
  const { slug, ...patch } = options;
  return transaction(deps.db, async (trx) => {
    const columns = await columnsOf(trx, access.org, patch);
    const mc = await store.insertMicrocredential(trx, { orgId: access.org.id, slug, createdBy: userIdOf(access) });
    if (!mc) throw new AppError('conflict', `${access.org.name} already has a micro-credential at "${slug}". Choose another slug.`, { fields: [{ field: 'slug', message: 'Already taken' }] });
    await store.insertVersion(trx, { ...columns, org_id: access.org.id, microcredential_id: mc.id, version_number: 1, status: 'draft', created_by: userIdOf(access) });
    return getMicrocredential({ ...deps, db: trx }, actor, orgSlug, mc.id);
  });
}

type VersionSummary = { id: string; versionNumber: number; status: 'draft' | 'published'; title: string; publishedAt: Date | null; updatedAt: Date };

/** The organisation's micro-credentials with their status. */
export async function listMicrocredentials(deps: Deps, actor: Actor, orgSlug: string, filter: { status?: 'draft' | 'published' }) {
  const { org } = await authorizeOrg(deps, actor, orgSlug, 'catalog.read');
  const rows = await store.listMicrocredentials(deps.db, org.id);
  const items = rows.map((r) => {
    const latest: VersionSummary = { id: r.latest_id, versionNumber: r.latest_number, status: r.latest_status, title: r.latest_title, publishedAt: r.latest_published_at, updatedAt: r.latest_updated_at };
    const published: VersionSummary | null =
      r.published_id && r.published_number !== null && r.published_title !== null && r.published_updated_at !== null
        ? { id: r.published_id, versionNumber: r.published_number, status: 'published', title: r.published_title, publishedAt: r.published_published_at, updatedAt: r.published_updated_at }
        : null;
    const status = !published ? ('draft' as const) : latest.status === 'draft' ? ('published_with_draft' as const) : ('published' as const);
    return { id: r.id, slug: r.slug, title: latest.title, status, latestVersion: latest, publishedVersion: published, updatedAt: r.updated_at };
  });
  if (filter.status === 'draft') return items.filter((i) => i.latestVersion.status === 'draft');
  if (filter.status === 'published') return items.filter((i) => i.publishedVersion !== null);
  return items;
}

async function loadMicrocredential(deps: Deps, org: OrgView, id: string) {
  const mc = await store.findMicrocredential(deps.db, org.id, id);
  if (!mc) throw notFound();
  return mc;
}

/** A micro-credential with its versions; `current` is the draft when there is one. */
export async function getMicrocredential(deps: Deps, actor: Actor, orgSlug: string, id: string) {
  const { org } = await authorizeOrg(deps, actor, orgSlug, 'catalog.read');
  const mc = await loadMicrocredential(deps, org, id);
  const versions = await store.listVersions(deps.db, org.id, mc.id);
  const latest = versions[0]!;
  const current = await store.findVersion(deps.db, org.id, mc.id, latest.id);
  const published = versions.find((v) => v.status === 'published');
  return {
    id: mc.id,
    slug: mc.slug,
    status: !published ? ('draft' as const) : latest.status === 'draft' ? ('published_with_draft' as const) : ('published' as const),
    versions: versions.map((v) => ({ id: v.id, versionNumber: v.version_number, status: v.status, title: v.title, publishedAt: v.published_at, updatedAt: v.updated_at })),
    current: await presentVersion(deps, current!),
    catalogUrl: published ? programmeUrlOf(deps.publicUrl, org.slug, mc.slug) : null,
    createdAt: mc.created_at,
  };
}

/** One version, as its authors see it (quiz answers included). */
export async function getVersion(deps: Deps, actor: Actor, orgSlug: string, id: string, versionId: string) {
  const { org } = await authorizeOrg(deps, actor, orgSlug, 'catalog.read');
  await loadMicrocredential(deps, org, id);
  const v = await store.findVersion(deps.db, org.id, id, versionId);
  if (!v) throw versionNotFound();
  return presentVersion(deps, v);
}

/** Locks a draft of this organisation's micro-credential for a change; 409 when it is published. */
async function lockDraft(db: Db, org: OrgView, id: string, versionId: string) {
  const mc = await store.findMicrocredential(db, org.id, id);
  if (!mc) throw notFound();
  const v = await store.findVersion(db, org.id, id, versionId, { forUpdate: true });
  if (!v) throw versionNotFound();
  if (v.status !== 'draft') throw frozen(v);
  return v;
}

async function authorAccess(deps: Deps, actor: Actor, orgSlug: string) {
  const access = await authorizeOrg(deps, actor, orgSlug, 'catalog.author');
  requireProvider(access.org);
  return access;
}

/** Changes fields of a draft version. A published version answers 409. */
export async function updateDraft(deps: Deps, actor: Actor, orgSlug: string, id: string, versionId: string, patch: VersionPatch) {
  const { org } = await authorAccess(deps, actor, orgSlug);
  return transaction(deps.db, async (trx) => {
    await lockDraft(trx, org, id, versionId);
    const updated = await store.updateVersion(trx, versionId, await columnsOf(trx, org, patch));
    await store.touchMicrocredential(trx, id);
    return presentVersion({ ...deps, db: trx }, updated!);
  });
}

/** Gives every question, option, criterion and level a stable id, keeping the ones supplied. */
function withIds(activity: ActivityInput | null): ActivityInput | null {
  if (!activity) return null;
  const id = (given: string | undefined) => given ?? randomUUID();
  if (activity.type === 'quiz') {
    return {
      ...activity,
      questions: activity.questions.map((q) => (q.kind === 'numeric' ? { ...q, id: id(q.id) } : { ...q, id: id(q.id), options: q.options.map((o) => ({ ...o, id: id(o.id) })) })),
    };
  }
  return { ...activity, rubric: { criteria: activity.rubric.criteria.map((c) => ({ ...c, id: id(c.id), levels: c.levels.map((l) => ({ ...l, id: id(l.id) })) })) } };
}

function checkUniqueIds(activity: ActivityInput | null) {
  if (!activity) return;
  const ids = activity.type === 'quiz' ? activity.questions.flatMap((q) => [q.id, ...(q.kind === 'numeric' ? [] : q.options.map((o) => o.id))]) : activity.rubric.criteria.flatMap((c) => [c.id, ...c.levels.map((l) => l.id)]);
  const given = ids.filter((i): i is string => i !== undefined);
  if (new Set(given).size !== given.length) throw new AppError('validation_failed', 'Ids inside the activity must be unique.', { fields: [{ field: 'activity', message: 'Duplicate id' }] });
}

function moduleValues(m: ModuleInput): store.ModuleValues {
  checkUniqueIds(m.activity);
  const activity = withIds(m.activity);
  return { title: m.title, content: m.content, links: JSON.stringify(m.links), estimatedMinutes: m.estimatedMinutes, activityType: activity?.type ?? null, activity: activity ? JSON.stringify(activity) : null };
}

export async function addModule(deps: Deps, actor: Actor, orgSlug: string, id: string, versionId: string, input: ModuleInput) {
  const { org } = await authorAccess(deps, actor, orgSlug);
  return transaction(deps.db, async (trx) => {
    await lockDraft(trx, org, id, versionId);
    const row = await store.insertModule(trx, { ...moduleValues(input), orgId: org.id, versionId });
    await store.touchMicrocredential(trx, id);
    return toModuleView(row);
  });
}

const moduleNotFound = () => new AppError('not_found', 'No module with this id in this version.');

export async function updateModule(deps: Deps, actor: Actor, orgSlug: string, id: string, versionId: string, moduleId: string, patch: ModulePatch) {
  const { org } = await authorAccess(deps, actor, orgSlug);
  return transaction(deps.db, async (trx) => {
    await lockDraft(trx, org, id, versionId);
    const values: Partial<store.ModuleValues> = {};
    if (patch.title !== undefined) values.title = patch.title;
    if (patch.content !== undefined) values.content = patch.content;
    if (patch.links !== undefined) values.links = JSON.stringify(patch.links);
    if (patch.estimatedMinutes !== undefined) values.estimatedMinutes = patch.estimatedMinutes;
    if (patch.activity !== undefined) {
      checkUniqueIds(patch.activity);
      const activity = withIds(patch.activity);
      values.activityType = activity?.type ?? null;
      values.activity = activity ? JSON.stringify(activity) : null;
    }
    const row = await store.updateModule(trx, versionId, moduleId, values);
    if (!row) throw moduleNotFound();
    await store.touchMicrocredential(trx, id);
    return toModuleView(row);
  });
}

export async function removeModule(deps: Deps, actor: Actor, orgSlug: string, id: string, versionId: string, moduleId: string) {
  const { org } = await authorAccess(deps, actor, orgSlug);
  await transaction(deps.db, async (trx) => {
    await lockDraft(trx, org, id, versionId);
    if (!(await store.deleteModule(trx, versionId, moduleId))) throw moduleNotFound();
    await store.touchMicrocredential(trx, id);
  });
}

/** Puts the modules in the given order; the list must name every module of the version once. */
export async function reorderModules(deps: Deps, actor: Actor, orgSlug: string, id: string, versionId: string, moduleIds: string[]) {
  const { org } = await authorAccess(deps, actor, orgSlug);
  return transaction(deps.db, async (trx) => {
    await lockDraft(trx, org, id, versionId);
    const existing = await store.listModules(trx, versionId);
    const known = new Set(existing.map((m) => m.id));
    const isPermutation = moduleIds.length === known.size && new Set(moduleIds).size === moduleIds.length && moduleIds.every((m) => known.has(m));
    if (!isPermutation) {
      throw new AppError('validation_failed', `List every module of this version exactly once (${known.size} modules).`, { fields: [{ field: 'moduleIds', message: 'Must be a reordering of the version’s module ids' }] });
    }
    await store.reorderModules(trx, versionId, moduleIds);
    await store.touchMicrocredential(trx, id);
    return (await store.listModules(trx, versionId)).map(toModuleView);
  });
}

/** What a version still lacks before it can be published, by field. */
export function completenessErrors(v: VersionRow, modules: ModuleRow[]): FieldError[] {
  const errors: FieldError[] = [];
  const need = (isMissing: boolean, field: string, message: string) => {
    if (isMissing) errors.push({ field, message });
  };
  need(v.title.trim() === '', 'title', 'Give it a title');
  need(v.summary.trim() === '', 'summary', 'Write a one- or two-sentence summary');
  need(v.description.trim() === '', 'description', 'Describe the programme');
  need(v.outcomes.length === 0, 'outcomes', 'List at least one learning outcome');
  need(v.skill_ids.length === 0, 'skillIds', 'Align at least one skill');
  need(v.level === null, 'level', 'Choose an EQF level (1-8)');
  need(v.effort_hours === null, 'effortHours', 'Estimate the effort in hours');
  need(v.duration_weeks === null, 'durationWeeks', 'Give the duration in weeks');
  need(v.format === null, 'format', 'Choose self-paced, cohort or blended');
  need(v.language === null, 'language', 'Choose the language of instruction');
  need(v.criteria_narrative.trim() === '', 'criteriaNarrative', 'Say what a learner must do to earn the credential');
  need(v.pass_mark === null, 'passMark', 'Set the pass mark (0-100)');
  need(modules.length === 0, 'modules', 'Add at least one module');
  return errors;
}

function achievementModules(modules: ModuleRow[]): AchievementModule[] {
  return modules.map((m) => {
    const a = m.activity as Activity | null;
    if (!a) return { id: m.id, title: m.title, activity: null };
    if (a.type === 'quiz') return { id: m.id, title: m.title, activity: { type: 'quiz', passMark: a.passMark } };
    const maxPoints = a.rubric.criteria.reduce((sum, c) => sum + Math.max(...c.levels.map((l) => l.points)), 0);
    return { id: m.id, title: m.title, activity: { type: 'assignment', maxPoints, passPoints: a.passPoints } };
  });
}

/** Digits after the decimal point of a currency (2 for EUR, 0 for JPY). */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/**
 * Publishes a draft: checks it is complete (every missing field listed), freezes it with its
 * OB 3.0 Achievement, and makes it the version the catalogue lists, in one transaction.
 */
export async function publishVersion(deps: Deps, actor: Actor, orgSlug: string, id: string, versionId: string) {
  const access = await authorizeOrg(deps, actor, orgSlug, 'catalog.publish');
  requireProvider(access.org);
  const { org } = access;
  return transaction(deps.db, async (trx) => {
    const tdeps = { ...deps, db: trx };
    const mc = await store.findMicrocredential(trx, org.id, id);
    if (!mc) throw notFound();
    const v = await lockDraft(trx, org, id, versionId);
    const modules = await store.listModules(trx, versionId);
    const missing = completenessErrors(v, modules);
    if (missing.length > 0) {
      throw new AppError('validation_failed', `This draft is not ready to publish. Still missing: ${missing.map((m) => m.field).join(', ')}.`, { fields: missing });
    }
    const { skills } = await resolveSkillsForOrg(trx, org.id, v.skill_ids);
    const partners = (await store.findOrganizationsByIds(trx, v.partner_org_ids)).filter((p) => p.roles.includes('partner'));
    const imageUrl = imageUrlOf(deps.publicUrl, v.image_file_id);
    const programmeUrl = programmeUrlOf(deps.publicUrl, org.slug, mc.slug);
    const achievement = buildAchievement({
      version: {
        id: v.id,
        versionNumber: v.version_number,
        title: v.title,
        summary: v.summary,
        outcomes: v.outcomes,
        criteriaNarrative: v.criteria_narrative,
        level: v.level,
        format: v.format,
        language: v.language,
        passMark: v.pass_mark,
        effortHours: v.effort_hours,
      },
      skills: skills.map((s: SkillView) => ({ id: s.id, code: s.code, name: s.name, description: s.description, uri: s.uri, frameworkName: s.framework.name })),
      modules: achievementModules(modules),
      issuer: { did: org.did, name: org.name, url: new URL(`/orgs/${org.slug}/profile`, deps.publicUrl).toString() },
      publicUrl: deps.publicUrl,
      programmeUrl,
      imageUrl,
    });
    const now = deps.clock();
    await store.markPublished(trx, v.id, { publishedAt: now, publishedBy: userIdOf(access), achievement: JSON.stringify(achievement) });
    await upsertCatalogEntry(trx, {
      microcredentialId: mc.id,
      orgId: org.id,
      versionId: v.id,
      slug: mc.slug,
      providerSlug: org.slug,
      providerName: org.name,
      title: v.title,
      summary: v.summary,
      description: v.description,
      outcomes: v.outcomes,
      skills: skills.map((s) => ({ id: s.id, name: s.name })),
      partners: partners.map((p) => ({ slug: p.slug, name: p.name })),
      level: v.level,
      format: v.format!,
      language: v.language!,
      cost: v.cost_amount_minor !== null && v.cost_currency !== null ? { amountMinor: v.cost_amount_minor, currency: v.cost_currency, major: v.cost_amount_minor / 10 ** minorDigits(v.cost_currency) } : null,
      effortHours: v.effort_hours!,
      cpdHours: v.cpd_hours ?? 0,
      durationWeeks: v.duration_weeks!,
      imageUrl,
      publishedAt: now,
    });
    await store.touchMicrocredential(trx, id);
    const published = await store.findVersion(trx, org.id, id, versionId);
    return presentVersion(tdeps, published!);
  });
}

/** Starts a new draft as a copy of the latest published version (with its modules). */
export async function createDraftFromPublished(deps: Deps, actor: Actor, orgSlug: string, id: string) {
  const access = await authorAccess(deps, actor, orgSlug);
  const { org } = access;
  return transaction(deps.db, async (trx) => {
    const mc = await store.findMicrocredential(trx, org.id, id);
    if (!mc) throw notFound();
    const versions = await store.listVersions(trx, org.id, id);
    const draft = versions.find((v) => v.status === 'draft');
    if (draft) throw new AppError('conflict', `Version ${draft.version_number} is already a draft; edit it instead of starting another.`);
    const source = versions.find((v) => v.status === 'published')!;
    const from = (await store.findVersion(trx, org.id, id, source.id))!;
    const copy = await store.insertVersion(trx, {
      org_id: org.id,
      microcredential_id: id,
      version_number: versions[0]!.version_number + 1,
      status: 'draft',
      title: from.title,
      summary: from.summary,
      description: from.description,
      outcomes: from.outcomes,
      skill_ids: from.skill_ids,
      level: from.level,
      effort_hours: from.effort_hours,
      duration_weeks: from.duration_weeks,
      cost_amount_minor: from.cost_amount_minor,
      cost_currency: from.cost_currency,
      cpd_hours: from.cpd_hours,
      format: from.format,
      language: from.language,
      image_file_id: from.image_file_id,
      partner_org_ids: from.partner_org_ids,
      criteria_narrative: from.criteria_narrative,
      pass_mark: from.pass_mark,
      validity_months: from.validity_months,
      created_by: userIdOf(access),
    });
    await store.copyModules(trx, from.id, copy.id);
    await store.touchMicrocredential(trx, id);
    return presentVersion({ ...deps, db: trx }, copy);
  });
}

/** Stores an uploaded programme image after checking and normalising it. */
export async function uploadImage(deps: Deps, actor: Actor, orgSlug: string, file: { bytes: Buffer; mimetype: string; filename: string }) {
  const access = await authorAccess(deps, actor, orgSlug);
  const image = await normaliseImage(file);
  const row = await store.insertMediaFile(deps.db, {
    orgId: access.org.id,
    mediaType: image.mediaType,
    bytes: image.bytes,
    width: image.width,
    height: image.height,
    sha256: createHash('sha256').update(image.bytes).digest('hex'),
    originalName: file.filename ? file.filename.slice(0, 200) : null,
    createdBy: userIdOf(access),
  });
  return { id: row.id, url: imageUrlOf(deps.publicUrl, row.id)!, mediaType: row.media_type, width: row.width, height: row.height, byteSize: row.byte_size };
}

/** An uploaded image, public (programme images appear in the catalogue and in Achievements). */
export async function readImage(deps: Deps, id: string) {
  const file = await store.findMediaFile(deps.db, id);
  if (!file) throw new AppError('not_found', 'No image with this id.');
  return { mediaType: file.media_type, bytes: Buffer.from(file.bytes), etag: `"${file.sha256}"` };
}

/** The frozen Achievement of a published version, public. Drafts are not found. */
export async function getPublishedAchievement(deps: Deps, versionId: string) {
  const v = await store.findVersionById(deps.db, versionId);
  if (!v || v.status !== 'published' || !v.achievement) throw new AppError('not_found', 'No published achievement with this id.');
  return v.achievement as Record<string, unknown>;
}
