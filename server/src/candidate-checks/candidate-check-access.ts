import type { Actor, Deps } from '../deps.js';
import { authorizeOrg, type OrgAccess } from '../orgs/org-access.js';

/**
 * Who may check candidates' credentials for an organisation: its owners, admins and managers
 * (`candidates.verify`), or an API key of the organisation with one of those roles. Outsiders
 * get the 404 of an organisation they do not belong to.
 */
export function authorizeCandidateChecks(deps: Deps, actor: Actor, slug: string): Promise<OrgAccess> {
  return authorizeOrg(deps, actor, slug, 'candidates.verify');
}
