import { sql } from 'kysely';
import type { Db } from '../db/transaction.js';
import type { IssuerIdentifier, MemberRole, OrgRole } from '../db/schema.js';

const orgColumns = [
  'organizations.id',
  'organizations.slug',
  'organizations.name',
  'organizations.roles',
  'organizations.did',
  'organizations.created_at',
] as const;

/** Inserts an organisation; undefined when the slug is taken. */
export function insertOrganization(db: Db, org: { slug: string; name: string; roles: OrgRole[]; did: string }) {
  return db
    .insertInto('organizations')
    .values({ slug: org.slug, name: org.name, roles: org.roles, did: org.did })
    .onConflict((oc) => oc.column('slug').doNothing())
    .returning(['id', 'slug', 'name', 'roles', 'did', 'created_at'])
    .executeTakeFirst();
}

export function findOrganizationBySlug(db: Db, slug: string) {
  return db.selectFrom('organizations').select(orgColumns).where('slug', '=', slug).executeTakeFirst();
}

export function findOrganizationById(db: Db, id: string) {
  return db.selectFrom('organizations').select(orgColumns).where('id', '=', id).executeTakeFirst();
}

/** The organisation, locked until the transaction ends, so concurrent edits see each other's result. */
export function lockOrganization(db: Db, id: string) {
  return db.selectFrom('organizations').select(orgColumns).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
}

export function updateOrganization(db: Db, orgId: string, changes: { name?: string; roles?: OrgRole[] }) {
  return db
    .updateTable('organizations')
    .set({ ...changes, updated_at: sql`now()` })
    .where('id', '=', orgId)
    .returning(['id', 'slug', 'name', 'roles', 'did', 'created_at'])
    .executeTakeFirstOrThrow();
}

export function findMembership(db: Db, orgId: string, userId: string) {
  return db
    .selectFrom('memberships')
    .select(['role', 'created_at'])
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export function listMembershipsOfUser(db: Db, userId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.id', 'memberships.org_id')
    .select([...orgColumns, 'memberships.role'])
    .where('memberships.user_id', '=', userId)
    .orderBy('organizations.name')
    .execute();
}

/** Adds a member, or keeps the existing membership; returns whether one was added. */
export async function insertMembership(db: Db, m: { orgId: string; userId: string; role: MemberRole }) {
  const row = await db
    .insertInto('memberships')
    .values({ org_id: m.orgId, user_id: m.userId, role: m.role })
    .onConflict((oc) => oc.columns(['org_id', 'user_id']).doNothing())
    .returning(['role'])
    .executeTakeFirst();
  return row !== undefined;
}

export function listMembers(db: Db, orgId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'users.id as userId',
      'users.name',
      'users.email',
      'memberships.role',
      'memberships.created_at as joinedAt',
    ])
    .where('memberships.org_id', '=', orgId)
    .orderBy('users.name')
    .execute();
}

export async function setMemberRole(db: Db, orgId: string, userId: string, role: MemberRole) {
  await db.updateTable('memberships').set({ role }).where('org_id', '=', orgId).where('user_id', '=', userId).execute();
}

export async function deleteMembership(db: Db, orgId: string, userId: string) {
  await db.deleteFrom('memberships').where('org_id', '=', orgId).where('user_id', '=', userId).execute();
}

/** Owners of an organisation, locked so two concurrent demotions cannot both leave none. */
export async function lockOwners(db: Db, orgId: string) {
  const rows = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('org_id', '=', orgId)
    .where('role', '=', 'owner')
    .forUpdate()
    .execute();
  return rows.map((r) => r.user_id);
}

export async function insertInvitation(
  db: Db,
  inv: { orgId: string; email: string; role: MemberRole; tokenHash: string; invitedBy: string; expiresAt: Date },
) {
  return db
    .insertInto('invitations')
    .values({
      org_id: inv.orgId,
      email: inv.email,
      role: inv.role,
      token_hash: inv.tokenHash,
      invited_by: inv.invitedBy,
      expires_at: inv.expiresAt,
    })
    .returning(['id', 'email', 'role', 'expires_at', 'created_at'])
    .executeTakeFirstOrThrow();
}

/** Withdraws the pending invitations of one email to one organisation (a new one replaces them). */
export async function revokePendingInvitationsFor(db: Db, orgId: string, email: string, now: Date) {
  await db
    .updateTable('invitations')
    .set({ revoked_at: now })
    .where('org_id', '=', orgId)
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
}

export function listPendingInvitations(db: Db, orgId: string, now: Date) {
  return db
    .selectFrom('invitations')
    .innerJoin('users', 'users.id', 'invitations.invited_by')
    .select([
      'invitations.id',
      'invitations.email',
      'invitations.role',
      'invitations.expires_at',
      'invitations.created_at',
      'users.name as invitedBy',
    ])
    .where('invitations.org_id', '=', orgId)
    .where('invitations.accepted_at', 'is', null)
    .where('invitations.revoked_at', 'is', null)
    .where('invitations.expires_at', '>', now)
    .orderBy('invitations.created_at', 'desc')
    .execute();
}

export async function revokeInvitation(db: Db, orgId: string, id: string, now: Date) {
  const row = await db
    .updateTable('invitations')
    .set({ revoked_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export function findInvitationByTokenHash(db: Db, tokenHash: string, options: { forUpdate?: boolean } = {}) {
  let q = db
    .selectFrom('invitations')
    .innerJoin('organizations', 'organizations.id', 'invitations.org_id')
    .select([
      'invitations.id',
      'invitations.org_id',
      'invitations.email',
      'invitations.role',
      'invitations.expires_at',
      'invitations.accepted_at',
      'invitations.revoked_at',
      'organizations.name as orgName',
      'organizations.slug as orgSlug',
    ])
    .where('invitations.token_hash', '=', tokenHash);
  if (options.forUpdate) q = q.forUpdate('invitations');
  return q.executeTakeFirst();
}

export async function markInvitationAccepted(db: Db, id: string, userId: string, now: Date) {
  await db.updateTable('invitations').set({ accepted_at: now, accepted_by: userId }).where('id', '=', id).execute();
}

export function insertApiKey(
  db: Db,
  key: {
    orgId: string;
    name: string;
    role: MemberRole;
    prefix: string;
    tokenHash: string;
    createdBy: string;
    issuerIdentifier: IssuerIdentifier;
  },
) {
  return db
    .insertInto('api_keys')
    .values({
      org_id: key.orgId,
      name: key.name,
      role: key.role,
      prefix: key.prefix,
      token_hash: key.tokenHash,
      created_by: key.createdBy,
      issuer_identifier: key.issuerIdentifier,
    })
    .returning(['id', 'name', 'role', 'prefix', 'created_at', 'issuer_identifier'])
    .executeTakeFirstOrThrow();
}

export function listApiKeys(db: Db, orgId: string) {
  return db
    .selectFrom('api_keys')
    .select(['id', 'name', 'role', 'prefix', 'created_at', 'last_used_at', 'revoked_at', 'issuer_identifier'])
    .where('org_id', '=', orgId)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function revokeApiKey(db: Db, orgId: string, id: string, now: Date) {
  const row = await db
    .updateTable('api_keys')
    .set({ revoked_at: now })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export function findActiveApiKey(db: Db, tokenHash: string) {
  return db
    .selectFrom('api_keys')
    .select(['id', 'org_id', 'role', 'last_used_at'])
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function touchApiKey(db: Db, id: string, now: Date) {
  await db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', id).execute();
}

/** The identifier an API key issues as by default. */
export async function findApiKeyIssuerIdentifier(db: Db, apiKeyId: string): Promise<IssuerIdentifier | undefined> {
  const row = await db.selectFrom('api_keys').select('issuer_identifier').where('id', '=', apiKeyId).executeTakeFirst();
  return row?.issuer_identifier;
}
