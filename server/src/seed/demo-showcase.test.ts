import { describe, expect, it } from 'vitest';
import { useDemoWorldApp } from '../testing/test-app.js';
import { DEMO_PROFILE_CREDENTIALS } from './demo-showcase.js';

const t = useDemoWorldApp();

describe('the demo showcase', () => {
  it('gives the demo learner a public profile with three credentials in force, open to anyone', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/profiles/lena-fischer' });
    expect(res.statusCode).toBe(200);
    const profile = res.json<{ name: string; credentials: { status: string; id: string }[]; skills: unknown[] }>();
    expect(profile.name).toBe('Lena Fischer');
    expect(profile.credentials).toHaveLength(DEMO_PROFILE_CREDENTIALS);
    expect(profile.credentials.every((c) => c.status === 'active')).toBe(true);
    expect(profile.skills.length).toBeGreaterThan(0);
    // Shared publicly, so anyone gets the certificate, named with her consent.
    const showcase = await t.app.inject({
      method: 'GET',
      url: `/api/v1/credentials/${profile.credentials[0]!.id}/showcase`,
    });
    expect(showcase.json()).toMatchObject({ issuedTo: 'Lena Fischer' });
    expect(showcase.json<{ renderMethod: unknown[] }>().renderMethod).toHaveLength(2);
  });
});
