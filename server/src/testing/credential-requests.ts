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

/**
 * Issues an Open Badge 3.0 through the VC-API issue route with an API key: `fields` (name,
 * issuer, credentialSubject, …) join the VC 2.0 and OB 3.0 contexts and types. The raw answer.
 */
export function issueBadgeOverApi(app: App, token: string, fields: Record<string, unknown>) {
  return app.inject({
    method: 'POST',
    url: '/credentials/issue',
    headers: { authorization: `Bearer ${token}` },
    payload: {
      credential: {
        '@context': [
          'https://www.w3.org/ns/credentials/v2',
          'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
        ],
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        ...fields,
      },
    },
  });
}
