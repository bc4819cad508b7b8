import { CONTEXT_URLS } from '@cairn/credentials';
import type { Deps } from '../deps.js';
import { AppError } from '../http/app-error.js';
import {
  getPublishedStatusList,
  STATUS_LIST_TTL_MS,
  type ChangeablePurpose,
} from '../issuance/status-lists.service.js';
import { buildOrganizationDidDocument } from '../keys/signing-keys.service.js';
import { findShowcaseSettings } from '../orgs/org-showcase-settings.store.js';
import { findOrganizationBySlug } from '../orgs/orgs.store.js';
import { issuerProfileShowcase } from '../showcase/issuer-profile-showcase.js';

async function findPublicOrg(deps: Deps, slug: string) {
  const org = await findOrganizationBySlug(deps.db, slug);
  if (!org) throw new AppError('not_found', `No organisation "${slug}" on this Cairn.`);
  return org;
}

/** The did:web document verifiers resolve `did:web:{host}:orgs:{slug}` to. */
export async function getOrganizationDidDocument(deps: Deps, slug: string) {
  return buildOrganizationDidDocument(deps.db, await findPublicOrg(deps, slug));
}

/** The OB 3.0 issuer Profile of an organisation. */
export async function getIssuerProfile(deps: Deps, slug: string) {
  const org = await findPublicOrg(deps, slug);
  return {
    '@context': [CONTEXT_URLS.credentialsV2, CONTEXT_URLS.openBadgesV3],
    id: org.did,
    type: ['Profile'],
    name: org.name,
    url: new URL(`/orgs/${org.slug}/profile`, deps.publicUrl).toString(),
    ...issuerProfileShowcase(deps, await findShowcaseSettings(deps.db, org.id)),
  };
}

/** A published status list credential (JSON text as signed) and how long it may be cached. */
export async function getStatusListCredential(
  deps: Deps,
  slug: string,
  listNumber: number,
  purpose: ChangeablePurpose,
) {
  const org = await findPublicOrg(deps, slug);
  const text = await getPublishedStatusList(deps, org.id, listNumber, purpose);
  if (!text) throw new AppError('not_found', `No ${purpose} list ${listNumber} for ${org.name}.`);
  return { text, maxAgeSeconds: Math.floor(STATUS_LIST_TTL_MS / 1000) };
}
