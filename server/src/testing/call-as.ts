import type { LightMyRequestResponse } from 'fastify';
import type { App } from '../app.js';
import type { TestUser } from './test-app.js';

/** A JSON answer with the problem-details fields routes send on failure. */
export type CallAnswer<T> = {
  status: number;
  body: T & { code?: string; detail?: string; errors?: { field: string; message: string }[] };
  raw: LightMyRequestResponse;
};

/** One JSON request as `user` (signed in by cookie), or anonymously when `user` is null. */
export async function callAs<T = Record<string, unknown>>(
  app: App,
  user: TestUser | null,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
): Promise<CallAnswer<T>> {
  const res = await app.inject({
    method,
    url,
    headers: user ? { cookie: user.cookie } : {},
    ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
  });
  return { status: res.statusCode, body: res.json(), raw: res };
}
