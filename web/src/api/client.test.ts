import { describe, expect, it, vi } from 'vitest';
import { problemResponse } from '../test/render';
import { ApiError, client, data, errorMessage, multipart } from './client';

function mockFetch(response: Response | (() => Promise<Response>)) {
  const fetchMock = vi.fn<(input: string, init: RequestInit) => Promise<Response>>(
    typeof response === 'function' ? response : () => Promise.resolve(response),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const headerOf = (init: RequestInit, name: string) => new Headers(init.headers).get(name);

describe('api client', () => {
  it('returns the JSON body of a status the caller names as an answer (VC-API: 400 with the report), and still throws for a problem', async () => {
    const report = { verified: false, checks: [], warnings: [], errors: ['The signature does not match'] };
    const verify = () => client.POST('/credentials/verify', { body: { verifiableCredential: {} } });
    mockFetch(new Response(JSON.stringify(report), { status: 400, headers: { 'content-type': 'application/json' } }));
    await expect(data(verify(), { answerStatuses: [400] })).resolves.toEqual(report);

    mockFetch(
      problemResponse(400, {
        title: 'Invalid request',
        detail: 'verifiableCredential is required',
        code: 'validation_failed',
      }),
    );
    await expect(data(verify(), { answerStatuses: [400] })).rejects.toBeInstanceOf(ApiError);
    mockFetch(new Response(JSON.stringify(report), { status: 400, headers: { 'content-type': 'application/json' } }));
    await expect(data(verify())).rejects.toBeInstanceOf(ApiError);
  });

  it('turns a problem+json response into an ApiError with its field errors', async () => {
    mockFetch(
      problemResponse(400, {
        type: 'https://cairn.dev/problems/validation',
        title: 'Invalid request',
        detail: 'Two fields need attention.',
        code: 'validation_failed',
        errors: [
          { field: 'email', message: 'Enter a valid email.' },
          { field: 'password', message: 'Too short.' },
        ],
      }),
    );

    const error = await data(
      client.POST('/api/v1/auth/signup', { body: { name: 'A', email: 'x', password: 'p' } }),
    ).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.title).toBe('Invalid request');
    expect(apiError.detail).toBe('Two fields need attention.');
    expect(apiError.code).toBe('validation_failed');
    expect(apiError.errors).toEqual([
      { field: 'email', message: 'Enter a valid email.' },
      { field: 'password', message: 'Too short.' },
    ]);
    expect(errorMessage(apiError)).toBe('Two fields need attention.');
  });

  it('falls back to the status text when the error body is not JSON', async () => {
    mockFetch(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    const error = (await data(client.GET('/api/v1/auth/session')).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(502);
    expect(error.title).toBe('Bad Gateway');
    expect(error.errors).toEqual([]);
  });

  it('reports an unreachable server as a network ApiError, and keeps an abort an abort', async () => {
    mockFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = (await data(client.GET('/api/v1/auth/session')).catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(0);
    expect(error.userMessage).toMatch(/could not reach the server/i);

    mockFetch(() => Promise.reject(new DOMException('The operation was aborted.', 'AbortError')));
    const aborted = await data(client.GET('/api/v1/auth/session')).catch((e: unknown) => e);
    expect(aborted).toBeInstanceOf(DOMException);
  });

  it('sends JSON with the session cookie, and {} when a write has no body', async () => {
    const fetchMock = mockFetch(new Response(null, { status: 204 }));

    await expect(
      data(client.DELETE('/api/v1/orgs/{slug}/api-keys/{id}', { params: { path: { slug: 'acme', id: 'k1' } } })),
    ).resolves.toBeUndefined();

    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/orgs/acme/api-keys/k1');
    expect(init.method).toBe('DELETE');

    expect(init.credentials).toBe('same-origin');
    expect(headerOf(init, 'Content-Type')).toBe('application/json');
    expect(init.body).toBe('{}');
  });

  it('fills path parameters encoded, passes the abort signal, and sends no body and no Content-Type on GET', async () => {
    const fetchMock = mockFetch(Response.json({ id: 'w1' }));
    const controller = new AbortController();
    await expect(
      data(
        client.GET('/api/v1/orgs/{slug}/webhooks/{id}', {
          params: { path: { slug: 'a b', id: 'w/1' } },
          signal: controller.signal,
        }),
      ),
    ).resolves.toEqual({ id: 'w1' });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/orgs/a%20b/webhooks/w%2F1');
    expect(init.body).toBeUndefined();
    expect(init.signal?.aborted).toBe(false);
    controller.abort();
    expect(init.signal?.aborted).toBe(true);
    expect(headerOf(init, 'Content-Type')).toBeNull();
    expect(headerOf(init, 'Accept')).toBe('application/json, application/problem+json');
  });

  it('marks multipart uploads with the CSRF header and lets the browser set the boundary', async () => {
    const fetchMock = mockFetch(Response.json({ verified: true }));
    const form = new FormData();
    form.append('file', new Blob(['{}'], { type: 'application/json' }), 'badge.json');

    await data(client.POST('/api/v1/verify/upload', multipart(form)));

    const init = fetchMock.mock.calls[0]![1];
    expect(headerOf(init, 'X-Cairn-CSRF')).toBe('1');
    expect(headerOf(init, 'Content-Type')).toBeNull();
    expect(init.body).toBe(form);
    expect(init.credentials).toBe('same-origin');
  });
});
