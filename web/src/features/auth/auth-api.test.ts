import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client';
import { problemResponse } from '../../test/render';
import { fetchSession } from './auth-api';
import { stubFetch } from '../../test/fetch';

afterEach(() => vi.unstubAllGlobals());

const user = {
  id: 'u1',
  name: 'Ada',
  email: 'ada@example.org',
  createdAt: '2026-12-01T00:00:00Z',
  emailVerified: true,
};

describe('fetchSession', () => {
  it('reads "nobody is signed in" from a 200 answer, without an error', async () => {
    stubFetch(() => Response.json({ user: null, memberships: [], isOperator: false }));
    await expect(fetchSession()).resolves.toBeNull();
  });

  it('returns the signed-in person with their organisations and whether they operate the instance', async () => {
    stubFetch(() => Response.json({ user, memberships: [], isOperator: true }));
    await expect(fetchSession()).resolves.toEqual({ user, memberships: [], isOperator: true });
  });

  it('throws when the session cannot be checked: a failure is not a sign-out', async () => {
    stubFetch(() => problemResponse(503, { title: 'Service unavailable', detail: 'The database does not answer.' }));
    await expect(fetchSession()).rejects.toBeInstanceOf(ApiError);
  });
});
