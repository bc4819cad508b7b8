import { expect } from 'vitest';
import type { ApiClient } from './api-client.js';

/**
 * Set-up through the API that several flows share: a published micro-credential of one reading
 * module (no activity), so a learner completes it by marking the module done. `fields` override
 * the defaults of the create request.
 */
export async function publishReadingProgramme(
  owner: ApiClient,
  orgSlug: string,
  fields: { slug: string; title: string; skillIds: string[] } & Record<string, unknown>,
): Promise<{ id: string; slug: string; versionId: string }> {
  const mc = await owner.expect<{ id: string; current: { id: string } }>(
    201,
    'POST',
    `/api/v1/orgs/${orgSlug}/microcredentials`,
    {
      summary: `${fields.title}, in one short module.`,
      description: 'A short programme.',
      outcomes: ['Apply what the module teaches'],
      level: 4,
      effortHours: 4,
      durationWeeks: 1,
      cost: null,
      cpdHours: 4,
      format: 'self_paced',
      language: 'en',
      criteriaNarrative: 'Finish the module.',
      passMark: 50,
      ...fields,
    },
  );
  const base = `/api/v1/orgs/${orgSlug}/microcredentials/${mc.id}/versions/${mc.current.id}`;
  await owner.expect(201, 'POST', `${base}/modules`, {
    title: 'The one module',
    content: 'Read this, then mark it done.',
    links: [],
    estimatedMinutes: 30,
    activity: null,
  });
  await owner.expect(200, 'POST', `${base}/publish`, {});
  return { id: mc.id, slug: fields.slug, versionId: mc.current.id };
}

/** Enrols and marks the only module done: the credential is issued on completion. Returns its id. */
export async function earnReadingProgramme(learner: ApiClient, providerSlug: string, slug: string): Promise<string> {
  const enrolment = await learner.expect<{ id: string; modules: { id: string }[] }>(
    201,
    'POST',
    `/api/v1/catalog/${providerSlug}/${slug}/enrol`,
    {},
  );
  await learner.expect(
    200,
    'POST',
    `/api/v1/me/enrolments/${enrolment.id}/modules/${enrolment.modules[0]!.id}/complete`,
    {},
  );
  const done = await learner.expect<{ status: string; credentialId: string | null }>(
    200,
    'GET',
    `/api/v1/me/enrolments/${enrolment.id}`,
  );
  expect(done.status).toBe('completed');
  expect(done.credentialId).toMatch(/^[0-9a-f-]{36}$/);
  return done.credentialId!;
}
