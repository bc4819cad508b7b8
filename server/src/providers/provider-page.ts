import type { Deps } from '../deps.js';
import { AppError } from '../http/app-error.js';
import { accreditationsFor } from '../accreditation/accreditations-in-force.js';
import { searchCatalog } from '../catalog/catalog.service.js';
import { endorsementsOfOrganization } from '../endorsement/endorsements-in-force.js';
import { findOrganizationBySlug } from '../endorsement/stores/subject-lookup.store.js';
import { findShowcaseSettings } from '../orgs/org-showcase-settings.store.js';

/** The most programmes a provider page lists (the catalogue, filtered by provider, has them all). */
export const PROVIDER_PAGE_PROGRAMMES = 100;

/**
 * A provider's public page: who it is, its published programmes, and the recognition of the
 * organisation itself in force now: accreditations from Cairn's register (each with its signed
 * credential) and endorsements by industry partners (each a signed credential).
 */
export async function getProviderPage(deps: Deps, providerSlug: string) {
  const org = await findOrganizationBySlug(deps.db, providerSlug);
  if (!org || !org.roles.includes('provider')) throw new AppError('not_found', `No provider "${providerSlug}".`);
  const now = deps.clock();
  const [settings, catalog, accreditations, endorsements] = await Promise.all([
    findShowcaseSettings(deps.db, org.id),
    searchCatalog(deps, {
      skills: [],
      providers: [org.slug],
      partners: [],
      levels: [],
      formats: [],
      languages: [],
      sort: 'newest',
      page: 1,
      pageSize: PROVIDER_PAGE_PROGRAMMES,
    }),
    accreditationsFor(deps.db, { subjectOrgId: org.id, at: now }),
    endorsementsOfOrganization(deps.db, org.did, now),
  ]);
  return {
    organization: {
      slug: org.slug,
      name: org.name,
      did: org.did,
      logoUrl: settings.logoFileId ? new URL(`/api/v1/images/${settings.logoFileId}`, deps.publicUrl).toString() : null,
      profileUrl: new URL(`/orgs/${org.slug}/profile`, deps.publicUrl).toString(),
    },
    programmes: catalog.items.map((p) => ({
      slug: p.slug,
      title: p.title,
      summary: p.summary,
      imageUrl: p.imageUrl,
    })),
    programmeCount: catalog.total,
    accreditations: accreditations.flatMap((a) =>
      a.credentialId && a.subjectType === 'organization'
        ? [
            {
              accreditor: { slug: a.accreditorSlug, name: a.accreditorName },
              scheme: a.schemeName,
              validFrom: a.validFrom,
              validUntil: a.validUntil,
              credentialRowId: a.credentialId,
            },
          ]
        : [],
    ),
    endorsements: endorsements.map((e) => ({
      id: e.id,
      endorser: { slug: e.endorser.slug, name: e.endorser.name },
      comment: e.comment,
      validFrom: e.validFrom,
      credentialRowId: e.credentialRowId,
    })),
  };
}
