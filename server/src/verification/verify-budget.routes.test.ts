import { beforeAll, expect, it } from 'vitest';
import { sampleCredential } from '../testing/fixtures.js';
import { createApiKey, createOrg, signUpUser, useTestApp } from '../testing/test-app.js';

// A work budget of 1 ms against a credential with 500 alignments to canonicalise: every
// verification here is stopped, however fast the machine.
const t = useTestApp({ verifyPool: { workers: 1, budgetMs: 1 } });
let token: string;

beforeAll(async () => {
  const owner = await signUpUser(t.app);
  const org = await createOrg(t.app, owner, { roles: ['provider'], name: 'Budget Academy' });
  token = (await createApiKey(t.app, owner, org.slug)).token;
});

it('answers 422 problem+json when a credential takes longer than its work budget, and keeps serving', async () => {
  const issued = await t.app.inject({
    method: 'POST',
    url: '/credentials/issue',
    headers: { authorization: `Bearer ${token}` },
    payload: { credential: sampleCredential(), options: {} },
  });
  expect(issued.statusCode).toBe(201);
  const vc = issued.json<{ verifiableCredential: Record<string, any> }>().verifiableCredential;
  const alignment = Array.from({ length: 500 }, (_, i) => ({
    type: ['Alignment'],
    targetName: `Skill ${i}`,
    targetUrl: `https://skills.test/${i}`,
    targetType: 'ceasn:Competency',
  }));
  vc.credentialSubject.achievement.alignment = alignment;
  for (let i = 0; i < 2; i += 1) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/credentials/verify',
      payload: { verifiableCredential: vc },
    });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({
      code: 'unprocessable_content',
      detail: expect.stringMatching(/^This credential took too long to check \(more than 1 ms of work\)/),
    });
  }
  expect((await t.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
});
