import type { Actor, Deps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import { authorizeOrg } from '../../orgs/orgs.service.js';
import { authorizeOrgAs } from '../accreditation-access.js';
import { presentAccreditation, type AccreditationView } from '../accreditation-view.js';
import * as accreditations from '../stores/accreditation.store.js';
import { findOrganizationBySlug } from '../stores/provider-lookup.store.js';

export type RegisterEntry = {
  subject: { type: 'organization' | 'programme'; id: string; name: string; providerSlug: string; providerName: string };
  scheme: string;
  schemeSlug: string;
  status: string;
  validFrom: Date;
  validUntil: Date | null;
  reviewDate: Date | null;
  withdrawnAt: Date | null;
  credentialId: string | null;
  credentialUrl: string | null;
  verificationCode: string;
};

/**
 * The public register of an accrediting body: every candidacy and accreditation it granted, with
 * its status now (withdrawn and expired ones stay listed, so a reader sees what changed),
 * searchable by provider, programme, scheme or verification code.
 */
export async function getRegister(
  deps: Deps,
  accreditorSlug: string,
  options: { q?: string } = {},
): Promise<{ accreditor: { slug: string; name: string; did: string }; items: RegisterEntry[] }> {
  const org = await findOrganizationBySlug(deps.db, accreditorSlug);
  if (!org || !org.roles.includes('accreditor'))
    throw new AppError('not_found', `No accrediting body “${accreditorSlug}” on this Cairn.`);
  const q = options.q?.trim();
  const rows = await accreditations.listAccreditationsBy(deps.db, org.id, q ? { q } : {});
  const now = deps.clock();
  return {
    accreditor: { slug: org.slug, name: org.name, did: org.did },
    items: rows.map((row) => {
      const v = presentAccreditation(row, now);
      return {
        subject: v.subject,
        scheme: v.scheme.name,
        schemeSlug: v.scheme.slug,
        status: v.status,
        validFrom: v.validFrom,
        validUntil: v.validUntil,
        reviewDate: v.reviewDate,
        withdrawnAt: v.withdrawnAt,
        credentialId: v.credentialId,
        credentialUrl: v.credentialUrl,
        verificationCode: v.verificationCode,
      };
    }),
  };
}

/** What an accrediting body granted, for its workspace. */
export async function listGrantedAccreditations(
  deps: Deps,
  actor: Actor,
  accreditorSlug: string,
): Promise<AccreditationView[]> {
  const { org } = await authorizeOrgAs(deps, actor, accreditorSlug, 'accreditor', 'accreditation.read');
  const now = deps.clock();
  return (await accreditations.listAccreditationsBy(deps.db, org.id)).map((row) => presentAccreditation(row, now));
}

/** The accreditations an organisation holds (as provider), for its members. */
export async function listHeldAccreditations(deps: Deps, actor: Actor, orgSlug: string): Promise<AccreditationView[]> {
  const { org } = await authorizeOrg(deps, actor, orgSlug, 'accreditation.read');
  const now = deps.clock();
  return (await accreditations.listAccreditationsOfSubject(deps.db, org.id)).map((row) =>
    presentAccreditation(row, now),
  );
}
