import type { App } from '../app.js';
import { unique, type TestUser } from '../testing/test-app.js';

export type TestProgramme = { id: string; slug: string; providerSlug: string; voucherCode?: string };

/** Creates a pathway through the editor API and, unless told not to, publishes it. */
export async function createPathway(
  app: App,
  owner: TestUser,
  orgSlug: string,
  body: Record<string, unknown>,
  options: { publish?: boolean } = {},
) {
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/orgs/${orgSlug}/pathways`,
    headers: { cookie: owner.cookie },
    payload: { slug: unique('pw'), name: 'Pathway', ...body },
  });
  if (res.statusCode !== 201) throw new Error(`create pathway failed: ${res.statusCode} ${res.body}`);
  const created = res.json<{ id: string }>();
  if (options.publish ?? true) await publishPathway(app, owner, orgSlug, created.id);
  return created.id;
}

export async function publishPathway(app: App, owner: TestUser, orgSlug: string, id: string) {
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/orgs/${orgSlug}/pathways/${id}/publish`,
    headers: { cookie: owner.cookie },
    payload: {},
  });
  if (res.statusCode !== 200) throw new Error(`publish failed: ${res.statusCode} ${res.body}`);
}

/** An achievement requirement naming a programme. */
export function microRequirement(programme: TestProgramme, id?: string) {
  return { id, type: 'achievement', ref: { kind: 'microcredential', microcredentialId: programme.id } };
}

/**
 * Enrols and passes the one quiz of a programme made with `createProgramme` (sample quiz); the
 * credential is issued on completion. Returns its credential id.
 */
export async function completeProgramme(app: App, learner: TestUser, p: TestProgramme) {
  const enrolled = await app.inject({
    method: 'POST',
    url: `/api/v1/catalog/${p.providerSlug}/${p.slug}/enrol`,
    headers: { cookie: learner.cookie },
    payload: p.voucherCode ? { voucherCode: p.voucherCode } : {},
  });
  if (enrolled.statusCode !== 201) throw new Error(`enrol failed: ${enrolled.statusCode} ${enrolled.body}`);
  const detail = enrolled.json<{
    id: string;
    modules: { id: string; activity: { questions: { id: string; options: { id: string }[] }[] } }[];
  }>();
  const quiz = detail.modules[0]!;
  const [choice, numeric] = quiz.activity.questions;
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/me/enrolments/${detail.id}/modules/${quiz.id}/quiz-attempts`,
    headers: { cookie: learner.cookie },
    payload: { answers: { [choice!.id]: [choice!.options[0]!.id], [numeric!.id]: 5 } },
  });
  if (res.statusCode !== 201) throw new Error(`quiz failed: ${res.statusCode} ${res.body}`);
  const done = (
    await app.inject({ method: 'GET', url: `/api/v1/me/enrolments/${detail.id}`, headers: { cookie: learner.cookie } })
  ).json<{ credentialId: string }>();
  return done.credentialId;
}

export type MyPathwaySummary = {
  id: string;
  name: string;
  awarded: boolean;
  progress: { done: number; required: number };
  credentialId: string | null;
  clrCredentialId: string | null;
  isSuspended: boolean;
};

export async function listMyPathways(app: App, learner: TestUser) {
  const res = await app.inject({ method: 'GET', url: '/api/v1/me/pathways', headers: { cookie: learner.cookie } });
  if (res.statusCode !== 200) throw new Error(`my pathways failed: ${res.statusCode} ${res.body}`);
  return res.json<{ items: MyPathwaySummary[] }>().items;
}
