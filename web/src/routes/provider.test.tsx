import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { components } from '../api/schema';
import { problemResponse, renderWithProviders } from '../test/render';
import ProviderPage from './provider';

type ProviderPageData = components['schemas']['ProviderPage'];

const page: ProviderPageData = {
  organization: {
    slug: 'northwind',
    name: 'Northwind Academy',
    did: 'did:web:cairn.test:orgs:northwind',
    logoUrl: null,
    profileUrl: 'https://cairn.test/orgs/northwind/profile',
  },
  programmes: [{ slug: 'data-basics', title: 'Data Basics', summary: 'Read tables.', imageUrl: null }],
  programmeCount: 1,
  accreditations: [
    {
      accreditor: { slug: 'meridian', name: 'Meridian Council' },
      scheme: 'Quality Mark',
      validFrom: '2026-01-05T00:00:00Z',
      validUntil: null,
      credentialRowId: 'cred-acc',
    },
  ],
  endorsements: [
    {
      id: 'e-1',
      endorser: { slug: 'atlas', name: 'Atlas Industry Alliance' },
      comment: 'Trains our apprentices well.',
      validFrom: '2026-02-01T00:00:00Z',
      credentialRowId: 'cred-end',
    },
  ],
};

function renderProvider(response: Response) {
  vi.stubGlobal(
    'fetch',
    vi.fn(() => Promise.resolve(response)),
  );
  renderWithProviders(
    <Routes>
      <Route path="/providers/:slug" element={<ProviderPage />} />
    </Routes>,
    { route: '/providers/northwind' },
  );
}

describe('provider page', () => {
  it('shows the programmes and the organisation’s recognition, each opening its signed credential', async () => {
    renderProvider(new Response(JSON.stringify(page), { status: 200 }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Northwind Academy' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Data Basics' })).toHaveAttribute('href', '/catalog/northwind/data-basics');
    expect(screen.getByText(/Accredited by Meridian Council · Quality Mark/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Signed accreditation' })).toHaveAttribute('href', '/credentials/cred-acc');
    expect(screen.getByRole('link', { name: 'Atlas Industry Alliance' })).toHaveAttribute('href', '/partners/atlas');
    expect(screen.getByRole('link', { name: 'Signed endorsement' })).toHaveAttribute('href', '/credentials/cred-end');
  });

  it('says so when the provider does not exist', async () => {
    renderProvider(problemResponse(404, { title: 'Not found', detail: 'No provider "northwind".' }));
    expect(await screen.findByText('No such provider')).toBeInTheDocument();
  });
});
