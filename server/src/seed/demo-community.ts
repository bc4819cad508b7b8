import type { Actor, Deps } from '../deps.js';
import { findUserByEmail, insertUser } from '../identity/identity.store.js';
import { enrolLearner } from '../learning/use-cases/enrol-learner.js';
import { createVoucher } from '../learning/use-cases/manage-vouchers.js';
import { createCohort } from '../community/use-cases/manage-cohorts.js';
import { listMySpaces } from '../community/use-cases/list-my-spaces.js';
import { replyToThread, startThread } from '../community/use-cases/discussions.js';
import { sendDirectMessage, updateMyPeerProfile } from '../community/use-cases/peers-and-messages.js';
import { findListedProgrammeBySlug } from '../community/stores/space.store.js';
import { moderateReview } from '../ratings/use-cases/moderate-reviews.js';
import { writeReview } from '../ratings/use-cases/write-review.js';

function asUser(userId: string): Actor {
  // The seed acts through the same use cases as people do; it has no HTTP session.
  return { kind: 'user', userId, sessionId: 'demo-seed' };
}

/** Other learners of the demo cohort; like every demo account they are on the reserved .test domain. */
const peers = [
  {
    email: 'omar@demo.cairn.test',
    name: 'Omar Haddad',
    headline: 'Shift lead, Harbor Logistics',
    skills: ['Kanban', 'Scheduling'],
  },
  {
    email: 'mei@demo.cairn.test',
    name: 'Mei Tanaka',
    headline: 'Junior project coordinator',
    skills: ['Scrum', 'Stakeholder updates'],
  },
  {
    email: 'jonas@demo.cairn.test',
    name: 'Jonas Berg',
    headline: 'Software tester moving into delivery',
    skills: ['Testing', 'Retrospectives'],
  },
];

const DAY = 24 * 60 * 60 * 1000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The demo learner's social side: a review of a programme she completed (approved by the
 * provider), and a running cohort of "Agile Delivery Essentials" with three other learners, a
 * facilitator, threads, replies and a direct message. Everything goes through the use cases.
 */
export async function seedDemoCommunity(
  deps: Deps,
  options: {
    learnerEmail: string;
    providerEmail: string;
    providerSlug: string;
    passwordHash: string;
    /** A cohort-format programme of the provider. */
    cohortProgrammeSlug: string;
    reviewed: { providerSlug: string; slug: string };
  },
) {
  const learner = await findUserByEmail(deps.db, options.learnerEmail);
  const provider = await findUserByEmail(deps.db, options.providerEmail);
  if (!learner || !provider) throw new Error('The demo learner and provider must exist before their community.');
  const me = asUser(learner.id);
  const staff = asUser(provider.id);

  const review = await writeReview(deps, me, {
    ...options.reviewed,
    rating: 5,
    title: 'Changed how I read our weekly figures',
    body: 'The module on misleading charts was the most useful hour of training I had this year. I now check the axis and the period of every chart before our Monday meeting, and I redrew two of our dashboards.\n\nThe quiz is short; the **worked examples** are where the learning is.',
  });
  await moderateReview(deps, staff, options.reviewed.providerSlug, review.id, 'approve');

  const programme = await findListedProgrammeBySlug(deps.db, options.providerSlug, options.cohortProgrammeSlug);
  if (programme?.format !== 'cohort') throw new Error('The demo cohort programme must be published, as a cohort.');
  const voucher = await createVoucher(deps, staff, options.providerSlug, {
    code: 'COHORT-DEMO',
    microcredentialId: programme.microcredential_id,
    maxRedemptions: 10,
  });
  const now = deps.clock();
  const { id: cohortId } = await createCohort(deps, staff, options.providerSlug, {
    microcredentialId: programme.microcredential_id,
    name: 'Winter cohort',
    startsOn: isoDay(new Date(now.getTime() - 7 * DAY)),
    endsOn: isoDay(new Date(now.getTime() + 35 * DAY)),
    capacity: 20,
    facilitatorId: provider.id,
  });

  const people = [{ id: learner.id, actor: me }];
  for (const p of peers) {
    const user = await insertUser(deps.db, {
      email: p.email,
      name: p.name,
      passwordHash: options.passwordHash,
      emailVerifiedAt: now,
    });
    if (!user) throw new Error(`The demo peer ${p.email} exists already; use a fresh DATA_DIR.`);
    const actor = asUser(user.id);
    await updateMyPeerProfile(deps, actor, {
      isListed: true,
      headline: p.headline,
      skills: p.skills,
      showsCredentials: false,
    });
    people.push({ id: user.id, actor });
  }
  for (const person of people) {
    await enrolLearner(deps, person.actor, {
      providerSlug: options.providerSlug,
      slug: programme.programmeSlug,
      voucherCode: voucher.code,
    });
    // Placement happens when a learner first looks at their discussions.
    await listMySpaces(deps, person.actor);
  }
  const [lena, omar, mei, jonas] = people as [(typeof people)[number], ...(typeof people)[number][]];

  // The conversation took place over the last two days, one post after another: distinct times
  // keep the threads in the order they were written, whatever the machine's clock resolution.
  let spoken = now.getTime() - 2 * DAY;
  const talk = { ...deps, clock: () => new Date((spoken += 47 * 60_000)) };
  const intro = await startThread(talk, staff, cohortId, {
    title: 'Welcome: introduce yourself',
    body: 'Welcome to the winter cohort! Tell us who you are, what you deliver at work and one thing you want from these two weeks.',
  });
  await replyToThread(talk, omar!.actor, intro.id, {
    body: 'Omar, shift lead at a container terminal. Our planning board is a whiteboard and a lot of shouting; I want to try **WIP limits** on it.',
  });
  await replyToThread(talk, mei!.actor, intro.id, {
    body: 'Mei, project coordinator. I run the stand-ups but they take 40 minutes. Hoping to get them under 15.',
  });
  await replyToThread(talk, lena.actor, intro.id, {
    body: 'Lena, data analyst. We just started sprints in the analytics team, so I am here to learn what a good backlog looks like.',
  });

  const wip = await startThread(talk, omar!.actor, cohortId, {
    title: 'How low should a WIP limit be?',
    body: 'The module says to start with a limit a little *below* what the team carries today. We have 9 cards in progress for 4 people. Would you start at 6 or go straight to 4?\n\n@Lena Fischer you mentioned you track this in a spreadsheet, what did you see?',
  });
  await replyToThread(talk, lena.actor, wip.id, {
    body: 'We went from 8 to 5 for 3 people. Cycle time dropped from about 6 days to 4 within three weeks, mostly because reviews stopped waiting. I would start at 6 and lower it once the queue before review shrinks.',
  });
  await replyToThread(talk, jonas!.actor, wip.id, {
    body: 'Agree with Lena. Also count blocked cards: if they do not count against the limit, the limit stops meaning anything.',
  });

  await startThread(talk, mei!.actor, cohortId, {
    title: 'Retro formats that are not “start, stop, continue”',
    body: 'Our retros feel the same every time. Has anyone tried *sailboat* or *4Ls*? Which gave you a change you actually made?',
  });
  await sendDirectMessage(deps, mei!.actor, cohortId, {
    recipientId: lena.id,
    body: 'Hi Lena, could you share the spreadsheet layout you use for cycle time? No data, just the columns.',
  });
  return { cohortId, reviewId: review.id };
}
