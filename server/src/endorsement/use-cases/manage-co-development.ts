import type { Actor, Deps } from '../../deps.js';
import { transaction } from '../../db/transaction.js';
import { AppError } from '../../http/app-error.js';
import { authorizeOrg } from '../../orgs/orgs.service.js';
import * as store from '../stores/co-development.store.js';
import * as lookup from '../stores/subject-lookup.store.js';

// A provider invites an industry partner to co-develop a programme; the partner reads the
// draft, comments and approves (or declines). Both sides see the same thread.

const notFound = () => new AppError('not_found', 'No co-development invitation with this id for this organisation.');

export type InvitationView = ReturnType<typeof presentInvitation>;

function presentInvitation(r: store.InvitationRow, orgId: string) {
  return {
    id: r.id,
    role: r.provider_org_id === orgId ? ('provider' as const) : ('partner' as const),
    provider: { slug: r.provider_slug, name: r.provider_name },
    partner: { slug: r.partner_slug, name: r.partner_name },
    programme: { id: r.microcredential_id, slug: r.programme_slug },
    status: r.status,
    message: r.message,
    decidedAt: r.decided_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/**
 * Invites a partner organisation to co-develop one of the provider's programmes. Inviting again
 * after a decline opens the same invitation again; a pending or approved one stays as it is.
 */
export async function inviteCoDeveloper(
  deps: Deps,
  actor: Actor,
  providerSlug: string,
  options: { microcredentialId: string; partnerSlug: string; message: string },
): Promise<InvitationView> {
  const { org, actor: user } = await authorizeOrg(deps, actor, providerSlug, 'catalog.author');
  if (!org.roles.includes('provider'))
    throw new AppError('forbidden', `${org.name} is not a provider, so it has no programmes to co-develop.`);
  return transaction(deps.db, async (trx) => {
    const mc = await lookup.findProgrammeById(trx, options.microcredentialId);
    if (!mc || mc.org_id !== org.id)
      throw new AppError('not_found', 'No micro-credential with this id in this organisation.');
    const partner = await lookup.findOrganizationBySlug(trx, options.partnerSlug);
    if (!partner || !partner.roles.includes('partner')) {
      const message = `No industry partner "${options.partnerSlug}" on this Cairn.`;
      throw new AppError('unprocessable_content', message, { fields: [{ field: 'partnerSlug', message }] });
    }
    if (partner.id === org.id) {
      const message = `${org.name} cannot invite itself to co-develop its own programme.`;
      throw new AppError('unprocessable_content', message, { fields: [{ field: 'partnerSlug', message }] });
    }
    const message = options.message.trim();
    const createdId = await store.insertInvitation(trx, {
      providerOrgId: org.id,
      partnerOrgId: partner.id,
      microcredentialId: mc.id,
      message,
      invitedBy: user.kind === 'user' ? user.userId : null,
    });
    const existing = (await store.findInvitationFor(trx, mc.id, partner.id))!;
    if (!createdId && (existing.status === 'declined' || existing.status === 'withdrawn'))
      await store.reopenInvitation(trx, existing.id, message, deps.clock());
    return presentInvitation((await store.findInvitation(trx, org.id, existing.id))!, org.id);
  });
}

/** Invitations an organisation sent (as provider) or received (as partner), newest activity first. */
export async function listCoDevelopment(deps: Deps, actor: Actor, orgSlug: string): Promise<InvitationView[]> {
  const { org } = await authorizeOrg(deps, actor, orgSlug, 'org.read');
  return (await store.listInvitationsOf(deps.db, org.id)).map((r) => presentInvitation(r, org.id));
}

/** One invitation with the programme's newest version (the draft the partner reviews) and the comments. */
export async function getCoDevelopment(deps: Deps, actor: Actor, orgSlug: string, invitationId: string) {
  const { org } = await authorizeOrg(deps, actor, orgSlug, 'org.read');
  const row = await store.findInvitation(deps.db, org.id, invitationId);
  if (!row) throw notFound();
  const version = await lookup.findNewestVersion(deps.db, row.microcredential_id);
  const modules = version ? await lookup.listModulesOfVersion(deps.db, version.id) : [];
  const comments = await store.listComments(deps.db, row.id);
  return {
    ...presentInvitation(row, org.id),
    draft: version
      ? {
          versionNumber: version.version_number,
          status: version.status,
          title: version.title,
          summary: version.summary,
          description: version.description,
          outcomes: version.outcomes,
          modules: modules.map((m) => ({
            id: m.id,
            position: m.position,
            title: m.title,
            content: m.content,
            estimatedMinutes: m.estimated_minutes,
            activityType: m.activity_type,
          })),
        }
      : null,
    comments: comments.map((c) => ({
      id: c.id,
      organization: { slug: c.org_slug, name: c.org_name },
      authorName: c.author_name,
      body: c.body,
      createdAt: c.created_at,
    })),
  };
}

/** Either party comments on the draft (while the invitation is open or approved). */
export async function commentOnCoDevelopment(
  deps: Deps,
  actor: Actor,
  orgSlug: string,
  invitationId: string,
  body: string,
) {
  const { org, actor: user } = await authorizeOrg(deps, actor, orgSlug, 'codevelopment.participate');
  await transaction(deps.db, async (trx) => {
    const row = await store.findInvitation(trx, org.id, invitationId);
    if (!row) throw notFound();
    if (row.status === 'declined' || row.status === 'withdrawn')
      throw new AppError('conflict', 'This invitation is closed; the provider can invite again to reopen it.');
    await store.insertComment(trx, {
      invitationId: row.id,
      authorOrgId: org.id,
      authorUserId: user.kind === 'user' ? user.userId : null,
      body: body.trim(),
      at: deps.clock(),
    });
  });
  return getCoDevelopment(deps, actor, orgSlug, invitationId);
}

/**
 * The partner approves (it is then named as co-developer on the programme's open draft, shown
 * in the catalogue once published) or declines. Only the invited partner decides; deciding the
 * same way twice changes nothing.
 */
export async function decideCoDevelopment(
  deps: Deps,
  actor: Actor,
  orgSlug: string,
  invitationId: string,
  decision: 'approve' | 'decline',
) {
  const { org, actor: user } = await authorizeOrg(deps, actor, orgSlug, 'endorsements.manage');
  await transaction(deps.db, async (trx) => {
    const row = await store.findInvitation(trx, org.id, invitationId);
    if (!row) throw notFound();
    if (row.partner_org_id !== org.id)
      throw new AppError('forbidden', `Only ${row.partner_name}, the invited partner, can approve or decline.`);
    const status = decision === 'approve' ? 'approved' : 'declined';
    if (row.status === status) return;
    if (row.status !== 'pending') throw new AppError('conflict', `This invitation is already ${row.status}.`);
    await store.setInvitationStatus(trx, row.id, {
      status,
      decidedBy: user.kind === 'user' ? user.userId : null,
      at: deps.clock(),
    });
    if (status === 'approved') await store.addPartnerToDraft(trx, row.microcredential_id, org.id);
  });
  return getCoDevelopment(deps, actor, orgSlug, invitationId);
}
