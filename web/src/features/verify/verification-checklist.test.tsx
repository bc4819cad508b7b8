import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { VerificationResult } from '../../api/types';
import { renderWithProviders } from '../../test/render';
import { VerificationChecklist } from './verification-checklist';
import { VerificationResultView } from './verification-result';

const revoked: VerificationResult = {
  verified: false,
  checks: [
    { id: 'signature', label: 'Signature', status: 'passed', message: 'Signed by the issuer’s key.' },
    { id: 'status', label: 'Revocation status', status: 'failed', message: 'The issuer revoked this credential.' },
    { id: 'expiry', label: 'Validity period', status: 'warning', message: 'Expires in 3 days.' },
    { id: 'accreditation', label: 'Issuer accreditation', status: 'skipped', message: 'No accreditation to check.' },
  ],
  warnings: [],
  errors: [],
  accreditations: [],
  endorsements: [],
  summary: {
    issuerName: 'Acme Training',
    issuerId: 'did:web:cairn.example:orgs:acme',
    achievementName: 'Safe Lifting',
    achievementDescription: 'Lifts loads safely.',
    achievementType: 'MicroCredential',
    image: null,
    recipient: null,
    validFrom: '2025-01-01T00:00:00Z',
    validUntil: null,
  },
};

describe('VerificationChecklist', () => {
  it('says in words which checks failed, not only in colour', () => {
    renderWithProviders(<VerificationChecklist checks={revoked.checks} />);

    const items = within(screen.getByRole('list', { name: /verification checks/i })).getAllByRole('listitem');
    expect(items).toHaveLength(4);
    // Failures come first, with their status word and reason as text.
    expect(items[0]).toHaveTextContent('Revocation status');
    expect(items[0]).toHaveTextContent('Failed');
    expect(items[0]).toHaveTextContent('The issuer revoked this credential.');
    expect(items[1]).toHaveTextContent('Warning');
    expect(items[2]).toHaveTextContent('Passed');
    expect(items[3]).toHaveTextContent('Not checked');
  });
});

describe('VerificationResultView', () => {
  it('gives a "not valid" verdict with the failed check as the reason', () => {
    renderWithProviders(<VerificationResultView result={revoked} />);

    expect(screen.getByRole('heading', { name: 'Not valid' })).toBeInTheDocument();
    expect(screen.getByText('Revocation status: The issuer revoked this credential.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Safe Lifting' })).toBeInTheDocument();
    expect(screen.getByText('Acme Training')).toBeInTheDocument();
  });

  it('prefers the first error as the reason and shows a valid verdict when verified', () => {
    const { unmount } = renderWithProviders(
      <VerificationResultView result={{ ...revoked, errors: ['The proof does not match the document.'] }} />,
    );
    expect(screen.getByText('The proof does not match the document.')).toBeInTheDocument();
    unmount();

    renderWithProviders(<VerificationResultView result={{ ...revoked, verified: true, checks: [] }} />);
    expect(screen.getByRole('heading', { name: 'Valid credential' })).toBeInTheDocument();
  });
});
