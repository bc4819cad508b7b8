import type { Actor, Deps } from '../../deps.js';
import { transaction } from '../../db/transaction.js';
import { AppError } from '../../http/app-error.js';
import { requireUser } from '../../orgs/orgs.service.js';
import { communityLimitsFor } from '../community-limits.js';
import { accessSpace, spaceLearners, type SpaceAccess } from '../space-access.js';
import * as social from '../stores/social.store.js';

// The peer directory (opt-in profiles) and direct messages between members of a cohort.

export type PeerProfileInput = { isListed: boolean; headline: string; skills: string[]; showsCredentials: boolean };

/** My directory card; unlisted (and empty) until I choose otherwise. */
export async function getMyPeerProfile(deps: Deps, actor: Actor) {
  const user = requireUser(actor);
  const p = await social.findProfile(deps.db, user.userId);
  return {
    isListed: p?.is_listed ?? false,
    headline: p?.headline ?? '',
    skills: p?.skills ?? [],
    showsCredentials: p?.shows_credentials ?? false,
  };
}

export async function updateMyPeerProfile(deps: Deps, actor: Actor, input: PeerProfileInput) {
  const user = requireUser(actor);
  const skills = [...new Set(input.skills.map((s) => s.trim()).filter(Boolean))];
  await social.upsertProfile(deps.db, { userId: user.userId, ...input, skills, now: deps.clock() });
  return getMyPeerProfile(deps, actor);
}

/**
 * The people of a space who chose to be listed: name, headline, skills and, if they said so,
 * the credentials they hold (in force, issued on this Cairn). Others are not shown at all.
 */
export async function listPeers(deps: Deps, actor: Actor, spaceId: string) {
  const access = await accessSpace(deps, actor, spaceId);
  const people = await spaceLearners(deps.db, access.space);
  const profiles = await social.listListedProfiles(
    deps.db,
    people.map((p) => p.id),
  );
  const showing = profiles.filter((p) => p.shows_credentials).map((p) => p.id);
  const credentials = await social.listHeldCredentialNames(deps.db, showing, deps.clock());
  return profiles.map((p) => ({
    id: p.id,
    name: p.name,
    headline: p.headline,
    skills: p.skills,
    isMe: p.id === access.userId,
    canMessage: access.space.cohortId !== null && p.id !== access.userId,
    credentials: credentials
      .filter((c) => c.recipient_user_id === p.id)
      .slice(0, 20)
      .map((c) => ({ id: c.credential_id, name: c.achievement_name ?? 'Credential', issuerName: c.issuerName })),
  }));
}

/** The people a member of a cohort may write to: its other members in place and its facilitator. */
async function requireCohortPeer(deps: Deps, access: SpaceAccess, otherId: string) {
  if (access.space.cohortId === null)
    throw new AppError('not_found', 'Direct messages are between members of a cohort.');
  if (otherId === access.userId) throw new AppError('validation_failed', 'You cannot message yourself.');
  const members = await spaceLearners(deps.db, access.space);
  const other = members.find((m) => m.id === otherId);
  const isFacilitator = access.space.cohort?.facilitatorId === otherId;
  if (!other && !isFacilitator) throw new AppError('not_found', 'This person is not in your cohort.');
}

/** My conversation with one person of the cohort, oldest first; their messages to me are marked read. */
export async function readConversation(deps: Deps, actor: Actor, cohortId: string, otherId: string) {
  const access = await accessSpace(deps, actor, cohortId);
  await requireCohortPeer(deps, access, otherId);
  const orgId = access.space.orgId;
  const messages = await social.listConversation(deps.db, orgId, cohortId, access.userId, otherId);
  await social.markConversationRead(deps.db, orgId, cohortId, access.userId, otherId, deps.clock());
  return messages.map((m) => ({
    id: m.id,
    sender: { id: m.sender_id, name: m.senderName },
    isMine: m.sender_id === access.userId,
    body: m.body,
    createdAt: m.created_at.toISOString(),
  }));
}

/** Sends a direct message to someone of my cohort; they hear of it in their digest. */
export async function sendDirectMessage(
  deps: Deps,
  actor: Actor,
  cohortId: string,
  input: { recipientId: string; body: string },
) {
  const access = await accessSpace(deps, actor, cohortId);
  await requireCohortPeer(deps, access, input.recipientId);
  await communityLimitsFor(deps.db).check('message', access.userId);
  return transaction(deps.db, async (trx) => {
    const { id } = await social.insertMessage(trx, {
      orgId: access.space.orgId,
      cohortId,
      senderId: access.userId,
      recipientId: input.recipientId,
      body: input.body,
      now: deps.clock(),
    });
    await social.insertNotifications(trx, [
      { orgId: access.space.orgId, userId: input.recipientId, kind: 'message', actorId: access.userId, messageId: id },
    ]);
    return { id };
  });
}
