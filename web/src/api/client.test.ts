import { describe, expect, it, vi } from 'vitest';
import { problemResponse } from '../test/render';
import { api, ApiError, apiRequest, apiUpload, errorMessage } from './client';

function mockFetch(response: Response | (() => Promise<Response>)) {
  const fetchMock = vi.fn<(input: string, init: RequestInit) => Promise<Response>>(
    typeof response === 'function' ? response : () => Promise.resolve(response),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('api client', () => {
  it('returns the JSON body of a status the caller names as an answer (VC-API: 400 with the report), and still throws for a problem', async () => {
    const report = { verified: false, checks: [], warnings: [], errors: ['The signature does not match'] };
    mockFetch(new Response(JSON.stringify(report), { status: 400, headers: { 'content-type': 'application/json' } }));
    await expect(apiRequest('POST', '/credentials/verify', { body: {}, answerStatuses: [400] })).resolves.toEqual(report);

    mockFetch(problemResponse(400, { title: 'Invalid request', detail: 'verifiableCredential is required', code: 'validation_failed' }));
    await expect(apiRequest('POST', '/credentials/verify', { body: {}, answerStatuses: [400] })).rejects.toBeInstanceOf(ApiError);
    mockFetch(new Response(JSON.stringify(report), { status: 400, headers: { 'content-type': 'application/json' } }));
    await expect(api.post('/credentials/verify', {})).rejects.toBeInstanceOf(ApiError);
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

    const error = await api.post('/api/v1/auth/signup', { email: 'x' }).catch((e: unknown) => e);

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
    const error = (await api.get('/api/v1/auth/session').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(502);
    expect(error.title).toBe('Bad Gateway');
    expect(error.errors).toEqual([]);
  });

  it('reports an unreachable server as a network ApiError', async () => {
    mockFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = (await api.get('/health').catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(0);
    expect(error.userMessage).toMatch(/could not reach the server/i);
  });

  it('sends JSON with the session cookie, and {} when a write has no body', async () => {
    const fetchMock = mockFetch(new Response(null, { status: 204 }));

    await expect(api.post('/api/v1/auth/logout')).resolves.toBeUndefined();

    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/auth/logout');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    expect(init.body).toBe('{}');
  });

  it('sends no body and no Content-Type on GET and parses the JSON answer', async () => {
    const fetchMock = mockFetch(Response.json({ status: 'ok' }));
    await expect(api.get('/health')).resolves.toEqual({ status: 'ok' });
    const init = fetchMock.mock.calls[0]![1];
    expect(init.body).toBeUndefined();
    expect((init.headers as Record<string, string>)['Content-Type']).toBeUndefined();
  });

  it('marks multipart uploads with the CSRF header and lets the browser set the boundary', async () => {
    const fetchMock = mockFetch(Response.json({ verified: true }));
    const form = new FormData();
    form.append('file', new Blob(['{}'], { type: 'application/json' }), 'badge.json');

    await apiUpload('/api/v1/verify/upload', form);

    const init = fetchMock.mock.calls[0]![1];
    const headers = init.headers as Record<string, string>;
    expect(headers['X-Cairn-CSRF']).toBe('1');
    expect(headers['Content-Type']).toBeUndefined();
    expect(init.body).toBe(form);
    expect(init.credentials).toBe('same-origin');
  });
});
