import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { CompletionPathways } from './completion-pathways';
import type { MyPathway } from './pathways-types';

const pathway = (overrides: Partial<MyPathway>): MyPathway => ({
  id: 'p1',
  name: 'Data Practitioner Certificate',
  awarded: false,
  progress: { done: 3, required: 3 },
  versionId: 'v1',
  isJoined: false,
  credentialId: null,
  clrCredentialId: null,
  isSuspended: false,
  isAwardPending: true,
  ...overrides,
});

afterEach(() => vi.unstubAllGlobals());

describe('CompletionPathways (the learning page after the last module)', () => {
  it('shows the pathway award being issued, then awarded, without a reload', async () => {
    const answers = [
      [pathway({})],
      [
        pathway({ awarded: true, isAwardPending: false, credentialId: 'c1', clrCredentialId: 'k1' }),
        pathway({ id: 'p2', name: 'Analyst Diploma', isAwardPending: false, progress: { done: 1, required: 2 } }),
      ],
    ];
    let calls = 0;
    const fetchMock = vi.fn((input: RequestInfo | URL) => {
      const url = input instanceof Request ? input.url : input.toString();
      expect(url).toBe('/api/v1/me/credentials/cred-9/pathways');
      const items = answers[Math.min(calls, answers.length - 1)]!;
      calls += 1;
      return Promise.resolve(Response.json({ items }));
    });
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<CompletionPathways credentialId="cred-9" />);

    expect(await screen.findByText('Issuing your credential…')).toBeInTheDocument();
    expect(screen.getByText('complete: issuing your pathway credential…')).toBeInTheDocument();
    expect(await screen.findByText('awarded: your pathway credential is ready')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Data Practitioner Certificate' })).toHaveAttribute(
      'href',
      '/me/pathways/p1',
    );
    expect(screen.getByText('1 of 2 done')).toBeInTheDocument();
    expect(screen.queryByText('Issuing your credential…')).toBeNull();
  });
});
