import type { Actor, Deps } from '../deps.js';
import type { OrgAction } from '../orgs/org-policy.js';
import { authorizeOrg, type OrgAccess } from '../orgs/org-access.js';
import { AppError } from '../http/app-error.js';

/** Authorises a workforce action on an organisation that has the employer role. */
export async function authorizeEmployer(deps: Deps, actor: Actor, slug: string, action: OrgAction): Promise<OrgAccess> {
  const access = await authorizeOrg(deps, actor, slug, action);
  if (!access.org.roles.includes('employer')) {
    throw new AppError(
      'forbidden',
      `${access.org.name} is not an employer on Cairn; add the employer role to use workforce tools.`,
    );
  }
  return access;
}

export function actorUserId(access: OrgAccess): string | null {
  return access.actor.kind === 'user' ? access.actor.userId : null;
}

export const roleNotFound = () => new AppError('not_found', 'No role with this id in this organisation.');
