import { describe, expect, it } from 'vitest';
import { useTestApp } from '../testing/test-app.js';

const t = useTestApp({ authRateLimit: 3 });

describe('authentication rate limit', () => {
  it('answers 429 problem+json once a client passes the limit', async () => {
    const attempt = () => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'x@example.com', password: 'wrong-password' } });
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await attempt()).statusCode);
    expect(codes).toEqual([401, 401, 401, 429]);
    const limited = await attempt();
    expect(limited.headers['content-type']).toMatch(/problem\+json/);
    expect(limited.json()).toMatchObject({ status: 429, code: 'rate_limited', detail: expect.stringMatching(/Wait \d+ seconds/) });
  });
});
