import type { App } from '../app.js';

/** A credential at its id URL (`/credentials/:id`), as JSON; throws with the answer unless it is 200. */
export async function fetchCredentialJson<T = Record<string, unknown>>(app: App, rowId: string): Promise<T> {
  const res = await app.inject({
    method: 'GET',
    url: `/credentials/${rowId}`,
    headers: { accept: 'application/json' },
  });
  if (res.statusCode !== 200) throw new Error(`GET /credentials/${rowId} answered ${res.statusCode}: ${res.body}`);
  return res.json<T>();
}

/**
 * Presents one credential to the VC-API verify route and returns its report, verified or not
 * (the route answers 200 or 400 with the same report).
 */
export async function verifyOverHttp<T>(app: App, credential: unknown): Promise<T> {
  const res = await app.inject({
    method: 'POST',
    url: '/credentials/verify',
    payload: { verifiableCredential: credential },
  });
  return res.json<T>();
}
