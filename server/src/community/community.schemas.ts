import { z } from 'zod';
import { credentialText, timestamp, uuid } from '../http/schemas.js';

/** What people write to each other: no hidden or direction-changing characters that could disguise it. */
const markdown = (max: number) =>
  credentialText({ max, isMultiline: true })
    .min(1, 'Write something first')
    .meta({ description: 'Markdown; clients render it with raw HTML dropped' });

const isoDate = z.iso.date('A date like 2027-01-31');
const person = z.object({ id: z.string(), name: z.string() });
const programmeRef = z.object({ id: z.string(), title: z.string(), slug: z.string(), providerSlug: z.string() });
const cohortRef = z.object({ name: z.string(), startsOn: z.string(), endsOn: z.string() });

export const mySpace = z
  .object({
    id: z.string().nullable(),
    kind: z.enum(['cohort', 'programme']),
    state: z.enum(['open', 'waiting', 'removed']),
    programme: programmeRef,
    cohort: cohortRef.nullable(),
  })
  .meta({ id: 'MyCommunitySpace' });

const spaceHead = {
  id: z.string(),
  kind: z.enum(['cohort', 'programme']),
  programme: programmeRef,
  cohort: cohortRef.nullable(),
  canModerate: z.boolean(),
  isStaff: z.boolean(),
};

export const spaceResponse = z
  .object({
    ...spaceHead,
    threads: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        author: person,
        isLocked: z.boolean(),
        isHidden: z.boolean(),
        replyCount: z.number().int(),
        createdAt: timestamp,
        lastPostAt: timestamp,
      }),
    ),
    openReports: z.array(
      z.object({
        id: z.string(),
        threadId: z.string(),
        threadTitle: z.string(),
        postId: z.string().nullable(),
        reason: z.string(),
        createdAt: timestamp,
      }),
    ),
  })
  .meta({ id: 'CommunitySpace' });

export const threadResponse = z
  .object({
    space: z.object(spaceHead),
    id: z.string(),
    title: z.string(),
    body: z.string(),
    author: person,
    isLocked: z.boolean(),
    isHidden: z.boolean(),
    createdAt: timestamp,
    posts: z.array(
      z.object({ id: z.string(), author: person, body: z.string(), isHidden: z.boolean(), createdAt: timestamp }),
    ),
  })
  .meta({ id: 'DiscussionThread' });

export const threadInput = z.strictObject({
  title: credentialText({ max: 160 }).min(3, 'Give the thread a title (3 characters or more)'),
  body: markdown(10_000),
});
export const postInput = z.strictObject({ body: markdown(10_000) });

export const peerProfile = z
  .object({
    isListed: z.boolean(),
    headline: z.string().trim().max(140),
    skills: z.array(z.string().trim().min(1).max(60)).max(15),
    showsCredentials: z.boolean(),
  })
  .meta({ id: 'PeerProfile' });
export const peerProfileInput = z.strictObject(peerProfile.shape);

export const peer = z
  .object({
    id: z.string(),
    name: z.string(),
    headline: z.string(),
    skills: z.array(z.string()),
    isMe: z.boolean(),
    canMessage: z.boolean(),
    credentials: z.array(z.object({ id: z.string(), name: z.string(), issuerName: z.string() })),
  })
  .meta({ id: 'Peer' });

export const message = z
  .object({ id: z.string(), sender: person, isMine: z.boolean(), body: z.string(), createdAt: timestamp })
  .meta({ id: 'DirectMessage' });
export const messageInput = z.strictObject({ recipientId: uuid, body: markdown(4000) });

/** One of threadId, postId or messageId: a single strict object, so an unknown field is named. */
export const reportInput = z
  .strictObject({
    threadId: uuid.optional(),
    postId: uuid.optional(),
    messageId: uuid.optional(),
    reason: z.string().trim().min(3).max(500),
  })
  .refine((r) => [r.threadId, r.postId, r.messageId].filter(Boolean).length === 1, {
    message: 'Name exactly one of threadId, postId or messageId.',
    path: ['threadId'],
  });

export const cohortInput = z.strictObject({
  name: z.string().trim().min(2).max(120),
  startsOn: isoDate,
  endsOn: isoDate,
  capacity: z.number().int().min(1).max(10_000),
  facilitatorId: uuid.nullable().default(null),
});

export const cohortSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    capacity: z.number().int(),
    facilitator: person.nullable(),
    memberCount: z.number().int(),
  })
  .meta({ id: 'Cohort' });
