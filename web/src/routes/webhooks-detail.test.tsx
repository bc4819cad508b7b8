import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../test/render';
import { delivery, json, stubApi, webhook } from '../features/webhooks/webhook-test-server';
import WebhookDetailPage from './webhooks-detail';

const base = '/api/v1/orgs/acme/webhooks/w1';

const renderPage = () =>
  renderWithProviders(
    <Routes>
      <Route path="/o/:slug/settings/webhooks/:id" element={<WebhookDetailPage />} />
      <Route path="/o/:slug/settings/webhooks" element={<p>the list of webhooks</p>} />
    </Routes>,
    { route: '/o/acme/settings/webhooks/w1' },
  );

describe('WebhookDetailPage', () => {
  it('shows the delivery log with status, response code and attempts, and resends a delivery', async () => {
    const seen = stubApi({
      [`GET ${base}`]: () => json(webhook()),
      [`GET ${base}/deliveries`]: () =>
        json({
          items: [
            delivery(),
            delivery({
              id: 'msg_ffffffffffffffffffffffffffffffff',
              status: 'pending',
              responseCode: 503,
              attempt: 3,
              lastError: 'HTTP 503',
              nextAttemptAt: '2026-12-02T10:00:00Z',
              deliveredAt: null,
            }),
            delivery({
              id: 'msg_eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee',
              status: 'failed',
              responseCode: null,
              attempt: 11,
              lastError: 'connect ECONNREFUSED',
              deliveredAt: null,
            }),
          ],
          nextCursor: null,
        }),
      [`POST ${base}/deliveries/msg_ffffffffffffffffffffffffffffffff/resend`]: () =>
        json(delivery({ status: 'pending' }), 202),
    });
    const user = userEvent.setup();
    renderPage();

    const table = await screen.findByRole('table', { name: 'Delivery log' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByText(/^(Delivered|Retrying|Failed|Queued)$/)[0]!.textContent)).toEqual(
      ['Delivered', 'Retrying', 'Failed'],
    );
    expect(within(rows[0]!).getByText('204')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('503')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('HTTP 503')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('11')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('connect ECONNREFUSED')).toBeInTheDocument();

    await user.click(within(rows[1]!).getByRole('button', { name: /^Resend credential.issued delivery msg_ffff/ }));
    await waitFor(() =>
      expect(
        seen.some(
          (r) => r.method === 'POST' && r.path === `${base}/deliveries/msg_ffffffffffffffffffffffffffffffff/resend`,
        ),
      ).toBe(true),
    );
    // The log is read again after the resend, to show the new attempt (counted from the resend, not
    // in total: a slow machine may refetch more often before it).
    const resendAt = seen.findIndex((r) => r.method === 'POST' && r.path.endsWith('/resend'));
    await waitFor(() =>
      expect(seen.slice(resendAt + 1).some((r) => r.method === 'GET' && r.path === `${base}/deliveries`)).toBe(true),
    );
  });

  it('sends a test, disables the endpoint and rotates the secret (shown once)', async () => {
    let current = webhook();
    const seen = stubApi({
      [`GET ${base}`]: () => json(current),
      [`GET ${base}/deliveries`]: () => json({ items: [], nextCursor: null }),
      [`POST ${base}/test`]: () => json(delivery({ event: 'webhook.test', status: 'pending', attempt: 0 }), 202),
      [`PATCH ${base}`]: (body) => {
        current = {
          ...current,
          enabled: (body as { enabled: boolean }).enabled,
          disabledReason: 'Disabled by an admin.',
        };
        return json(current);
      },
      [`POST ${base}/rotate-secret`]: () => {
        current = { ...current, previousSecretExpiresAt: '2026-12-03T10:00:00Z' };
        return json({
          secret: 'whsec_bmV3LXNlY3JldC1mb3ItdGhlLXRlc3Q=',
          previousSecretExpiresAt: '2026-12-03T10:00:00Z',
        });
      },
    });
    const user = userEvent.setup();
    renderPage();

    expect(await screen.findByRole('heading', { name: 'No deliveries yet' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send test' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'POST' && r.path === `${base}/test`)).toBe(true));

    await user.click(screen.getByRole('button', { name: 'Disable' }));
    expect(await screen.findByText('This webhook is disabled')).toBeInTheDocument();
    expect(seen.find((r) => r.method === 'PATCH')?.body).toEqual({ enabled: false });
    expect(screen.getByRole('button', { name: 'Enable' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Rotate secret' }));
    const confirm = await screen.findByRole('dialog', { name: 'Rotate the signing secret?' });
    await user.click(within(confirm).getByRole('button', { name: 'Rotate secret' }));
    expect(await screen.findByText('whsec_bmV3LXNlY3JldC1mb3ItdGhlLXRlc3Q=')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy signing secret' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'I have stored it' }));
    expect(await screen.findByText(/The previous signing secret also signs until/)).toBeInTheDocument();
  });

  it('deletes the endpoint after a confirmation and goes back to the list', async () => {
    const seen = stubApi({
      [`GET ${base}`]: () => json(webhook()),
      [`GET ${base}/deliveries`]: () => json({ items: [], nextCursor: null }),
      [`DELETE ${base}`]: () => new Response(null, { status: 204 }),
    });
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this webhook?' });
    expect(seen.some((r) => r.method === 'DELETE')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Delete webhook' }));
    expect(await screen.findByText('the list of webhooks')).toBeInTheDocument();
    expect(seen.some((r) => r.method === 'DELETE' && r.path === base)).toBe(true);
  });

  it('says so when the webhook does not exist', async () => {
    stubApi({
      [`GET ${base}`]: () =>
        json({ status: 404, title: 'Not found', detail: 'No webhook with this id in this organisation.' }, 404),
    });
    renderPage();
    expect(await screen.findByText('Webhook not found')).toBeInTheDocument();
    expect(screen.getByText('No webhook with this id in this organisation.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /All webhooks/ })).toHaveAttribute('href', '/o/acme/settings/webhooks');
  });
});
