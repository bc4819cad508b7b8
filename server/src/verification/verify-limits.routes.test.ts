import { bakePng } from '@cairn/credentials';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleCredential } from '../testing/fixtures.js';
import { createApiKey, createOrg, signUpUser, useTestApp } from '../testing/test-app.js';

// Hostile verification: refused cheaply by size and complexity, or run in the verify pool so
// the event loop (health checks, pages) stays free.

const t = useTestApp();
let token: string;

type Vc = Record<string, any>;

beforeAll(async () => {
  const owner = await signUpUser(t.app);
  const org = await createOrg(t.app, owner, { roles: ['provider'], name: 'Hostile Test Academy' });
  token = (await createApiKey(t.app, owner, org.slug)).token;
});

async function issue(): Promise<Vc> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/credentials/issue',
    headers: { authorization: `Bearer ${token}` },
    payload: { credential: sampleCredential(), options: {} },
  });
  expect(res.statusCode).toBe(201);
  return res.json<{ verifiableCredential: Vc }>().verifiableCredential;
}

function withAlignments(vc: Vc, alignment: unknown[]): Vc {
  return {
    ...vc,
    credentialSubject: { ...vc.credentialSubject, achievement: { ...vc.credentialSubject.achievement, alignment } },
  };
}

const verify = (payload: unknown) =>
  t.app.inject({ method: 'POST', url: '/credentials/verify', payload: payload as object });

function expectProblem(res: Awaited<ReturnType<typeof verify>>, status: number) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  return res.json<{ status: number; detail: string; code: string }>();
}

describe('verify limits', () => {
  it('refuses a 10 MB body with 413 problem+json, by its size', async () => {
    const body = JSON.stringify({ verifiableCredential: { description: 'x'.repeat(10 * 1024 * 1024) } });
    const res = await t.app.inject({
      method: 'POST',
      url: '/credentials/verify',
      headers: { 'content-type': 'application/json' },
      payload: body,
    });
    const problem = expectProblem(res, 413);
    expect(problem.code).toBe('payload_too_large');
    expect(problem.detail).toMatch(/larger than this endpoint accepts/);
  });

  it('refuses a credential with 12,000 alignments with 422 naming the limit', async () => {
    const vc = withAlignments(
      await issue(),
      Array.from({ length: 12_000 }, () => ({})),
    );
    const problem = expectProblem(await verify({ verifiableCredential: vc }), 422);
    expect(problem.code).toBe('unprocessable_content');
    expect(problem.detail).toContain('The credential has 12,000 alignments; at most 1,000 are accepted.');
  });

  it('refuses a CLR embedding 200 credentials with 422, and with 413 when they make it too large', async () => {
    const vc = await issue();
    const clr = (embedded: unknown[]) => ({
      ...vc,
      type: ['VerifiableCredential', 'ClrCredential'],
      credentialSubject: { type: ['ClrSubject'], id: vc.credentialSubject.id, verifiableCredential: embedded },
    });
    const small = expectProblem(
      await verify({ verifiableCredential: clr(Array.from({ length: 200 }, (_, i) => ({ id: `urn:uuid:${i}` }))) }),
      422,
    );
    expect(small.detail).toContain('The credential embeds 200 credentials; at most 50 are accepted.');
    expectProblem(await verify({ verifiableCredential: clr(Array.from({ length: 200 }, () => vc)) }), 413);
  });

  it('checks a VC-JWT string the same way', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'EdDSA', typ: 'vc+jwt' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify(
        withAlignments(
          await issue(),
          Array.from({ length: 5_000 }, () => 0),
        ),
      ),
    ).toString('base64url');
    const problem = expectProblem(await verify({ verifiableCredential: `${header}.${payload}.c2ln` }), 422);
    expect(problem.detail).toContain('5,000 alignments');
  });

  it('checks the credential read out of an uploaded badge image, in the worker', async () => {
    const vc = withAlignments(
      await issue(),
      Array.from({ length: 3_000 }, () => ({})),
    );
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
      'base64',
    );
    const boundary = '----cairn-limits';
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="badge.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      Buffer.from(bakePng(png, vc)),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/verify/upload',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'x-cairn-csrf': '1' },
      payload: body,
    });
    expect(expectProblem(res, 422).detail).toContain('3,000 alignments');
  });

  it('still verifies an ordinary credential, in the pool', async () => {
    const res = await verify({ verifiableCredential: await issue() });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ verified: boolean }>().verified).toBe(true);
  });

  it('answers /health while a costly verification is running', async () => {
    // Within every limit, but a lot of JSON-LD to canonicalise: work for a worker, not the event loop.
    const vc = withAlignments(
      await issue(),
      Array.from({ length: 1_000 }, (_, i) => ({
        type: ['Alignment'],
        targetName: `Skill ${i}`,
        targetUrl: `https://skills.example/${i}`,
        targetType: 'ceasn:Competency',
      })),
    );
    vc.evidence = Array.from({ length: 1_000 }, (_, i) => ({
      id: `https://evidence.example/${i}`,
      type: ['Evidence'],
    }));
    const finished: string[] = [];
    const hostile = verify({ verifiableCredential: vc }).then((res) => {
      finished.push('verify');
      return res;
    });
    const health = t.app.inject({ method: 'GET', url: '/health' }).then((res) => {
      finished.push('health');
      return res;
    });
    expect((await health).statusCode).toBe(200);
    const verified = await hostile;
    expect(finished).toEqual(['health', 'verify']);
    // Either checked and refused (the signature no longer matches: 400 with the report) or stopped at its work budget (422).
    expect([400, 422]).toContain(verified.statusCode);
  });
});
