import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { Microcredential, MicrocredentialVersion } from '../api/types';
import { problemResponse, renderWithProviders } from '../test/render';
import ProgrammeEditorPage from './programme-editor';

const draft: MicrocredentialVersion = {
  id: 'v1',
  microcredentialId: 'mc1',
  versionNumber: 1,
  status: 'draft',
  title: 'Data literacy',
  summary: '',
  description: '',
  outcomes: [],
  skills: [],
  level: null,
  effortHours: null,
  durationWeeks: null,
  cost: null,
  cpdHours: null,
  fieldOfStudy: null,
  format: null,
  language: null,
  imageFileId: null,
  imageUrl: null,
  partners: [],
  criteriaNarrative: '',
  passMark: null,
  validityMonths: null,
  modules: [],
  achievement: null,
  publishedAt: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

const mc: Microcredential = {
  id: 'mc1',
  slug: 'data-literacy',
  status: 'draft',
  versions: [],
  current: draft,
  catalogUrl: null,
  createdAt: draft.createdAt,
};

describe('programme editor', () => {
  it('puts the field errors of a publish 400 on their fields and lists what is missing', async () => {
    const user = userEvent.setup();
    const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (url.endsWith('/publish') && init?.method === 'POST') {
        return Promise.resolve(
          problemResponse(400, {
            title: 'Validation failed',
            detail: 'This draft is not ready to publish. Still missing: summary, level, modules.',
            code: 'validation_failed',
            errors: [
              { field: 'summary', message: 'Write a one- or two-sentence summary' },
              { field: 'level', message: 'Choose an EQF level (1-8)' },
              { field: 'modules', message: 'Add at least one module' },
            ],
          }),
        );
      }
      if (url === '/api/v1/orgs/northwind/microcredentials/mc1')
        return Promise.resolve(new Response(JSON.stringify(mc), { status: 200 }));
      return Promise.resolve(problemResponse(401, { title: 'Unauthorized' }));
    });
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(
      <Routes>
        <Route path="/o/:slug/programmes/:id" element={<ProgrammeEditorPage />} />
      </Routes>,
      { route: '/o/northwind/programmes/mc1' },
    );

    await user.click(await screen.findByRole('button', { name: 'Publish' }));

    await waitFor(() => expect(screen.getByText('Not ready to publish yet')).toBeInTheDocument());
    const summary = screen.getByRole('textbox', { name: 'Summary' });
    expect(summary).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getAllByText('Write a one- or two-sentence summary').length).toBeGreaterThanOrEqual(2);
    const checklist = screen.getByText('Not ready to publish yet').closest('[role="alert"]') as HTMLElement;
    expect(within(checklist).getByText('Modules:')).toBeInTheDocument();
    expect(within(checklist).getByText('Level:')).toBeInTheDocument();
    // Nothing was saved: the form had no changes.
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'PATCH')).toBe(false);
  });
});
