import { randomUUID } from 'node:crypto';
import type { Actor, Deps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import { hashToken, randomToken } from '../../lib/tokens.js';
import { requireUser } from '../../orgs/org-access.js';
import * as store from '../profiles.store.js';

const shareUrl = (deps: Deps, token: string) => new URL(`/s/${token}`, deps.publicUrl).toString();

/**
 * Creates a share link to the whole profile (`credentialId` null) or to one held credential,
 * optionally expiring. The token is shown once; only its hash is kept.
 */
export async function createShareLink(
  deps: Deps,
  actor: Actor,
  options: { credentialId: string | null; expiresAt: Date | null },
) {
  const user = requireUser(actor);
  const now = deps.clock();
  if (options.expiresAt && options.expiresAt <= now)
    throw new AppError('validation_failed', 'The expiry must be in the future.', {
      fields: [{ field: 'expiresAt', message: 'Choose a date after today.' }],
    });
  if (options.credentialId) {
    const held = await store.heldAmong(deps.db, user.userId, [options.credentialId]);
    if (!held.has(options.credentialId))
      throw new AppError('not_found', 'No credential of yours with this id.', {
        fields: [{ field: 'credentialId', message: 'You can only share credentials you hold.' }],
      });
  } else if (!(await store.findProfileOfUser(deps.db, user.userId))) {
    throw new AppError('conflict', 'Save your profile (choose a handle) before sharing it.');
  }
  const token = randomToken(24);
  const id = randomUUID();
  await store.insertShareLink(deps.db, {
    id,
    userId: user.userId,
    credentialId: options.credentialId,
    tokenHash: hashToken(token),
    expiresAt: options.expiresAt,
  });
  return { id, url: shareUrl(deps, token), credentialId: options.credentialId, expiresAt: options.expiresAt };
}

export async function listMyShareLinks(deps: Deps, actor: Actor) {
  const user = requireUser(actor);
  const now = deps.clock();
  return (await store.listShareLinks(deps.db, user.userId)).map((l) => ({
    id: l.id,
    credentialId: l.credential_id,
    achievementName: l.achievement_name,
    expiresAt: l.expires_at,
    viewCount: l.view_count,
    createdAt: l.created_at,
    isLive: l.revoked_at === null && (l.expires_at === null || l.expires_at > now),
  }));
}

export async function withdrawShareLink(deps: Deps, actor: Actor, id: string) {
  const user = requireUser(actor);
  if (!(await store.revokeShareLink(deps.db, user.userId, id, deps.clock())))
    throw new AppError('not_found', 'No live share link of yours with this id.');
}

/**
 * Opens a share link: counts the view and says where it leads. An unknown, withdrawn or expired
 * link is 404 (the same answer for each, so tokens cannot be probed).
 */
export async function openShareLink(deps: Deps, token: string) {
  const link = await store.countShareLinkView(deps.db, hashToken(token), deps.clock());
  if (!link) throw new AppError('not_found', 'This share link does not exist, was withdrawn or has expired.');
  if (link.credential_id) return { kind: 'credential' as const, credentialId: link.credential_id, handle: null };
  const profile = await store.findProfileOfUser(deps.db, link.user_id);
  if (!profile) throw new AppError('not_found', 'This share link does not exist, was withdrawn or has expired.');
  return { kind: 'profile' as const, credentialId: null, handle: profile.handle };
}
