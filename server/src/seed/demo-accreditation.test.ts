import { describe, expect, it } from 'vitest';
import { useTestApp } from '../testing/test-app.js';
import { seedDemoWorld } from './demo-world.js';

const t = useTestApp();

describe('the demo world’s accreditation', () => {
  it('Meridian has accredited two Northwind programmes and holds Summit in candidacy, each with a credential that verifies', async () => {
    await seedDemoWorld(t.deps, { password: 'demo-password-for-tests' });
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/registers/meridian-accreditation' });
    expect(res.statusCode).toBe(200);
    const items = res.json<{
      items: {
        subject: { type: string; name: string; providerSlug: string };
        scheme: string;
        status: string;
        credentialId: string;
      }[];
    }>().items;
    expect(items.map((i) => [i.subject.providerSlug, i.subject.type, i.status]).sort()).toEqual([
      ['northwind-academy', 'programme', 'accredited'],
      ['northwind-academy', 'programme', 'accredited'],
      ['summit-skills-institute', 'organization', 'candidate'],
    ]);
    expect(new Set(items.map((i) => i.scheme))).toEqual(new Set(['Workplace Digital Skills']));
    for (const item of items) {
      const vc = await t.app.inject({
        method: 'GET',
        url: `/credentials/${item.credentialId}`,
        headers: { accept: 'application/json' },
      });
      const verified = await t.app.inject({
        method: 'POST',
        url: '/credentials/verify',
        payload: { verifiableCredential: vc.json() },
      });
      expect(verified.json<{ verified: boolean }>().verified, item.subject.name).toBe(true);
    }
  });
});
