import { didWebFromUrl } from '@cairn/credentials';
import { AppError } from '../http/app-error.js';
import { organizationIdentifiers, provisionSigningKey } from '../keys/signing-keys.service.js';
import type { Actor, Deps } from '../deps.js';
import type { IssuerIdentifier, MemberRole, OrgRole } from '../db/schema.js';
import { transaction } from '../db/transaction.js';
import { eventActorOf, recordEvent } from '../events/record-event.js';
import { hashToken, randomToken } from '../lib/tokens.js';
import { queueMail } from '../mail/queue-mail.js';
import { normaliseEmail } from '../identity/identity.service.js';
import { findUserById } from '../identity/identity.store.js';
import { canGrant } from './org-policy.js';
import { authorizeOrg, requireUser, toOrgView } from './org-access.js';

export { authorizeOrg, authorizeOrgById, requireUser, type OrgAccess, type OrgView } from './org-access.js';
import * as store from './orgs.store.js';

const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** The did:web of an organisation: `did:web:{host}:orgs:{slug}` (a port is percent-encoded, per did:web). */
export function organizationDid(publicUrl: URL, slug: string): string {
  return didWebFromUrl(publicUrl.origin, ['orgs', slug]);
}

/**
 * Inserts an organisation with its did:web and first signing key, and makes `ownerId` its
 * owner. Undefined when the slug is taken. Runs inside the caller's transaction.
 */
export async function provisionOrganization(deps: Deps, options: CreateOrganizationOptions & { ownerId: string }) {
  const org = await store.insertOrganization(deps.db, {
    slug: options.slug,
    name: options.name.trim(),
    roles: [...new Set(options.roles)],
    did: organizationDid(deps.publicUrl, options.slug),
  });
  if (!org) return undefined;
  await store.insertMembership(deps.db, { orgId: org.id, userId: options.ownerId, role: 'owner' });
  await provisionSigningKey(deps, org.id);
  return toOrgView(org);
}

export type CreateOrganizationOptions = { name: string; slug: string; roles: OrgRole[] };

/** Creates an organisation with the caller as its owner. */
export async function createOrganization(deps: Deps, actor: Actor, options: CreateOrganizationOptions) {
  const user = requireUser(actor);
  return transaction(deps.db, async (trx) => {
    const org = await provisionOrganization({ ...deps, db: trx }, { ...options, ownerId: user.userId });
    if (!org) {
      throw new AppError('conflict', `The address "${options.slug}" is taken. Choose another slug.`, {
        fields: [{ field: 'slug', message: 'Already taken' }],
      });
    }
    await recordEvent(deps, trx, {
      type: 'member.added',
      orgId: org.id,
      actor: eventActorOf(actor),
      data: { userId: user.userId, role: 'owner' },
    });
    return org;
  });
}

/** An organisation with both its identifiers (the did:key is null until first used or created). */
export async function getOrganization(deps: Deps, actor: Actor, slug: string) {
  const access = await authorizeOrg(deps, actor, slug, 'org.read');
  return { ...access.org, myRole: access.role, dids: await organizationIdentifiers(deps.db, access.org) };
}

/**
 * Renames an organisation or changes its roles. A change is recorded as `organization.updated`
 * (naming the fields that changed), which also refreshes the name the catalogue shows.
 */
export async function updateOrganizationDetails(
  deps: Deps,
  actor: Actor,
  slug: string,
  changes: { name?: string; roles?: OrgRole[] },
) {
  const { org } = await authorizeOrg(deps, actor, slug, 'org.update');
  return transaction(deps.db, async (trx) => {
    const current = await store.lockOrganization(trx, org.id);
    const name = changes.name?.trim();
    const roles = changes.roles ? [...new Set(changes.roles)] : undefined;
    const changed = [
      ...(name !== undefined && name !== current.name ? ['name'] : []),
      ...(roles !== undefined && !isSameSet(roles, current.roles) ? ['roles'] : []),
    ];
    if (changed.length === 0) return toOrgView(current);
    const updated = await store.updateOrganization(trx, org.id, {
      ...(changed.includes('name') ? { name } : {}),
      ...(changed.includes('roles') ? { roles } : {}),
    });
    await recordEvent(deps, trx, {
      type: 'organization.updated',
      orgId: org.id,
      actor: eventActorOf(actor),
      data: { organizationId: org.id, changed },
    });
    return toOrgView(updated);
  });
}

function isSameSet<T>(a: readonly T[], b: readonly T[]): boolean {
  const set = new Set(b);
  return a.length === set.size && a.every((x) => set.has(x));
}

/** The caller's organisations with their role in each. */
export async function listMyMemberships(deps: Deps, userId: string) {
  const rows = await store.listMembershipsOfUser(deps.db, userId);
  return rows.map((r) => ({ org: toOrgView(r), role: r.role }));
}

export async function listMembers(deps: Deps, actor: Actor, slug: string) {
  const { org } = await authorizeOrg(deps, actor, slug, 'members.read');
  return store.listMembers(deps.db, org.id);
}

export async function changeMemberRole(deps: Deps, actor: Actor, slug: string, userId: string, role: MemberRole) {
  const access = await authorizeOrg(deps, actor, slug, 'members.manage');
  requireUser(actor);
  return transaction(deps.db, async (trx) => {
    const owners = await store.lockOwners(trx, access.org.id);
    const member = await store.findMembership(trx, access.org.id, userId);
    if (!member) throw new AppError('not_found', 'That person is not a member of this organisation.');
    if (!canGrant(access.role, role) || (member.role === 'owner' && access.role !== 'owner')) {
      throw new AppError('forbidden', 'Only an owner can make someone an owner or change an owner’s role.');
    }
    if (member.role === 'owner' && role !== 'owner' && owners.length === 1) {
      throw new AppError('conflict', 'This is the only owner. Make someone else an owner first.');
    }
    if (member.role !== role) {
      await store.setMemberRole(trx, access.org.id, userId, role);
      await recordEvent(deps, trx, {
        type: 'member.role-changed',
        orgId: access.org.id,
        actor: eventActorOf(actor),
        data: { userId, role },
      });
    }
    const members = await store.listMembers(trx, access.org.id);
    return members.find((m) => m.userId === userId)!;
  });
}

export async function removeMember(deps: Deps, actor: Actor, slug: string, userId: string) {
  const isSelf = actor.kind === 'user' && actor.userId === userId;
  // Authorise before anything else, so outsiders learn nothing but "not found".
  const access = await authorizeOrg(deps, actor, slug, isSelf ? 'org.read' : 'members.manage');
  requireUser(actor);
  await transaction(deps.db, async (trx) => {
    const owners = await store.lockOwners(trx, access.org.id);
    const member = await store.findMembership(trx, access.org.id, userId);
    if (!member) throw new AppError('not_found', 'That person is not a member of this organisation.');
    if (member.role === 'owner' && !isSelf && access.role !== 'owner')
      throw new AppError('forbidden', 'Only an owner can remove an owner.');
    if (member.role === 'owner' && owners.length === 1)
      throw new AppError('conflict', 'This is the only owner. Make someone else an owner first.');
    await store.deleteMembership(trx, access.org.id, userId);
    await recordEvent(deps, trx, {
      type: 'member.removed',
      orgId: access.org.id,
      actor: eventActorOf(actor),
      data: { userId },
    });
  });
}

export type InviteMemberOptions = { email: string; role: MemberRole };

/** Invites a person by email; the link in the mail (and in the answer, for the inviter to share) joins them. */
export async function inviteMember(deps: Deps, actor: Actor, slug: string, options: InviteMemberOptions) {
  const access = await authorizeOrg(deps, actor, slug, 'members.manage');
  const user = requireUser(actor);
  if (!canGrant(access.role, options.role))
    throw new AppError('forbidden', `Your role (${access.role}) cannot invite someone as ${options.role}.`, {
      fields: [{ field: 'role', message: 'Above your own role' }],
    });
  const email = normaliseEmail(options.email);
  const members = await store.listMembers(deps.db, access.org.id);
  if (members.some((m) => m.email.toLowerCase() === email)) {
    throw new AppError('conflict', `${email} is already a member of ${access.org.name}.`, {
      fields: [{ field: 'email', message: 'Already a member' }],
    });
  }
  const token = randomToken();
  const acceptUrl = new URL(`/invitations/${token}`, deps.publicUrl).toString();
  const inviter = await findUserById(deps.db, user.userId);
  const now = deps.clock();
  const invitation = await transaction(deps.db, async (trx) => {
    await store.revokePendingInvitationsFor(trx, access.org.id, email, now);
    const inv = await store.insertInvitation(trx, {
      orgId: access.org.id,
      email,
      role: options.role,
      tokenHash: hashToken(token),
      invitedBy: user.userId,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    });
    await queueMail(deps, trx, {
      to: email,
      orgId: access.org.id,
      subject: `${inviter?.name ?? 'A colleague'} invited you to ${access.org.name} on Cairn`,
      text: `Hello,\n\n${inviter?.name ?? 'A colleague'} invited you to join ${access.org.name} on Cairn as ${options.role}.\nAccept within 7 days:\n\n${acceptUrl}\n`,
    });
    return inv;
  });
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    expiresAt: invitation.expires_at,
    acceptUrl,
  };
}

export async function listInvitations(deps: Deps, actor: Actor, slug: string) {
  const { org } = await authorizeOrg(deps, actor, slug, 'members.manage');
  const rows = await store.listPendingInvitations(deps.db, org.id, deps.clock());
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    role: r.role,
    expiresAt: r.expires_at,
    createdAt: r.created_at,
    invitedBy: r.invitedBy,
  }));
}

export async function withdrawInvitation(deps: Deps, actor: Actor, slug: string, invitationId: string) {
  const { org } = await authorizeOrg(deps, actor, slug, 'members.manage');
  if (!(await store.revokeInvitation(deps.db, org.id, invitationId, deps.clock()))) {
    throw new AppError('not_found', 'No pending invitation with this id in this organisation.');
  }
}

async function findUsableInvitation(deps: Deps, token: string, options: { forUpdate?: boolean } = {}) {
  const inv = await store.findInvitationByTokenHash(deps.db, hashToken(token), options);
  if (!inv || inv.revoked_at)
    throw new AppError('not_found', 'This invitation does not exist or was withdrawn. Ask for a new one.');
  if (inv.accepted_at) throw new AppError('gone', 'This invitation was already accepted.');
  if (inv.expires_at <= deps.clock()) throw new AppError('gone', 'This invitation has expired. Ask for a new one.');
  return inv;
}

/** What an invitation link offers, for the page a person lands on before accepting. */
export async function describeInvitation(deps: Deps, token: string) {
  const inv = await findUsableInvitation(deps, token);
  return { orgName: inv.orgName, orgSlug: inv.orgSlug, role: inv.role, email: inv.email, expiresAt: inv.expires_at };
}

/** Joins the signed-in person to the organisation; the invitation must be for their email. */
export async function acceptInvitation(deps: Deps, actor: Actor, token: string) {
  const user = requireUser(actor);
  return transaction(deps.db, async (trx) => {
    const tdeps = { ...deps, db: trx };
    const inv = await findUsableInvitation(tdeps, token, { forUpdate: true });
    const me = await findUserById(trx, user.userId);
    if (!me || me.email.toLowerCase() !== inv.email.toLowerCase()) {
      throw new AppError('forbidden', `This invitation is for ${inv.email}. Sign in with that email to accept it.`);
    }
    await store.insertMembership(trx, { orgId: inv.org_id, userId: user.userId, role: inv.role });
    await store.markInvitationAccepted(trx, inv.id, user.userId, deps.clock());
    await recordEvent(deps, trx, {
      type: 'member.added',
      orgId: inv.org_id,
      actor: eventActorOf(actor),
      data: { userId: user.userId, role: inv.role },
    });
    const org = await store.findOrganizationById(trx, inv.org_id);
    const membership = await store.findMembership(trx, inv.org_id, user.userId);
    return { org: toOrgView(org!), role: membership!.role };
  });
}

export const API_KEY_PREFIX = 'cairn_';

/**
 * Creates an API key for machines; the token is returned once and stored only as a hash.
 * `issuerIdentifier` is what credentials issued with it are signed as unless a request says otherwise.
 */
export async function createApiKey(
  deps: Deps,
  actor: Actor,
  slug: string,
  options: { name: string; role?: MemberRole; issuerIdentifier?: IssuerIdentifier },
) {
  const access = await authorizeOrg(deps, actor, slug, 'apiKeys.manage');
  const user = requireUser(actor);
  const role = options.role ?? 'admin';
  if (!canGrant(access.role, role))
    throw new AppError('forbidden', `Your role (${access.role}) cannot create a key with role ${role}.`, {
      fields: [{ field: 'role', message: 'Above your own role' }],
    });
  const prefix = randomToken(6);
  const token = `${API_KEY_PREFIX}${prefix}_${randomToken(32)}`;
  const key = await transaction(deps.db, async (trx) => {
    const inserted = await store.insertApiKey(trx, {
      orgId: access.org.id,
      name: options.name.trim(),
      role,
      prefix,
      tokenHash: hashToken(token),
      createdBy: user.userId,
      issuerIdentifier: options.issuerIdentifier ?? 'did:web',
    });
    await recordEvent(deps, trx, {
      type: 'api-key.created',
      orgId: access.org.id,
      actor: eventActorOf(actor),
      data: { apiKeyId: inserted.id, role },
    });
    return inserted;
  });
  return {
    id: key.id,
    name: key.name,
    role: key.role,
    prefix: `${API_KEY_PREFIX}${key.prefix}`,
    createdAt: key.created_at,
    issuerIdentifier: key.issuer_identifier,
    token,
  };
}

export async function listApiKeys(deps: Deps, actor: Actor, slug: string) {
  const { org } = await authorizeOrg(deps, actor, slug, 'apiKeys.manage');
  const rows = await store.listApiKeys(deps.db, org.id);
  return rows.map((k) => ({
    id: k.id,
    name: k.name,
    role: k.role,
    prefix: `${API_KEY_PREFIX}${k.prefix}`,
    createdAt: k.created_at,
    lastUsedAt: k.last_used_at,
    revokedAt: k.revoked_at,
    issuerIdentifier: k.issuer_identifier,
  }));
}

export async function revokeApiKey(deps: Deps, actor: Actor, slug: string, id: string) {
  const { org } = await authorizeOrg(deps, actor, slug, 'apiKeys.manage');
  requireUser(actor);
  await transaction(deps.db, async (trx) => {
    if (!(await store.revokeApiKey(trx, org.id, id, deps.clock())))
      throw new AppError('not_found', 'No active API key with this id in this organisation.');
    await recordEvent(deps, trx, {
      type: 'api-key.revoked',
      orgId: org.id,
      actor: eventActorOf(actor),
      data: { apiKeyId: id },
    });
  });
}

/** The actor behind a Bearer token, or undefined when the key is unknown or revoked. */
export async function resolveApiKey(
  deps: Deps,
  token: string,
): Promise<Extract<Actor, { kind: 'apiKey' }> | undefined> {
  if (!token.startsWith(API_KEY_PREFIX)) return undefined;
  const key = await store.findActiveApiKey(deps.db, hashToken(token));
  if (!key) return undefined;
  const now = deps.clock();
  // Record use at minute precision: enough for "last used", without a write per request.
  if (!key.last_used_at || now.getTime() - key.last_used_at.getTime() > 60_000)
    await store.touchApiKey(deps.db, key.id, now);
  return { kind: 'apiKey', apiKeyId: key.id, orgId: key.org_id, role: key.role };
}
