import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { LearnerRubric } from '../../api/types';
import { renderWithProviders } from '../../test/render';
import { ReviewForm } from './review-form';

const rubric: LearnerRubric = {
  criteria: [
    {
      id: 'clarity',
      title: 'Clarity',
      levels: [
        { id: 'c0', title: 'Not yet', points: 0 },
        { id: 'c2', title: 'Clear', points: 2 },
      ],
    },
    {
      id: 'evidence',
      title: 'Use of evidence',
      levels: [
        { id: 'e0', title: 'Not yet', points: 0 },
        { id: 'e3', title: 'Strong', points: 3 },
      ],
    },
  ],
};

describe('ReviewForm', () => {
  it('requires a level for every criterion before it sends a review', async () => {
    const user = userEvent.setup();
    const onReviewed = vi.fn();
    const fetchMock = vi.fn((_input: RequestInfo | URL, _init?: RequestInit) =>
      Promise.resolve(new Response(JSON.stringify({ id: 's1', status: 'approved' }), { status: 200 })),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(
      <ReviewForm
        orgSlug="northwind"
        submissionId="s1"
        rubric={rubric}
        passPoints={3}
        maxPoints={5}
        onReviewed={onReviewed}
      />,
    );

    await user.click(screen.getByRole('button', { name: 'Approve' }));
    expect(screen.getAllByText('Choose a level for this criterion')).toHaveLength(2);
    expect(fetchMock).not.toHaveBeenCalled();

    await user.click(screen.getByRole('radio', { name: 'Clear (2 points)' }));
    await user.click(screen.getByRole('button', { name: 'Approve' }));
    expect(screen.getAllByText('Choose a level for this criterion')).toHaveLength(1);
    expect(fetchMock).not.toHaveBeenCalled();

    await user.click(screen.getByRole('radio', { name: 'Strong (3 points)' }));
    expect(screen.getByText(/5 of 5 points/)).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Feedback to the learner' }), 'Well argued.');
    await user.click(screen.getByRole('button', { name: 'Approve' }));

    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/orgs/northwind/submissions/s1/review');
    expect(JSON.parse(init?.body as string)).toEqual({
      scores: { clarity: 'c2', evidence: 'e3' },
      feedback: 'Well argued.',
      decision: 'approve',
    });
    await waitFor(() => expect(onReviewed).toHaveBeenCalled());
  });

  it('asks for feedback before requesting a resubmission', async () => {
    const user = userEvent.setup();
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(
      <ReviewForm
        orgSlug="northwind"
        submissionId="s1"
        rubric={rubric}
        passPoints={null}
        maxPoints={5}
        onReviewed={vi.fn()}
      />,
    );
    const notYet = screen.getAllByRole('radio', { name: 'Not yet (0 points)' });
    await user.click(notYet[0]!);
    await user.click(notYet[1]!);
    await user.click(screen.getByRole('button', { name: 'Ask to resubmit' }));
    expect(screen.getByText('Tell the learner what to change')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
