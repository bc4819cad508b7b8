import type { JsonObject } from '@cairn/credentials';
import { describe, expect, it } from 'vitest';
import { verifyWithReference } from '../testing/reference-verifier.js';
import { DEMO_TEST_PASSWORD as password } from '../testing/demo-world-template.js';
import { sessionCookieOf, useDemoWorldApp } from '../testing/test-app.js';
import { unzip } from '../testing/unzip.js';

const t = useDemoWorldApp();

describe('the demo learner’s CPD audit pack', () => {
  it('opens, lists every credential-backed entry, and every credential in it verifies, in Cairn and in the W3C reference verifier', async () => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'learner@demo.cairn.test', password },
    });
    const headers = { cookie: sessionCookieOf(login.headers['set-cookie']) };
    const record = (await t.app.inject({ method: 'GET', url: '/api/v1/me/cpd', headers })).json<{
      entries: { date: string; source: string; credentialId?: string }[];
    }>();
    const fromCredentials = record.entries.filter((e) => e.source === 'credential');
    expect(fromCredentials.length).toBeGreaterThan(0);
    const dates = record.entries.map((e) => e.date).sort();
    const from = dates[0]!;
    const to = dates.at(-1)!;

    const res = await t.app.inject({ method: 'GET', url: `/api/v1/me/cpd/audit-pack?from=${from}&to=${to}`, headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const files = await unzip(res.rawPayload);
    expect(files.get('summary.pdf')!.subarray(0, 5).toString()).toBe('%PDF-');
    const csvLines = files.get('entries.csv')!.toString('utf8').trim().split('\r\n');
    expect(csvLines.length - 1).toBe(record.entries.length);

    const packed = [...files.keys()].filter((k) => k.startsWith('credentials/') && !k.endsWith('README.txt'));
    // One signed credential per credential-backed entry; none is a JWT Cairn could not show to a stranger here.
    expect(packed.length).toBe(new Set(fromCredentials.map((e) => e.credentialId)).size);
    expect(packed.every((k) => k.endsWith('.json'))).toBe(true);
    const readme = files.get('credentials/README.txt')!.toString('utf8');
    for (const name of packed) {
      const verifiableCredential = JSON.parse(files.get(name)!.toString('utf8')) as JsonObject;
      expect(readme).toContain(name);
      const cairn = await t.app.inject({
        method: 'POST',
        url: '/credentials/verify',
        payload: { verifiableCredential },
      });
      expect(cairn.statusCode).toBe(200);
      expect({ name, verified: cairn.json().verified, problems: cairn.json().problems }).toMatchObject({
        name,
        verified: true,
      });
      const reference = await verifyWithReference(t.app, verifiableCredential);
      expect({ name, error: reference.error }).toEqual({ name, error: undefined });
      expect(reference.verified).toBe(true);
    }
  });
});
