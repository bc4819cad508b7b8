import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { NewGoalModal } from './new-goal-modal';

const OCCUPATION = '0b6f4a52-7d3e-4d55-9b61-2f1c9a7e0a01';
const skill = (n: number) => `5b0d3a54-8f0e-4c54-9d3c-0a4a4f6c2a1${n}`;

/** Answers the occupation search, the occupation, and the new goal; remembers what was posted. */
function stubApi() {
  const posted: unknown[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost'), init);
    const url = new URL(request.url, 'http://localhost');
    const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });
    if (url.pathname === '/api/v1/skills/occupations')
      return json({
        items: [
          { id: OCCUPATION, uri: 'http://data.example/esco/occupation/b1', title: 'data analyst', code: '2511.4' },
        ],
      });
    if (url.pathname === `/api/v1/skills/occupations/${OCCUPATION}`)
      return json({
        id: OCCUPATION,
        uri: 'http://data.example/esco/occupation/b1',
        title: 'data analyst',
        description: 'Inspects data.',
        skills: [
          { skillId: skill(1), name: 'analyse big data', relation: 'essential' },
          { skillId: skill(2), name: 'statistics', relation: 'essential' },
          { skillId: skill(3), name: 'query languages', relation: 'optional' },
        ],
      });
    if (url.pathname === '/api/v1/me/goals' && request.method === 'POST') {
      posted.push(await request.json());
      return json({ id: 'goal-1' }, 201);
    }
    if (url.pathname === '/api/v1/skills') return json({ items: [] });
    return json({});
  });
  vi.stubGlobal('fetch', fetchMock);
  return { posted };
}

describe('setting a goal from an occupation', () => {
  it('takes the occupation’s essential skills, lets the learner edit them, and sends the occupation', async () => {
    const user = userEvent.setup();
    const { posted } = stubApi();
    const onCreated = vi.fn();
    renderWithProviders(<NewGoalModal opened onClose={() => {}} onCreated={onCreated} />);
    await user.type(await screen.findByRole('textbox', { name: /Start from an occupation/ }), 'analyst');
    await user.click(await screen.findByRole('option', { name: 'data analyst (2511.4)', hidden: true }));
    await waitFor(() => expect(screen.getByText('analyse big data')).toBeInTheDocument());
    expect(screen.getByText('statistics')).toBeInTheDocument();
    // Optional skills are not taken; the learner removes one essential skill.
    expect(screen.queryByText('query languages')).not.toBeInTheDocument();
    // The remove button is a real button for keyboards and screen readers (Mantine hides it by default).
    const remove = screen.getByRole('button', { name: 'Remove statistics' });
    remove.focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryByText('statistics')).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Set goal' }));
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith('goal-1'));
    expect(posted).toEqual([
      expect.objectContaining({ kind: 'skills', skillIds: [skill(1)], occupationId: OCCUPATION }),
    ]);
  });
});
