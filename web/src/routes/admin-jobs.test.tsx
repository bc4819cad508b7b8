import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JobsOverview } from '../api/types';
import { problemResponse, renderWithProviders } from '../test/render';
import AdminJobsPage from './admin-jobs';
import { stubFetch } from '../test/fetch';

afterEach(() => vi.unstubAllGlobals());

const urlOf = (input: RequestInfo | URL) => (input instanceof Request ? input.url : input.toString());
const zero = { created: 0, retry: 0, active: 0, completed: 0, cancelled: 0, failed: 0 };

const overview = (failures: JobsOverview['recentFailures']): JobsOverview => ({
  queues: [
    {
      name: 'mail',
      description: 'Outgoing mail',
      counts: { ...zero, created: 2, completed: 1250, failed: 1 },
      deadLetters: failures.length,
      schedule: null,
    },
    {
      name: 'cron.retention',
      description: 'Daily: drop audit events past their retention',
      counts: zero,
      deadLetters: 0,
      schedule: '43 3 * * *',
    },
  ],
  recentFailures: failures,
});

const failure = {
  queue: 'mail',
  id: '6f1f5d0e-4a8e-4c1b-9a52-2f3c0f1d7e11',
  deadLetterQueue: 'mail.dead',
  error: 'SMTP 550: mailbox unavailable',
  failedAt: '2026-12-07T09:30:00Z',
  retryCount: 10,
};

describe('AdminJobsPage', () => {
  it('shows each queue’s counts and schedule, and the failures with their error', async () => {
    stubFetch(() => Response.json(overview([failure])));
    renderWithProviders(<AdminJobsPage />);

    const queues = await screen.findByRole('table', { name: 'Queues' });
    const mail = within(queues).getByRole('row', { name: /^mail/ });
    expect(within(mail).getByText('1,250')).toBeInTheDocument();
    expect(within(mail).getByText('On demand')).toBeInTheDocument();
    expect(within(mail).getByLabelText('1 dead letters')).toBeInTheDocument();
    expect(within(queues).getByText('43 3 * * *')).toBeInTheDocument();

    const failures = screen.getByRole('table', { name: 'Failures waiting for you' });
    expect(within(failures).getByText('SMTP 550: mailbox unavailable')).toBeInTheDocument();
    expect(within(failures).getByText('11')).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: 'Refresh every 5 seconds' })).toBeChecked();
  });

  it('retries a failure with its queue and id, then reads the list again', async () => {
    let isRetried = false;
    const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      if (init?.method === 'POST') {
        isRetried = true;
        return Promise.resolve(
          Response.json({ isRetried: true, job: { queue: 'mail', id: failure.id, state: 'created' } }),
        );
      }
      return Promise.resolve(Response.json(overview(isRetried ? [] : [failure])));
    });
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup();
    renderWithProviders(<AdminJobsPage />);

    await user.click(await screen.findByRole('button', { name: `Retry job ${failure.id} of mail` }));
    expect(await screen.findByText('No failed jobs')).toBeInTheDocument();
    const post = fetchMock.mock.calls.find(([, i]) => i?.method === 'POST')!;
    expect(urlOf(post[0])).toBe(`/api/v1/admin/jobs/mail/${failure.id}/retry`);
    expect(post[1]!.body).toBe('{}');
  });

  it('tells someone who is not an operator why the page is empty', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          problemResponse(403, {
            title: 'You are not allowed to do this',
            detail: 'Only instance operators (CAIRN_OPERATOR_EMAILS) may see and retry background jobs.',
          }),
        ),
      ),
    );
    renderWithProviders(<AdminJobsPage />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Only instance operators see background jobs');
    expect(alert).toHaveTextContent('CAIRN_OPERATOR_EMAILS');
  });

  it('offers a retry when the queues cannot be read', async () => {
    stubFetch(() => problemResponse(503, { title: 'Service unavailable', detail: 'The database does not answer.' }));
    renderWithProviders(<AdminJobsPage />);
    expect(await screen.findByText('The database does not answer.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /try again/i })).toBeInTheDocument();
  });
});
