import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditEntry } from '../api/types';
import { renderWithProviders } from '../test/render';
import AuditLogPage from './audit-log';

afterEach(() => vi.unstubAllGlobals());

const urlOf = (input: RequestInfo | URL) => (input instanceof Request ? input.url : input.toString());
const org = (myRole: string) => ({
  id: 'o1',
  slug: 'acme',
  did: 'did:web:x',
  name: 'Acme Academy',
  roles: ['provider'],
  myRole,
});

const entry = (n: number, overrides: Partial<AuditEntry> = {}): AuditEntry => ({
  id: `e${n}`,
  type: 'member.added',
  occurredAt: '2026-12-07T09:30:00Z',
  actor: { kind: 'user', userId: 'u1', name: 'Ada Lovelace', email: 'ada@example.org' },
  summary: `Ada Lovelace added member ${n} as author`,
  data: {},
  ...overrides,
});

function stubFetch(log: (url: URL) => unknown, myRole = 'admin') {
  const fetchMock = vi.fn((input: RequestInfo | URL) => {
    const url = new URL(urlOf(input), 'http://cairn.test');
    if (url.pathname.endsWith('/audit-log')) return Promise.resolve(Response.json(log(url)));
    return Promise.resolve(Response.json(org(myRole)));
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const auditRequests = (fetchMock: ReturnType<typeof stubFetch>) =>
  fetchMock.mock.calls
    .map(([input]) => new URL(urlOf(input), 'http://cairn.test'))
    .filter((u) => u.pathname.endsWith('/audit-log'));

const renderPage = () =>
  renderWithProviders(
    <Routes>
      <Route path="/o/:slug/settings/audit-log" element={<AuditLogPage />} />
    </Routes>,
    { route: '/o/acme/settings/audit-log' },
  );

describe('AuditLogPage', () => {
  it('lists who did what, by person, API key and Cairn itself, and pages on with the cursor', async () => {
    const fetchMock = stubFetch((url) =>
      url.searchParams.get('before') === 'cursor-1'
        ? { items: [entry(3)], nextCursor: null }
        : {
            items: [
              entry(1, {
                type: 'credential.issued',
                actor: { kind: 'apiKey', apiKeyId: 'k1', apiKeyName: 'LMS sync' },
                summary: 'API key “LMS sync” issued “Data Literacy” to lena@example.org',
              }),
              entry(2, {
                type: 'webhook.disabled',
                actor: { kind: 'system', reason: 'deliveries failed for 3 days' },
                summary: 'Cairn disabled the webhook https://hooks.example.org',
              }),
            ],
            nextCursor: 'cursor-1',
          },
    );
    const user = userEvent.setup();
    renderPage();

    const table = await screen.findByRole('table', { name: 'Audit log' });
    expect(
      within(table).getByText('API key “LMS sync” issued “Data Literacy” to lena@example.org'),
    ).toBeInTheDocument();
    expect(within(table).getByText('API key “LMS sync”')).toBeInTheDocument();
    expect(within(table).getByText('Credential issued')).toBeInTheDocument();
    expect(within(table).getByText('Cairn')).toBeInTheDocument();
    expect(within(table).getByText('deliveries failed for 3 days')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('Ada Lovelace added member 3 as author')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(auditRequests(fetchMock).map((u) => u.searchParams.get('before'))).toEqual([null, 'cursor-1']);
  });

  it('filters by event type, and exports the same filters as CSV', async () => {
    const fetchMock = stubFetch((url) => ({ items: url.searchParams.get('type') ? [] : [entry(1)], nextCursor: null }));
    const user = userEvent.setup();
    renderPage();
    expect(await screen.findByText('Ada Lovelace added member 1 as author')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Export CSV' })).toHaveAttribute('href', '/api/v1/orgs/acme/audit-log.csv');

    // Search the type and pick it from the keyboard, as a keyboard user would.
    await user.type(screen.getByRole('textbox', { name: 'Event types' }), 'API key revoked');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(await screen.findByText('Nothing matches these filters')).toBeInTheDocument();
    expect(auditRequests(fetchMock).at(-1)?.searchParams.get('type')).toBe('api-key.revoked');
    expect(screen.getByRole('link', { name: 'Export CSV' })).toHaveAttribute(
      'href',
      '/api/v1/orgs/acme/audit-log.csv?type=api-key.revoked',
    );
  });

  it('says when nothing was recorded yet', async () => {
    stubFetch(() => ({ items: [], nextCursor: null }));
    renderPage();
    expect(await screen.findByText('Nothing recorded yet')).toBeInTheDocument();
  });

  it('tells members who are not admins that the log is for owners and admins, and asks nothing', async () => {
    const fetchMock = stubFetch(() => ({ items: [], nextCursor: null }), 'author');
    renderPage();
    expect(await screen.findByRole('alert')).toHaveTextContent('Only owners and admins read the audit log');
    expect(auditRequests(fetchMock)).toEqual([]);
  });
});
