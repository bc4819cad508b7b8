import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { VerificationResult } from '../api/types';
import { problemResponse, renderWithProviders } from '../test/render';
import CredentialPage from './credential';
import { stubFetch } from '../test/fetch';

const id = '3f0b8a52-7a3e-4c55-9d3e-0c8d6b1b2a11';
const credentialText = JSON.stringify({
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  id: `http://localhost:3000/credentials/${id}`,
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: 'did:web:localhost%3A3000:orgs:northwind', type: ['Profile'], name: 'Northwind Academy' },
  validFrom: '2026-02-01T10:00:00Z',
  credentialSubject: {
    type: ['AchievementSubject'],
    achievement: {
      id: 'urn:x',
      type: ['Achievement'],
      name: 'Safe Lifting',
      description: 'Lifts loads safely.',
      criteria: { narrative: 'Passed.' },
    },
  },
});

const revoked: VerificationResult = {
  verified: false,
  checks: [
    { id: 'proof', label: 'Signature', status: 'passed', message: 'Signed by the issuer’s key.' },
    { id: 'status', label: 'Status', status: 'failed', message: 'The issuer revoked this credential.' },
  ],
  warnings: [],
  errors: [],
  accreditations: [],
  endorsements: [],
  summary: {
    issuerName: 'Northwind Academy',
    issuerId: 'did:web:localhost%3A3000:orgs:northwind',
    achievementName: 'Safe Lifting',
    achievementDescription: 'Lifts loads safely.',
    achievementType: 'MicroCredential',
    image: null,
    recipient: null,
    validFrom: '2026-02-01T10:00:00Z',
    validUntil: null,
  },
};

const showcase = {
  id,
  credentialUrl: `http://localhost:3000/credentials/${id}`,
  verificationUrl: `http://localhost:3000/credentials/${id}`,
  status: 'active',
  issuedTo: 'Lena Park',
  isHolder: false,
  isNameShown: true,
  issuer: { name: 'Northwind Academy', slug: 'northwind', logoUrl: null, linkedInOrganizationId: '98765' },
  badgeUrl: `http://localhost:3000/credentials/${id}/badge.png`,
  renderMethod: [
    {
      type: 'CairnCertificatePdf',
      name: 'Certificate (A4)',
      id: `http://localhost:3000/api/v1/credentials/${id}/certificate.pdf?size=a4`,
      mediaType: 'application/pdf',
    },
  ],
};

function renderPage(credentialId: string) {
  return renderWithProviders(
    <Routes>
      <Route path="/credentials/:id" element={<CredentialPage />} />
    </Routes>,
    { route: `/credentials/${credentialId}` },
  );
}

describe('CredentialPage', () => {
  it('fetches the credential, verifies it live and says "Revoked" when the status check failed', async () => {
    const fetchMock = vi.fn((url: string, _init?: RequestInit) =>
      Promise.resolve(
        url === '/credentials/verify'
          ? Response.json(revoked)
          : url.endsWith('/showcase')
            ? Response.json({ ...showcase, issuedTo: null, renderMethod: [] })
            : new Response(credentialText, { status: 200 }),
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderPage(id);

    expect(await screen.findByRole('heading', { name: 'Revoked' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Safe Lifting', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('Northwind Academy')).toBeInTheDocument();
    expect(screen.getByText('Status: The issuer revoked this credential.')).toBeInTheDocument();
    // The checklist lists the failed check in words.
    expect(screen.getByRole('list', { name: /verification checks/i })).toHaveTextContent('Failed');
    // Nobody is invited to put a revoked credential on their profile.
    expect(screen.queryByRole('link', { name: /add to linkedin/i })).not.toBeInTheDocument();

    const [getUrl, getInit] = fetchMock.mock.calls[0]!;
    expect(getUrl).toBe(`/credentials/${id}`);
    expect(new Headers(getInit?.headers).get('accept')).toBe('application/json');
    expect(getInit?.cache).toBe('no-store');
    const verifyCall = fetchMock.mock.calls.find(([url]) => url === '/credentials/verify')!;
    expect(JSON.parse(verifyCall[1]?.body as string)).toEqual({ verifiableCredential: JSON.parse(credentialText) });
  });

  /** The credential verifies (its first check passed) and its issuer's showcase answers with `issuerShowcase`. */
  const stubVerified = (issuerShowcase: unknown) =>
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) =>
        Promise.resolve(
          url === '/credentials/verify'
            ? Response.json({ ...revoked, verified: true, checks: [revoked.checks[0]] })
            : url.endsWith('/showcase')
              ? Response.json(issuerShowcase)
              : new Response(credentialText, { status: 200 }),
        ),
      ),
    );

  it('offers LinkedIn for a verified credential', async () => {
    stubVerified({ ...showcase, issuer: { ...showcase.issuer, linkedInOrganizationId: null } });
    renderPage(id);

    expect(await screen.findByRole('heading', { name: 'Verified' })).toBeInTheDocument();
    const linkedIn = await screen.findByRole('link', { name: /add to linkedin/i });
    expect(linkedIn.getAttribute('href')).toMatch(
      /^https:\/\/www\.linkedin\.com\/profile\/add\?startTask=CERTIFICATION_NAME&name=Safe%20Lifting&organizationName=Northwind%20Academy/,
    );
  });

  it('says whose it is, links the certificate and names the issuer by its LinkedIn page id', async () => {
    stubVerified(showcase);
    renderPage(id);

    expect(await screen.findByText('Lena Park')).toBeInTheDocument();
    expect(screen.getByText('Issued to')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Certificate (A4)' })).toHaveAttribute(
      'href',
      `/api/v1/credentials/${id}/certificate.pdf?size=a4`,
    );
    const linkedIn = await screen.findByRole('link', { name: /add to linkedin/i });
    expect(new URL(linkedIn.getAttribute('href')!).searchParams.get('organizationId')).toBe('98765');
  });

  it('says so kindly when there is no such credential', async () => {
    stubFetch(() => problemResponse(404, { title: 'Not found', detail: 'No credential with this id.' }));
    renderPage(id);
    expect(await screen.findByRole('heading', { name: 'No credential at this address' })).toBeInTheDocument();
  });

  it('does not ask the server about an id that is not a credential id', () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    renderPage('not-an-id');
    expect(screen.getByRole('heading', { name: 'No credential at this address' })).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
