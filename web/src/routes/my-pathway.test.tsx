import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MyPathwayDetail } from '../features/pathways/pathways-types';
import { renderWithProviders } from '../test/render';
import MyPathwayPage from './my-pathway';

const id = '7c2e4b1a-93d1-4f0e-8a66-2b5c1d9e0f31';

/** The learner has met every requirement: the award is issued by a job, so it is pending at first. */
function detail(overrides: Partial<MyPathwayDetail>): MyPathwayDetail {
  return {
    id,
    name: 'Data Practitioner Certificate',
    awarded: false,
    progress: { done: 2, required: 2 },
    versionId: 'v1',
    isJoined: true,
    credentialId: null,
    clrCredentialId: null,
    isSuspended: false,
    isAwardPending: true,
    versionNumber: 1,
    isNewerVersionPublished: false,
    nodes: { root: { isSatisfied: true, done: 2, required: 2, counted: ['credential:a', 'credential:b'] } },
    done: [{ nodeId: 'a', label: 'Programme A', credentials: [{ ref: 'credential:a', name: 'Programme A' }] }],
    remaining: [],
    completion: {
      isSatisfied: true,
      cheapest: { offers: [], costMinor: 0, cost: [], effortHours: 0, durationWeeks: 0, cpdHours: 0 },
      shortest: { offers: [], costMinor: 0, cost: [], effortHours: 0, durationWeeks: 0, cpdHours: 0 },
      isExact: true,
      unreachableNodeIds: [],
    },
    estimate: { costMinor: 0, cost: [], effortHours: 0, durationWeeks: 0 },
    map: {
      nodes: [
        {
          id: 'root',
          kind: 'qualification',
          label: 'Data Practitioner Certificate',
          parentId: null,
          depth: 0,
          recommendedPosition: null,
        },
      ],
      edges: [],
    },
    ...overrides,
  };
}

afterEach(() => vi.unstubAllGlobals());

describe('MyPathwayPage', () => {
  it('says the credential is being issued while the award is pending, and shows the award when it arrives, without a reload', async () => {
    const answers = [
      detail({}),
      detail({}),
      detail({ awarded: true, isAwardPending: false, credentialId: 'cred-1', clrCredentialId: 'clr-1' }),
    ];
    let detailCalls = 0;
    const fetchMock = vi.fn((input: RequestInfo | URL) => {
      const url = input instanceof Request ? input.url : input.toString();
      if (url.endsWith(`/api/v1/me/pathways/${id}`)) {
        const answer = answers[Math.min(detailCalls, answers.length - 1)]!;
        detailCalls += 1;
        return Promise.resolve(Response.json(answer));
      }
      return Promise.resolve(Response.json({ items: [] }));
    });
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(
      <Routes>
        <Route path="/me/pathways/:id" element={<MyPathwayPage />} />
      </Routes>,
      { route: `/me/pathways/${id}` },
    );

    const pending = await screen.findByText('Issuing your credential…');
    // Said once to screen readers, in a polite live region.
    expect(pending.closest('[role="status"]')).toHaveAttribute('aria-live', 'polite');
    // Nothing is left to plan while the award is on its way.
    expect(screen.queryByRole('heading', { name: 'What is left' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Pathway credential' })).toBeNull();

    // The page asks again by itself (every 1.5 s) until the award is there.
    expect(await screen.findByRole('link', { name: 'Pathway credential' })).toHaveAttribute(
      'href',
      '/credentials/cred-1',
    );
    expect(screen.getByRole('link', { name: 'CLR record' })).toHaveAttribute('href', '/credentials/clr-1');
    expect(screen.queryByText('Issuing your credential…')).toBeNull();
    expect(detailCalls).toBeGreaterThanOrEqual(3);
  });

  it('does not poll a pathway that is not complete', async () => {
    const fetchMock = vi.fn(() =>
      Promise.resolve(Response.json(detail({ isAwardPending: false, progress: { done: 1, required: 2 } }))),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(
      <Routes>
        <Route path="/me/pathways/:id" element={<MyPathwayPage />} />
      </Routes>,
      { route: `/me/pathways/${id}` },
    );
    expect(await screen.findByRole('heading', { name: 'What is left' })).toBeInTheDocument();
    expect(screen.queryByText('Issuing your credential…')).toBeNull();
  });
});
