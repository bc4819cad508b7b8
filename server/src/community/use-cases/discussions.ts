import type { Actor, Deps } from '../../deps.js';
import { transaction } from '../../db/transaction.js';
import { AppError } from '../../http/app-error.js';
import { communityLimitsFor } from '../community-limits.js';
import { findMentions } from '../mentions.js';
import { accessSpace, spaceLearners, type SpaceAccess } from '../space-access.js';
import * as discussions from '../stores/discussion.store.js';
import { insertNotifications, listOpenReportsOfSpace } from '../stores/social.store.js';

// Reading and writing a space's discussion: threads, replies, mentions and their notifications.

const noThread = () => new AppError('not_found', 'No thread with this id that you can see.');

function presentSpace(access: SpaceAccess) {
  const { space } = access;
  return {
    id: space.id,
    kind: space.cohortId === null ? ('programme' as const) : ('cohort' as const),
    programme: {
      id: space.microcredentialId,
      title: space.programmeTitle,
      slug: space.programmeSlug,
      providerSlug: space.providerSlug,
    },
    cohort: space.cohort
      ? { name: space.cohort.name, startsOn: space.cohort.startsOn, endsOn: space.cohort.endsOn }
      : null,
    canModerate: access.canModerate,
    isStaff: access.isStaff,
  };
}

/** A space with its threads (and, for moderators, hidden threads and open reports). */
export async function readSpace(deps: Deps, actor: Actor, spaceId: string) {
  const access = await accessSpace(deps, actor, spaceId);
  const { space } = access;
  const threads = await discussions.listThreads(deps.db, space, { includeHidden: access.canModerate });
  const reports = access.canModerate
    ? await listOpenReportsOfSpace(deps.db, space.orgId, space.microcredentialId, space.cohortId)
    : [];
  return {
    ...presentSpace(access),
    threads: threads.map((t) => ({
      id: t.id,
      title: t.title,
      author: { id: t.author_id, name: t.authorName },
      isLocked: t.is_locked,
      isHidden: t.hidden_at !== null,
      replyCount: Number(t.replyCount ?? 0),
      createdAt: t.created_at.toISOString(),
      lastPostAt: t.last_post_at.toISOString(),
    })),
    openReports: reports.map((r) => ({
      id: r.id,
      threadId: r.inThreadId,
      threadTitle: r.threadTitle,
      postId: r.post_id,
      reason: r.reason,
      createdAt: r.created_at.toISOString(),
    })),
  };
}

/** Notifies the people a text mentions (who are in the space), except its author. */
async function notifyMentions(
  db: Deps['db'],
  access: SpaceAccess,
  body: string,
  threadId: string,
): Promise<Set<string>> {
  const people = await spaceLearners(db, access.space);
  const mentioned = findMentions(body, people).filter((id) => id !== access.userId);
  await insertNotifications(
    db,
    mentioned.map((userId) => ({
      orgId: access.space.orgId,
      userId,
      kind: 'mention' as const,
      actorId: access.userId,
      threadId,
    })),
  );
  return new Set(mentioned);
}

/** Starts a thread in a space. */
export async function startThread(deps: Deps, actor: Actor, spaceId: string, input: { title: string; body: string }) {
  const access = await accessSpace(deps, actor, spaceId);
  await communityLimitsFor(deps.db).check('post', access.userId);
  return transaction(deps.db, async (trx) => {
    const { id } = await discussions.insertThread(trx, {
      ...access.space,
      authorId: access.userId,
      title: input.title,
      body: input.body,
      now: deps.clock(),
    });
    await notifyMentions(trx, access, input.body, id);
    return { id };
  });
}

/** The space and thread a thread id names, if the person may see it. */
export async function accessThread(deps: Deps, actor: Actor, threadId: string) {
  const thread = await discussions.findThread(deps.db, threadId);
  if (!thread) throw noThread();
  const access = await accessSpace(deps, actor, thread.cohort_id ?? thread.microcredential_id).catch(() => {
    throw noThread();
  });
  if (access.space.orgId !== thread.org_id) throw noThread();
  if (thread.hidden_at !== null && !access.canModerate && thread.author_id !== access.userId) throw noThread();
  return { access, thread };
}

/** A thread with its replies (hidden ones only for moderators). */
export async function readThread(deps: Deps, actor: Actor, threadId: string) {
  const { access, thread } = await accessThread(deps, actor, threadId);
  const posts = await discussions.listPosts(deps.db, thread.org_id, thread.id, {
    includeHidden: access.canModerate,
  });
  return {
    space: presentSpace(access),
    id: thread.id,
    title: thread.title,
    body: thread.body,
    author: { id: thread.author_id, name: thread.authorName },
    isLocked: thread.is_locked,
    isHidden: thread.hidden_at !== null,
    createdAt: thread.created_at.toISOString(),
    posts: posts.map((p) => ({
      id: p.id,
      author: { id: p.author_id, name: p.authorName },
      body: p.body,
      isHidden: p.hidden_at !== null,
      createdAt: p.created_at.toISOString(),
    })),
  };
}

/**
 * Replies in a thread. A locked thread takes no replies except from moderators. The thread's
 * author and earlier repliers hear of it in their digest, as do people the reply mentions.
 */
export async function replyToThread(deps: Deps, actor: Actor, threadId: string, input: { body: string }) {
  const { access, thread } = await accessThread(deps, actor, threadId);
  if (thread.hidden_at !== null && !access.canModerate) throw noThread();
  await communityLimitsFor(deps.db).check('post', access.userId);
  return transaction(deps.db, async (trx) => {
    const locked = await discussions.findThread(trx, threadId, { forUpdate: true });
    if (!locked) throw noThread();
    if (locked.is_locked && !access.canModerate)
      throw new AppError('conflict', 'This thread is locked: it takes no more replies.');
    const { id } = await discussions.insertPost(trx, {
      orgId: thread.org_id,
      threadId,
      authorId: access.userId,
      body: input.body,
      now: deps.clock(),
    });
    const mentioned = await notifyMentions(trx, access, input.body, threadId);
    const participants = new Set([
      thread.author_id,
      ...(await discussions.listThreadParticipants(trx, thread.org_id, threadId)),
    ]);
    await insertNotifications(
      trx,
      [...participants]
        .filter((userId) => userId !== access.userId && !mentioned.has(userId))
        .map((userId) => ({ orgId: thread.org_id, userId, kind: 'reply' as const, actorId: access.userId, threadId })),
    );
    return { id };
  });
}
