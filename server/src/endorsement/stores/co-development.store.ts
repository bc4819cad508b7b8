import { sql } from 'kysely';
import type { Db } from '../../db/transaction.js';
import type { CoDevelopmentStatus } from '../../db/schema.js';

function invitationsWithNames(db: Db) {
  return db
    .selectFrom('co_development_invitations as i')
    .innerJoin('organizations as p', 'p.id', 'i.provider_org_id')
    .innerJoin('organizations as q', 'q.id', 'i.partner_org_id')
    .innerJoin('microcredentials as m', 'm.id', 'i.microcredential_id')
    .select([
      'i.id',
      'i.provider_org_id',
      'p.slug as provider_slug',
      'p.name as provider_name',
      'i.partner_org_id',
      'q.slug as partner_slug',
      'q.name as partner_name',
      'i.microcredential_id',
      'm.slug as programme_slug',
      'i.status',
      'i.message',
      'i.decided_at',
      'i.created_at',
      'i.updated_at',
    ]);
}

export type InvitationRow = Awaited<ReturnType<typeof findInvitation>> & {};

export async function insertInvitation(
  db: Db,
  i: {
    providerOrgId: string;
    partnerOrgId: string;
    microcredentialId: string;
    message: string;
    invitedBy: string | null;
  },
): Promise<string | undefined> {
  const row = await db
    .insertInto('co_development_invitations')
    .values({
      provider_org_id: i.providerOrgId,
      partner_org_id: i.partnerOrgId,
      microcredential_id: i.microcredentialId,
      message: i.message,
      invited_by: i.invitedBy,
    })
    .onConflict((oc) => oc.columns(['microcredential_id', 'partner_org_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

/** An invitation that organisation `orgId` is a party to (as provider or as partner). */
export function findInvitation(db: Db, orgId: string, id: string) {
  return invitationsWithNames(db)
    .where('i.id', '=', id)
    .where((eb) => eb.or([eb('i.provider_org_id', '=', orgId), eb('i.partner_org_id', '=', orgId)]))
    .executeTakeFirst();
}

export function findInvitationFor(db: Db, microcredentialId: string, partnerOrgId: string) {
  return invitationsWithNames(db)
    .where('i.microcredential_id', '=', microcredentialId)
    .where('i.partner_org_id', '=', partnerOrgId)
    .executeTakeFirst();
}

export function listInvitationsOf(db: Db, orgId: string) {
  return invitationsWithNames(db)
    .where((eb) => eb.or([eb('i.provider_org_id', '=', orgId), eb('i.partner_org_id', '=', orgId)]))
    .orderBy('i.updated_at', 'desc')
    .execute();
}

export async function setInvitationStatus(
  db: Db,
  id: string,
  change: { status: CoDevelopmentStatus; decidedBy: string | null; at: Date },
) {
  await db
    .updateTable('co_development_invitations')
    .set({ status: change.status, decided_by: change.decidedBy, decided_at: change.at, updated_at: change.at })
    .where('id', '=', id)
    .execute();
}

export async function reopenInvitation(db: Db, id: string, message: string, at: Date) {
  await db
    .updateTable('co_development_invitations')
    .set({ status: 'pending', message, decided_by: null, decided_at: null, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function insertComment(
  db: Db,
  c: { invitationId: string; authorOrgId: string; authorUserId: string | null; body: string; at: Date },
) {
  await db
    .insertInto('co_development_comments')
    .values({
      invitation_id: c.invitationId,
      author_org_id: c.authorOrgId,
      author_user_id: c.authorUserId,
      body: c.body,
      created_at: c.at,
    })
    .execute();
  await db
    .updateTable('co_development_invitations')
    .set({ updated_at: c.at })
    .where('id', '=', c.invitationId)
    .execute();
}

export function listComments(db: Db, invitationId: string) {
  return db
    .selectFrom('co_development_comments as c')
    .innerJoin('organizations as o', 'o.id', 'c.author_org_id')
    .leftJoin('users as u', 'u.id', 'c.author_user_id')
    .select(['c.id', 'o.slug as org_slug', 'o.name as org_name', 'u.name as author_name', 'c.body', 'c.created_at'])
    .where('c.invitation_id', '=', invitationId)
    .orderBy('c.created_at')
    .orderBy('c.id')
    .execute();
}

/** Names the partner as co-developer on the programme's open draft, if it has one (published versions are frozen). */
export async function addPartnerToDraft(db: Db, microcredentialId: string, partnerOrgId: string) {
  await db
    .updateTable('microcredential_versions')
    .set({ partner_org_ids: sql<string[]>`array_append(partner_org_ids, ${partnerOrgId}::uuid)` })
    .where('microcredential_id', '=', microcredentialId)
    .where('status', '=', 'draft')
    .where(sql<boolean>`not (${partnerOrgId}::uuid = any(partner_org_ids))`)
    .execute();
}
