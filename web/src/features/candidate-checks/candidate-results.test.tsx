import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render';
import type { CandidateCheck, CandidateCheckItem } from './candidate-checks-api';
import { CandidateResults } from './candidate-results';

const item = (position: number, overrides: Partial<CandidateCheckItem>): CandidateCheckItem => ({
  position,
  name: `file-${position}.json`,
  source: 'file',
  candidateEmail: null,
  status: 'valid',
  reason: null,
  holder: null,
  issuer: 'Northwind Academy',
  achievement: 'Data Basics',
  skills: [],
  ...overrides,
});

const check: CandidateCheck = {
  id: 'c1',
  status: 'succeeded',
  total: 3,
  done: 3,
  error: null,
  createdAt: '2026-12-07T08:00:00.000Z',
  finishedAt: '2026-12-07T08:01:00.000Z',
  deleteAfter: '2027-01-06T08:00:00.000Z',
  counts: { valid: 2, signature_invalid: 1 },
  items: [
    item(1, { skills: [{ name: 'Data analysis', url: 'https://cairn.test/skills/1' }] }),
    item(2, { status: 'signature_invalid', reason: 'The signature does not match the content' }),
    item(3, { name: 'https://wallet.example/c/3', source: 'url' }),
  ],
};

describe('CandidateResults', () => {
  it('shows every outcome in words with its reason, filters by status and links the CSV report', async () => {
    renderWithProviders(<CandidateResults slug="harbor" check={check} />);
    const table = screen.getByRole('table', { name: 'Results' });
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(within(table).getByText('Data analysis')).toBeInTheDocument();
    expect(within(table).getByText('Signature invalid')).toBeInTheDocument();
    expect(within(table).getByText('The signature does not match the content')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Checking progress' })).toHaveAttribute('aria-valuenow', '100');
    expect(screen.getByRole('link', { name: 'Download CSV report' })).toHaveAttribute(
      'href',
      '/api/v1/orgs/harbor/candidate-checks/c1/report.csv',
    );

    await userEvent.click(screen.getByRole('textbox', { name: 'Show' }));
    await userEvent.click(await screen.findByRole('option', { name: /Signature invalid \(1\)/, hidden: true }));
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(within(table).queryByText('file-1.json')).not.toBeInTheDocument();
  });
});
