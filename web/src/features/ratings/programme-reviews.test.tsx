import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { ProgrammeReviews } from './programme-reviews';
import type { OwnReview, ProgrammeReviews as Answer } from './ratings-api';

const published = {
  id: 'r-1',
  rating: 4,
  title: 'Worth the evening',
  body: 'Clear and **practical**.',
  authorName: 'Omar Haddad',
  createdAt: '2026-11-01T10:00:00Z',
  updatedAt: '2026-11-01T10:00:00Z',
};

function stub(answer: Answer, onPut?: (body: unknown) => OwnReview) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(
      typeof input === 'object' && 'url' in input ? input.url : new URL(String(input), 'http://cairn.test'),
      typeof input === 'object' && 'method' in input
        ? { method: input.method, body: input.method === 'GET' ? null : await input.text() }
        : init,
    );
    const url = new URL(request.url);
    if (url.pathname === '/api/v1/auth/session') return new Response('{"title":"x","status":401}', { status: 401 });
    if (request.method === 'PUT' && onPut) {
      const mine = onPut(await request.json());
      answer = { ...answer, mine };
      return new Response(JSON.stringify(mine), { status: 200 });
    }
    return new Response(JSON.stringify(answer), { status: 200 });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('ProgrammeReviews', () => {
  it('shows the average and the approved reviews, and no form to someone who holds no credential', async () => {
    stub({ summary: { average: 4, count: 1 }, items: [published], mine: null, canReview: false });
    renderWithProviders(<ProgrammeReviews providerSlug="northwind" slug="data" />);
    expect(await screen.findByText('4.0 out of 5 from 1 review')).toBeInTheDocument();
    expect(screen.getByRole('article', { name: 'Review: Worth the evening' })).toHaveTextContent('Omar Haddad');
    expect(screen.queryByRole('form', { name: 'Your review' })).not.toBeInTheDocument();
  });

  it('lets a holder write a review, asks for a rating first, and then says it waits for approval', async () => {
    const sent: unknown[] = [];
    stub({ summary: { average: null, count: 0 }, items: [], mine: null, canReview: true }, (body) => {
      sent.push(body);
      return { ...published, ...(body as object), id: 'r-2', authorName: 'Lena Fischer', status: 'pending' };
    });
    const user = userEvent.setup();
    renderWithProviders(<ProgrammeReviews providerSlug="northwind" slug="data" />);
    const form = await screen.findByRole('form', { name: 'Your review' });
    await user.type(screen.getByLabelText(/^Title/), 'Changed how I read charts');
    await user.type(screen.getByRole('textbox', { name: /Your review/ }), 'I redrew two dashboards at work.');
    await user.click(screen.getByRole('button', { name: 'Publish your review' }));
    expect(await screen.findByText('Choose 1 to 5 stars')).toBeInTheDocument();
    expect(sent).toEqual([]);
    // Mantine's Rating takes a choice from its star's label, or Space on the focused radio.
    fireEvent.keyDown(screen.getByRole('radio', { name: '5 out of 5' }), { key: ' ' });
    await user.click(screen.getByRole('button', { name: 'Publish your review' }));
    await waitFor(() =>
      expect(sent).toEqual([
        { rating: 5, title: 'Changed how I read charts', body: 'I redrew two dashboards at work.' },
      ]),
    );
    expect(await screen.findByText('Waiting for approval')).toBeInTheDocument();
    expect(form).not.toBeInTheDocument();
  });
});
