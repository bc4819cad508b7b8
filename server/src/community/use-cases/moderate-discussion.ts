import type { Actor, Deps } from '../../deps.js';
import { transaction } from '../../db/transaction.js';
import { AppError } from '../../http/app-error.js';
import { requireUser } from '../../orgs/orgs.service.js';
import { communityLimitsFor } from '../community-limits.js';
import { requireModerator } from '../space-access.js';
import * as discussions from '../stores/discussion.store.js';
import * as social from '../stores/social.store.js';
import { accessThread } from './discussions.js';

// Facilitators and moderators keep a discussion civil; everyone can flag what needs a look.

/** Locks or unlocks a thread (a locked thread takes no more replies). */
export async function setThreadLock(deps: Deps, actor: Actor, threadId: string, isLocked: boolean) {
  const { access, thread } = await accessThread(deps, actor, threadId);
  requireModerator(access);
  await discussions.setThreadLocked(deps.db, thread.org_id, thread.id, isLocked);
  return { isLocked };
}

/** Hides (or shows again) a thread; hiding settles the open reports about it. */
export async function setThreadHidden(deps: Deps, actor: Actor, threadId: string, isHidden: boolean) {
  const { access, thread } = await accessThread(deps, actor, threadId);
  requireModerator(access);
  const now = deps.clock();
  await transaction(deps.db, async (trx) => {
    await discussions.setThreadHidden(trx, thread.org_id, thread.id, isHidden ? { at: now, by: access.userId } : null);
    await social.resolveReportsAbout(trx, thread.org_id, { threadId: thread.id }, now);
  });
  return { isHidden };
}

/** Hides (or shows again) a reply; hiding settles the open reports about it. */
export async function setPostHidden(deps: Deps, actor: Actor, postId: string, isHidden: boolean) {
  const post = await discussions.findPost(deps.db, postId);
  if (!post) throw new AppError('not_found', 'No reply with this id that you can see.');
  const { access } = await accessThread(deps, actor, post.thread_id).catch(() => {
    throw new AppError('not_found', 'No reply with this id that you can see.');
  });
  requireModerator(access);
  const now = deps.clock();
  await transaction(deps.db, async (trx) => {
    await discussions.setPostHidden(trx, post.org_id, post.id, isHidden ? { at: now, by: access.userId } : null);
    await social.resolveReportsAbout(trx, post.org_id, { postId: post.id }, now);
  });
  return { isHidden };
}

export type ReportTarget = { threadId: string } | { postId: string } | { messageId: string };

/**
 * Reports a thread, a reply or a message the person can see, for the space's moderators. One
 * report per person and item; a second is accepted and changes nothing.
 */
export async function reportContent(deps: Deps, actor: Actor, target: ReportTarget, reason: string) {
  const user = requireUser(actor);
  const notFound = () => new AppError('not_found', 'Nothing with this id that you can see.');
  await communityLimitsFor(deps.db).check('report', user.userId);
  if ('messageId' in target) {
    const message = await social.findMessage(deps.db, target.messageId);
    if (!message || (message.recipient_id !== user.userId && message.sender_id !== user.userId)) throw notFound();
    await social.insertReport(deps.db, {
      orgId: message.org_id,
      reporterId: user.userId,
      messageId: message.id,
      reason,
    });
    return { reported: true as const };
  }
  if ('postId' in target) {
    const post = await discussions.findPost(deps.db, target.postId);
    if (!post) throw notFound();
    const { thread } = await accessThread(deps, actor, post.thread_id).catch(() => {
      throw notFound();
    });
    if (post.hidden_at !== null) throw notFound();
    await social.insertReport(deps.db, { orgId: thread.org_id, reporterId: user.userId, postId: post.id, reason });
    return { reported: true as const };
  }
  const { thread } = await accessThread(deps, actor, target.threadId).catch(() => {
    throw notFound();
  });
  await social.insertReport(deps.db, { orgId: thread.org_id, reporterId: user.userId, threadId: thread.id, reason });
  return { reported: true as const };
}
