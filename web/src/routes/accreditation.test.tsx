import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { Accreditation, Scheme } from '../features/accreditation/accreditation-api';
import { renderWithProviders } from '../test/render';
import AccreditationPage from './accreditation';

const scheme: Scheme = {
  id: 's1',
  slug: 'workplace-digital-skills',
  name: 'Workplace Digital Skills',
  summary: 'Quality of workplace digital skills programmes.',
  criteriaMarkdown: '## Criteria',
  checklist: ['Outcomes are assessed'],
  evidenceItems: ['Assessment policy'],
  validityMonths: 36,
  reviewIntervalMonths: 12,
  scope: {
    fields: ['Information and Communication Technologies'],
    eqfLevels: [4, 5],
    jurisdictions: [],
    credentialTypes: ['MicroCredential'],
  },
  feeNote: 'EUR 900 per programme',
  isOpen: true,
  updatedAt: '2026-12-07T09:00:00Z',
};

const held: Accreditation = {
  id: 'a1',
  subject: {
    type: 'programme',
    id: 'mc-1',
    name: 'SQL for Analysts',
    providerSlug: 'northwind',
    providerName: 'Northwind Academy',
  },
  scheme: { id: 's1', slug: scheme.slug, name: scheme.name },
  accreditor: { slug: 'meridian', name: 'Meridian Council' },
  status: 'expired',
  statusReason: null,
  decisionReasons: 'All criteria met.',
  publicReportUrl: null,
  jurisdiction: null,
  validFrom: '2023-12-07T09:00:00Z',
  validUntil: '2026-12-01T09:00:00Z',
  reviewDate: null,
  statusChangedAt: '2023-12-07T09:00:00Z',
  withdrawnAt: null,
  credentialId: 'c1',
  credentialUrl: 'http://cairn.test/credentials/c1',
  verificationCode: 'ACC-1234-ABCD',
  applicationId: 'app-1',
};

type Sent = { method: string; path: string; body: unknown };

/** Answers the page's reads for an organisation with `roles`, and records every write. */
function stubApi(roles: string[]) {
  const sent: Sent[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    // The client passes a Request (of whichever implementation it was built with).
    const request = typeof input === 'object' && 'method' in input ? input : new Request(input.toString(), init);
    const path = new URL(request.url, 'http://cairn.test').pathname;
    if (request.method !== 'GET') {
      const body: unknown = await request.json();
      sent.push({ method: request.method, path, body });
      if (request.method === 'PATCH') return Response.json({ ...scheme, ...(body as object) });
      return Response.json({ id: 'app-2' }, { status: 201 });
    }
    if (path === '/api/v1/orgs/meridian' || path === '/api/v1/orgs/northwind')
      return Response.json({ id: 'o1', slug: path.split('/').pop(), name: 'Org', roles, myRole: 'owner' });
    if (path === '/api/v1/accreditation/schemes')
      return Response.json({ items: [{ ...scheme, accreditor: { slug: 'meridian', name: 'Meridian Council' } }] });
    if (path.endsWith('/accreditation/schemes')) return Response.json({ items: [scheme] });
    if (path.endsWith('/accreditation/held')) return Response.json({ items: [held] });
    if (path.endsWith('/microcredentials'))
      return Response.json({ items: [{ id: 'mc-1', slug: 'sql-for-analysts', title: 'SQL for Analysts' }] });
    return Response.json({ items: [] });
  });
  vi.stubGlobal('fetch', fetchMock);
  return sent;
}

function renderPage(slug: string) {
  renderWithProviders(
    <Routes>
      <Route path="/o/:slug/accreditation" element={<AccreditationPage />} />
      <Route path="/o/:slug/accreditation/applications/:id" element={<p>Application page</p>} />
    </Routes>,
    { route: `/o/${slug}/accreditation` },
  );
}

describe('AccreditationPage', () => {
  it('an accrediting body edits a scheme: the form starts from it and sends the change', async () => {
    const sent = stubApi(['accreditor']);
    const user = userEvent.setup();
    renderPage('meridian');
    await user.click(await screen.findByRole('tab', { name: 'Schemes' }));
    await user.click(await screen.findByRole('button', { name: 'Edit Workplace Digital Skills' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByLabelText('Fields in scope')).toHaveValue('Information and Communication Technologies');
    const fee = within(dialog).getByLabelText('Fee note');
    await user.clear(fee);
    await user.type(fee, 'EUR 950 per programme');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      method: 'PATCH',
      path: '/api/v1/orgs/meridian/accreditation/schemes/s1',
      body: {
        feeNote: 'EUR 950 per programme',
        slug: 'workplace-digital-skills',
        scope: { fields: ['Information and Communication Technologies'], eqfLevels: [4, 5] },
      },
    });
  });

  it('a provider renews an accreditation: the application names the one it renews', async () => {
    const sent = stubApi(['provider']);
    const user = userEvent.setup();
    renderPage('northwind');
    await user.click(await screen.findByRole('tab', { name: 'Our accreditations' }));
    await user.click(await screen.findByRole('button', { name: 'Renew SQL for Analysts — Workplace Digital Skills' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('SQL for Analysts — Workplace Digital Skills')).toBeInTheDocument();
    await user.type(
      within(dialog).getByRole('textbox', { name: /Statement/ }),
      'Moderation now covers one in five submissions.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Send renewal' }));
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      method: 'POST',
      path: '/api/v1/orgs/northwind/accreditation/applications',
      body: { schemeId: 's1', subjectType: 'programme', programmeIds: ['mc-1'], renewsId: 'app-1' },
    });
    expect(await screen.findByText('Application page')).toBeInTheDocument();
  });
});
