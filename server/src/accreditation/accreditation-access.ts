import type { Actor, Deps } from '../deps.js';
import type { OrgRole } from '../db/schema.js';
import { AppError } from '../http/app-error.js';
import type { OrgAction } from '../orgs/org-policy.js';
import { authorizeOrg, type OrgAccess } from '../orgs/orgs.service.js';

const roleNames: Record<'accreditor' | 'provider', string> = {
  accreditor: 'an accrediting body',
  provider: 'a provider',
};

/**
 * The caller's access to organisation `slug` for `action`, which must also hold the
 * organisation role `orgRole` (an accrediting body runs schemes; a provider applies).
 */
export async function authorizeOrgAs(
  deps: Deps,
  actor: Actor,
  slug: string,
  orgRole: Extract<OrgRole, 'accreditor' | 'provider'>,
  action: OrgAction,
): Promise<OrgAccess> {
  const access = await authorizeOrg(deps, actor, slug, action);
  if (!access.org.roles.includes(orgRole))
    throw new AppError(
      'forbidden',
      `${access.org.name} is not ${roleNames[orgRole]} on Cairn, so it cannot do this. An owner can add the role in the organisation's settings.`,
    );
  return access;
}

/** The user id behind an actor, for the rows that name who did something (API keys name none). */
export function userIdOf(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.userId : null;
}
