import { vi } from 'vitest';
import type { Webhook, WebhookDelivery } from '../../api/types';

/** A recorded request of the stubbed API. */
export type SeenRequest = { method: string; path: string; body: unknown };

/** What the stubbed API answers: a handler per `METHOD path` (query strings ignored), in a test's own words. */
export type Routes = Record<string, (body: unknown) => Response | Promise<Response>>;

export const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export const ORG = {
  id: 'o1',
  slug: 'acme',
  did: 'did:web:x',
  name: 'Acme Academy',
  roles: ['provider'],
  myRole: 'admin',
  createdAt: '2026-12-01T00:00:00Z',
};

export const EVENT_TYPES = ['credential.issued', 'credential.revoked', 'enrolment.created', 'member.added'];

export function webhook(overrides: Partial<Webhook> = {}): Webhook {
  return {
    id: 'w1',
    url: 'https://hooks.example.org/cairn',
    description: 'CRM sync',
    events: ['credential.issued'],
    enabled: true,
    disabledReason: null,
    disabledAt: null,
    failingSince: null,
    previousSecretExpiresAt: null,
    createdAt: '2026-12-01T10:00:00Z',
    updatedAt: '2026-12-01T10:00:00Z',
    ...overrides,
  };
}

export function delivery(overrides: Partial<WebhookDelivery> = {}): WebhookDelivery {
  return {
    id: 'msg_0123456789abcdef0123456789abcdef',
    event: 'credential.issued',
    eventId: 'e1',
    status: 'succeeded',
    responseCode: 204,
    responseExcerpt: null,
    attempt: 1,
    createdAt: '2026-12-02T09:30:00Z',
    nextAttemptAt: null,
    deliveredAt: '2026-12-02T09:30:01Z',
    lastError: null,
    ...overrides,
  };
}

/**
 * Stubs `fetch` with `routes` (plus the organisation and the event types every page loads) and
 * records every request, so a test can check what the page sent.
 */
export function stubApi(routes: Routes): SeenRequest[] {
  const seen: SeenRequest[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(
        typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
        'http://cairn.test',
      );
      const method = init?.method ?? 'GET';
      const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
      seen.push({ method, path: url.pathname, body });
      const handler = routes[`${method} ${url.pathname}`];
      if (handler) return handler(body);
      if (method === 'GET' && url.pathname === '/api/v1/orgs/acme') return json(ORG);
      if (method === 'GET' && url.pathname === '/api/v1/webhook-event-types') return json({ items: EVENT_TYPES });
      return json({ status: 404, title: 'Not found', detail: `No stub for ${method} ${url.pathname}` }, 404);
    }),
  );
  return seen;
}
