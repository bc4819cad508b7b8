import type { Actor, Deps } from '../deps.js';
import { findUserByEmail } from '../identity/identity.store.js';
import type { RequirementNodeInput } from './pathways.schemas.js';
import { findMicrocredentialIdBySlug } from './stores/catalogue-lookup.store.js';
import { createPathway } from './use-cases/create-pathway.js';
import { joinPathway } from './use-cases/join-pathway.js';
import { publishDraft } from './use-cases/publish-draft.js';

function asUser(userId: string): Actor {
  return { kind: 'user', userId, sessionId: 'demo-seed' };
}

async function programme(deps: Deps, providerSlug: string, slug: string): Promise<RequirementNodeInput> {
  const id = await findMicrocredentialIdBySlug(deps.db, providerSlug, slug);
  if (!id) throw new Error(`The demo programme ${providerSlug}/${slug} is missing; seed the catalogue first.`);
  return { id: slug.slice(0, 40), type: 'achievement', ref: { kind: 'microcredential', microcredentialId: id } };
}

/**
 * Two published pathways of Northwind Academy, through the editor's own use cases: one the
 * demo learner completes (Data Literacy Foundations + Complaint Handling, from two providers),
 * one they are on the way to (Secure Coding Basics + one of two electives). Run it after the
 * catalogue and before the learner's completions, so completing awards the first pathway.
 */
export async function seedDemoPathways(deps: Deps, options: { authorEmail: string; providerSlug: string }) {
  const author = await findUserByEmail(deps.db, options.authorEmail);
  if (!author) throw new Error('The demo pathway author must exist before pathways are seeded.');
  const me = asUser(author.id);
  const completed = await createPathway(deps, me, options.providerSlug, {
    slug: 'customer-insight-certificate',
    name: 'Customer Insight Certificate',
    description:
      'Read the data your customers leave behind and turn complaints into improvements: two programmes from two providers.',
    achievementType: 'Certificate',
    criteriaNarrative:
      'Hold both credentials: Data Literacy Foundations (Northwind Academy) and Complaint Handling (Summit Skills Institute).',
    imageUrl: null,
    tree: {
      id: 'root',
      type: 'all',
      children: [
        await programme(deps, 'northwind-academy', 'data-literacy-foundations'),
        await programme(deps, 'summit-skills-institute', 'complaint-handling'),
      ],
    },
    recommendedOrder: ['data-literacy-foundations', 'complaint-handling'],
  });
  await publishDraft(deps, me, options.providerSlug, completed.id);
  const inProgress = await createPathway(deps, me, options.providerSlug, {
    slug: 'secure-delivery-certificate',
    name: 'Secure Delivery Certificate',
    description: 'Ship software safely and sustainably: secure coding, then one delivery elective.',
    achievementType: 'Certificate',
    criteriaNarrative: 'Hold Secure Coding Basics and one of the two electives.',
    imageUrl: null,
    tree: {
      id: 'root',
      type: 'all',
      children: [
        await programme(deps, 'northwind-academy', 'secure-coding-basics'),
        {
          id: 'elective',
          type: 'atLeast',
          n: 1,
          title: 'One delivery elective',
          children: [
            await programme(deps, 'northwind-academy', 'agile-delivery-essentials'),
            await programme(deps, 'northwind-academy', 'cloud-cost-management'),
          ],
        },
      ],
    },
    recommendedOrder: ['secure-coding-basics', 'elective'],
  });
  await publishDraft(deps, me, options.providerSlug, inProgress.id);
  return { completedPathwayId: completed.id, inProgressPathwayId: inProgress.id };
}

/** The demo learner joins the pathway they are on the way to. */
export async function joinDemoPathway(deps: Deps, options: { learnerEmail: string; pathwayId: string }) {
  const learner = await findUserByEmail(deps.db, options.learnerEmail);
  if (!learner) throw new Error('The demo learner must exist before joining a pathway.');
  await joinPathway(deps, asUser(learner.id), options.pathwayId);
}
