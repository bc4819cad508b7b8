import type { Actor, Deps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import { authorizeOrg } from '../../orgs/orgs.service.js';
import { endorsementsGivenBy } from '../endorsements-in-force.js';
import * as lookup from '../stores/subject-lookup.store.js';

/** Every endorsement an organisation gave, withdrawn ones included (for its members). */
export async function listOwnEndorsements(deps: Deps, actor: Actor, orgSlug: string) {
  const { org } = await authorizeOrg(deps, actor, orgSlug, 'org.read');
  return endorsementsGivenBy(deps.db, org.id);
}

/**
 * A partner's public page: who it is and what it endorses now (withdrawn endorsements are
 * left out; their credentials still answer at their URLs, showing them revoked).
 */
export async function getPartnerPage(deps: Deps, orgSlug: string) {
  const org = await lookup.findOrganizationBySlug(deps.db, orgSlug);
  if (!org || !org.roles.includes('partner')) throw new AppError('not_found', `No industry partner "${orgSlug}".`);
  return {
    organization: { slug: org.slug, name: org.name, did: org.did },
    endorsements: await endorsementsGivenBy(deps.db, org.id, { isInForceOnly: true }),
  };
}
