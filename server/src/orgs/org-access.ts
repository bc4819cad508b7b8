import type { Actor, Deps } from '../deps.js';
import type { MemberRole, OrgRole } from '../db/schema.js';
import { AppError } from '../http/app-error.js';
import { can, type OrgAction } from './org-policy.js';
import * as store from './orgs.store.js';

// Who may act on an organisation. Kept apart from the organisation use cases so areas they
// depend on (signing keys) can authorise without importing them back.

export type OrgView = { id: string; slug: string; name: string; roles: OrgRole[]; did: string; createdAt: Date };
export type OrgAccess = { org: OrgView; role: MemberRole; actor: Exclude<Actor, { kind: 'anonymous' }> };

export function toOrgView(o: {
  id: string;
  slug: string;
  name: string;
  roles: OrgRole[];
  did: string;
  created_at: Date;
}): OrgView {
  return { id: o.id, slug: o.slug, name: o.name, roles: o.roles, did: o.did, createdAt: o.created_at };
}

export function requireUser(actor: Actor): Extract<Actor, { kind: 'user' }> {
  if (actor.kind === 'user') return actor;
  if (actor.kind === 'apiKey') throw new AppError('forbidden', 'API keys cannot do this; sign in as a person.');
  throw new AppError('unauthenticated', 'Sign in to continue.');
}

/**
 * Resolves the organisation named by `slug` for `actor` and checks `action`. Somebody outside
 * the organisation gets the same 404 as for a slug that does not exist, so slugs do not leak.
 */
export async function authorizeOrg(deps: Deps, actor: Actor, slug: string, action: OrgAction): Promise<OrgAccess> {
  return authorize(
    deps,
    actor,
    { slug },
    action,
    new AppError('not_found', `No organisation "${slug}" that you belong to.`),
  );
}

/**
 * As `authorizeOrg`, for a record that belongs to organisation `orgId`; outsiders get `notFound`
 * (the caller's "no such record" error), so they cannot tell a foreign record from none.
 */
export async function authorizeOrgById(
  deps: Deps,
  actor: Actor,
  orgId: string,
  action: OrgAction,
  notFound: AppError,
): Promise<OrgAccess> {
  return authorize(deps, actor, { id: orgId }, action, notFound);
}

async function authorize(
  deps: Deps,
  actor: Actor,
  which: { slug: string } | { id: string },
  action: OrgAction,
  notFound: AppError,
): Promise<OrgAccess> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated', 'Sign in to continue.');
  const org =
    'slug' in which
      ? await store.findOrganizationBySlug(deps.db, which.slug)
      : await store.findOrganizationById(deps.db, which.id);
  if (!org) throw notFound;
  let role: MemberRole;
  if (actor.kind === 'apiKey') {
    if (actor.orgId !== org.id) throw notFound;
    role = actor.role;
  } else {
    const membership = await store.findMembership(deps.db, org.id, actor.userId);
    if (!membership) throw notFound;
    role = membership.role;
  }
  if (!can(role, action))
    throw new AppError('forbidden', `Your role (${role}) in ${org.name} does not allow this. Ask an owner or admin.`);
  return { org: toOrgView(org), role, actor };
}
