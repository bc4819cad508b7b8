import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RegisterEntry } from '../features/accreditation/accreditation-api';
import { renderWithProviders } from '../test/render';
import RegisterPage from './register';

afterEach(() => vi.unstubAllGlobals());

const urlOf = (input: RequestInfo | URL) => (input instanceof Request ? input.url : input.toString());

const entry = (overrides: Partial<RegisterEntry>): RegisterEntry => ({
  subject: {
    type: 'programme',
    id: 'm1',
    name: 'SQL for Analysts',
    providerSlug: 'northwind',
    providerName: 'Northwind Academy',
  },
  scheme: 'Workplace Digital Skills',
  schemeSlug: 'workplace-digital-skills',
  status: 'accredited',
  validFrom: '2026-12-07T09:00:00Z',
  validUntil: '2029-12-07T09:00:00Z',
  reviewDate: null,
  withdrawnAt: null,
  credentialId: 'c1',
  credentialUrl: 'http://cairn.test/credentials/c1',
  verificationCode: 'ACC-1234-ABCD',
  ...overrides,
});

function stubRegister() {
  const fetchMock = vi.fn((input: RequestInfo | URL) => {
    const url = new URL(urlOf(input), 'http://cairn.test');
    const q = url.searchParams.get('q') ?? '';
    const items = [
      entry({}),
      entry({
        subject: {
          type: 'organization',
          id: 'o2',
          name: 'Summit Skills Institute',
          providerSlug: 'summit',
          providerName: 'Summit Skills Institute',
        },
        status: 'withdrawn',
        withdrawnAt: '2027-01-10T09:00:00Z',
        verificationCode: 'ACC-9999-WXYZ',
        credentialId: 'c2',
      }),
    ].filter((i) => !q || i.subject.name.toLowerCase().includes(q.toLowerCase()));
    return Promise.resolve(
      Response.json({ accreditor: { slug: 'meridian', name: 'Meridian Council', did: 'did:web:x' }, items }),
    );
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('RegisterPage', () => {
  it('lists each entry with its status, code and signed credential, and searches', async () => {
    stubRegister();
    const user = userEvent.setup();
    renderWithProviders(
      <Routes>
        <Route path="/registers/:accreditorSlug" element={<RegisterPage />} />
      </Routes>,
      { route: '/registers/meridian' },
    );
    const table = await screen.findByRole('table', { name: 'Register of Meridian Council' });
    const sql = within(table).getByRole('row', { name: /SQL for Analysts/ });
    expect(within(sql).getByText('Accredited')).toBeInTheDocument();
    expect(within(sql).getByText('ACC-1234-ABCD')).toBeInTheDocument();
    expect(within(sql).getByRole('link', { name: 'View the signed credential of SQL for Analysts' })).toHaveAttribute(
      'href',
      '/credentials/c1',
    );
    const summit = within(table).getByRole('row', { name: /Summit Skills Institute/ });
    expect(within(summit).getByText('Withdrawn')).toBeInTheDocument();
    expect(within(summit).getByText(/Withdrawn 10 Jan 2027/)).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: 'Search the register' }), 'summit');
    await vi.waitFor(() => expect(within(table).queryByRole('row', { name: /SQL for Analysts/ })).toBeNull());
    expect(within(table).getByRole('row', { name: /Summit Skills Institute/ })).toBeInTheDocument();
  });
});
