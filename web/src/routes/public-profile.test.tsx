import { screen, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { problemResponse, renderWithProviders } from '../test/render';
import PublicProfilePage from './public-profile';

const credentialId = '3f0b8a52-7a3e-4c55-9d3e-0c8d6b1b2a11';
const profile = {
  handle: 'lena-park',
  name: 'Lena Park',
  headline: 'Analyst in training',
  isPublic: true,
  isOwner: false,
  photoUrl: null,
  cpd: null,
  credentials: [
    {
      id: credentialId,
      credentialUrl: `http://localhost:3000/credentials/${credentialId}`,
      pageUrl: `http://localhost:3000/credentials/${credentialId}`,
      badgeUrl: `http://localhost:3000/credentials/${credentialId}/badge.png`,
      achievementName: 'Safe Lifting',
      achievementType: 'MicroCredential',
      issuerName: 'Northwind Academy',
      isPathway: false,
      issuedAt: '2026-02-01T10:00:00Z',
      validUntil: null,
      status: 'active',
      verifiableCredential: { id: `http://localhost:3000/credentials/${credentialId}` },
      skills: ['Manual handling'],
    },
  ],
  skills: [{ name: 'Manual handling', url: null, evidence: ['Safe Lifting'] }],
};
const report = (verified: boolean, message = 'ok') => ({
  verified,
  checks: [{ id: 'status', label: 'Status', status: verified ? 'passed' : 'failed', message }],
  warnings: [],
  errors: [],
  summary: null,
  accreditations: [],
  endorsements: [],
});

function renderPage(route: string) {
  return renderWithProviders(
    <Routes>
      <Route path="/p/:handle" element={<PublicProfilePage />} />
    </Routes>,
    { route },
  );
}

describe('PublicProfilePage', () => {
  it('shows the person, verifies each credential live and lists the skills evidenced', async () => {
    const fetchMock = vi.fn((url: string) =>
      Promise.resolve(url === '/credentials/verify' ? Response.json(report(true)) : Response.json(profile)),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderPage('/p/Lena-Park');

    expect(await screen.findByRole('heading', { name: 'Lena Park', level: 1 })).toBeInTheDocument();
    const card = screen.getByRole('article', { name: 'Safe Lifting' });
    expect(await within(card).findByText('Verified')).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'Manual handling' })).toBeInTheDocument();
    expect(fetchMock.mock.calls[0]![0]).toBe('/api/v1/profiles/lena-park');
    const verifyCall = fetchMock.mock.calls.find(([url]) => url === '/credentials/verify')!;
    expect(verifyCall).toBeDefined();
  });

  it('says "Revoked" when the live check finds the credential revoked', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) =>
        Promise.resolve(
          url === '/credentials/verify'
            ? Response.json(report(false, 'The issuer revoked this credential.'), { status: 400 })
            : Response.json(profile),
        ),
      ),
    );
    renderPage('/p/lena-park');
    const card = await screen.findByRole('article', { name: 'Safe Lifting' });
    expect(await within(card).findByText('Revoked')).toBeInTheDocument();
  });

  it('shows initials and no CPD section unless the learner added a photo and chose to show their CPD', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) =>
        Promise.resolve(url === '/credentials/verify' ? Response.json(report(true)) : Response.json(profile)),
      ),
    );
    renderPage('/p/lena-park');
    expect(await screen.findByRole('heading', { name: 'Lena Park', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('LP')).toBeInTheDocument();
    expect(screen.queryByRole('img', { name: 'Photo of Lena Park' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Continuing professional development' })).not.toBeInTheDocument();
  });

  it('shows the photo and the CPD summary with its table', async () => {
    const photoUrl = 'http://localhost:3000/api/v1/profiles/lena-park/photo?v=1';
    const cpd = {
      schemeName: 'General (30 hours)',
      unit: 'hours',
      period: { label: '2026', from: '2026-01-01', to: '2026-12-31' },
      target: 30,
      done: 12,
      isMet: false,
      byCategory: [
        { category: 'structured', counted: 8 },
        { category: 'self-directed', counted: 4 },
      ],
    };
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) =>
        Promise.resolve(
          url === '/credentials/verify' ? Response.json(report(true)) : Response.json({ ...profile, photoUrl, cpd }),
        ),
      ),
    );
    renderPage('/p/lena-park');
    expect(await screen.findByRole('heading', { name: 'Continuing professional development' })).toBeInTheDocument();
    expect(screen.getByText('2026: 12 of 30 hours (General (30 hours))')).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '40');
    expect(screen.getByRole('rowheader', { name: 'Self-directed' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: '8' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Photo of Lena Park' })).toHaveAttribute('src', photoUrl);
  });

  it('a private or unknown profile is "No profile at this address"', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.resolve(problemResponse(404, { title: 'Not found' }))),
    );
    renderPage('/p/priya');
    expect(await screen.findByRole('heading', { name: 'No profile at this address' })).toBeInTheDocument();
  });
});
