import type { Deps } from '../../deps.js';
import { transaction } from '../../db/transaction.js';
import { queueMail } from '../../mail/queue-mail.js';
import * as social from '../stores/social.store.js';

/**
 * The daily digest: one mail per person with everything that happened for them since the last
 * one (mentions, replies in their threads, direct messages), through the mail outbox. Each
 * person's notifications are locked, mailed and marked in one transaction, so two servers
 * running the schedule at once send no mail twice.
 */
export async function sendCommunityDigests(deps: Deps): Promise<{ mailed: number }> {
  let mailed = 0;
  let after: string | null = null;
  for (;;) {
    const users = await social.listUsersWithUnmailed(deps.db, after, 200);
    if (users.length === 0) return { mailed };
    for (const { user_id } of users) {
      const isSent = await transaction(deps.db, async (trx) => {
        const items = await social.lockUnmailedOf(trx, user_id);
        if (items.length === 0) return false;
        const first = items[0]!;
        await queueMail(deps, trx, {
          to: first.email,
          subject: `Cairn: ${items.length} new in your learning community`,
          text: digestText(deps.publicUrl, first.name, items),
        });
        await social.markMailed(
          trx,
          items.map((i) => i.id),
          deps.clock(),
        );
        return true;
      });
      if (isSent) mailed += 1;
    }
    after = users.at(-1)!.user_id;
  }
}

type DigestItem = {
  kind: 'mention' | 'reply' | 'message';
  actorName: string | null;
  threadId: string | null;
  threadTitle: string | null;
  messageCohortId: string | null;
};

/** The plain-text body of a digest. */
export function digestText(publicUrl: URL, name: string, items: DigestItem[]): string {
  const lines = items.map((i) => {
    const who = i.actorName ?? 'Someone';
    if (i.kind === 'message')
      return `- ${who} sent you a message: ${new URL(`/community/${i.messageCohortId ?? ''}`, publicUrl).toString()}`;
    const where = `“${i.threadTitle ?? 'a thread'}” ${new URL(`/community/threads/${i.threadId ?? ''}`, publicUrl).toString()}`;
    return i.kind === 'mention' ? `- ${who} mentioned you in ${where}` : `- ${who} replied in ${where}`;
  });
  return [
    `Hello ${name},`,
    '',
    'Here is what happened in your cohorts and programme discussions since the last digest:',
    '',
    ...lines,
    '',
    'You get this mail once a day when something is new for you.',
  ].join('\n');
}
