import type { Actor, Deps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import { authorizeOrgAs } from '../accreditation-access.js';
import { presentScheme, type SchemeView } from '../scheme-view.js';
import * as schemes from '../stores/scheme.store.js';
import { findOrganizationBySlug } from '../stores/provider-lookup.store.js';

/** What a scheme's author writes: the view without what the server sets. */
export type SchemeInput = Omit<SchemeView, 'id' | 'updatedAt'>;

function columnsOf(input: Partial<SchemeInput>) {
  return {
    ...(input.slug !== undefined ? { slug: input.slug } : {}),
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.summary !== undefined ? { summary: input.summary } : {}),
    ...(input.criteriaMarkdown !== undefined ? { criteria_markdown: input.criteriaMarkdown } : {}),
    ...(input.checklist !== undefined ? { checklist: dedupe(input.checklist) } : {}),
    ...(input.evidenceItems !== undefined ? { evidence_items: dedupe(input.evidenceItems) } : {}),
    ...(input.validityMonths !== undefined ? { validity_months: input.validityMonths } : {}),
    ...(input.reviewIntervalMonths !== undefined ? { review_interval_months: input.reviewIntervalMonths } : {}),
    ...(input.scope !== undefined
      ? {
          scope_fields: dedupe(input.scope.fields),
          scope_eqf_levels: [...new Set(input.scope.eqfLevels)].sort((a, b) => a - b),
          scope_jurisdictions: dedupe(input.scope.jurisdictions),
          scope_credential_types: dedupe(input.scope.credentialTypes),
        }
      : {}),
    ...(input.feeNote !== undefined ? { fee_note: input.feeNote } : {}),
    ...(input.isOpen !== undefined ? { is_open: input.isOpen } : {}),
  };
}

const dedupe = (items: string[]) => [...new Set(items.map((i) => i.trim()).filter((i) => i.length > 0))];

const slugTaken = (slug: string) =>
  new AppError('conflict', `You already run a scheme with the address “${slug}”. Choose another.`, {
    fields: [{ field: 'slug', message: 'Already used' }],
  });

/** Creates a scheme of the accrediting body `slug`. */
export async function createScheme(deps: Deps, actor: Actor, slug: string, input: SchemeInput): Promise<SchemeView> {
  const { org } = await authorizeOrgAs(deps, actor, slug, 'accreditor', 'accreditation.manage');
  if (await schemes.findSchemeBySlug(deps.db, org.id, input.slug)) throw slugTaken(input.slug);
  const row = await schemes.insertScheme(deps.db, {
    accreditor_org_id: org.id,
    slug: input.slug,
    name: input.name,
    validity_months: input.validityMonths,
    ...columnsOf(input),
    created_at: deps.clock(),
  });
  return presentScheme(row);
}

/** Changes a scheme; accreditations already granted keep the facts they were signed with. */
export async function updateScheme(
  deps: Deps,
  actor: Actor,
  slug: string,
  schemeId: string,
  input: Partial<SchemeInput>,
): Promise<SchemeView> {
  const { org } = await authorizeOrgAs(deps, actor, slug, 'accreditor', 'accreditation.manage');
  const existing = await schemes.findScheme(deps.db, org.id, schemeId);
  if (!existing) throw new AppError('not_found', 'No such scheme in your organisation.');
  if (input.slug !== undefined && input.slug !== existing.slug) {
    if (await schemes.findSchemeBySlug(deps.db, org.id, input.slug)) throw slugTaken(input.slug);
  }
  const row = await schemes.updateScheme(deps.db, org.id, schemeId, columnsOf(input), deps.clock());
  return presentScheme(row!);
}

export async function listSchemes(deps: Deps, actor: Actor, slug: string): Promise<SchemeView[]> {
  const { org } = await authorizeOrgAs(deps, actor, slug, 'accreditor', 'accreditation.read');
  return (await schemes.listSchemes(deps.db, org.id)).map(presentScheme);
}

export type PublicSchemeView = SchemeView & { accreditor: { slug: string; name: string } };

/** The public page of a scheme. */
export async function getPublicScheme(
  deps: Deps,
  accreditorSlug: string,
  schemeSlug: string,
): Promise<PublicSchemeView> {
  const notFound = new AppError('not_found', `No scheme “${schemeSlug}” of “${accreditorSlug}”.`);
  const org = await findOrganizationBySlug(deps.db, accreditorSlug);
  if (!org || !org.roles.includes('accreditor')) throw notFound;
  const row = await schemes.findSchemeBySlug(deps.db, org.id, schemeSlug);
  if (!row) throw notFound;
  return { ...presentScheme(row), accreditor: { slug: org.slug, name: org.name } };
}

/** Every scheme open to applications, for providers choosing where to apply. */
export async function listOpenSchemes(deps: Deps): Promise<PublicSchemeView[]> {
  return (await schemes.listOpenSchemes(deps.db)).map((row) => ({
    ...presentScheme(row),
    accreditor: { slug: row.accreditor_slug, name: row.accreditor_name },
  }));
}
