import type { Deps } from '../deps.js';
import { resolveSkillsForOrg } from '../skills/skills.service.js';
import type { ActivityInput } from './microcredentials.schemas.js';
import * as store from './microcredentials.store.js';

// A micro-credential version and its modules as their authors see them.

export type VersionRow = NonNullable<Awaited<ReturnType<typeof store.findVersion>>>;

export type ModuleRow = store.ModuleRow;

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
  fieldOfStudy: string | null;
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

export function toModuleView(m: ModuleRow): ModuleView {
  return {
    id: m.id,
    position: m.position,
    title: m.title,
    content: m.content,
    links: m.links as Link[],
    estimatedMinutes: m.estimated_minutes,
    activity: (m.activity as Activity | null) ?? null,
  };
}

export async function presentVersion(deps: Deps, v: VersionRow): Promise<VersionView> {
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
    cost:
      v.cost_amount_minor !== null && v.cost_currency !== null
        ? { amountMinor: v.cost_amount_minor, currency: v.cost_currency }
        : null,
    cpdHours: v.cpd_hours,
    fieldOfStudy: v.field_of_study,
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
