import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { problemResponse, renderWithProviders } from '../test/render';
import { json, ORG, stubApi, webhook } from '../features/webhooks/webhook-test-server';
import WebhooksPage from './webhooks';

const renderPage = () =>
  renderWithProviders(
    <Routes>
      <Route path="/o/:slug/settings/webhooks" element={<WebhooksPage />} />
      <Route path="/o/:slug/settings/webhooks/:id" element={<p>detail page</p>} />
    </Routes>,
    { route: '/o/acme/settings/webhooks' },
  );

describe('WebhooksPage', () => {
  it('adds a webhook with grouped event checkboxes and shows its secret once, with a copy button', async () => {
    let created = false;
    const seen = stubApi({
      'GET /api/v1/orgs/acme/webhooks': () =>
        json({ items: created ? [webhook({ events: ['credential.issued', 'credential.revoked'] })] : [] }),
      'POST /api/v1/orgs/acme/webhooks': (body) => {
        created = true;
        return json({ ...webhook(body as object), secret: 'whsec_c2VjcmV0LXNob3duLW9uY2UtZm9yLXRoZS10ZXN0' }, 201);
      },
    });
    const user = userEvent.setup();
    renderPage();

    expect(await screen.findByRole('heading', { name: 'No webhooks yet' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add a webhook' }));
    const dialog = await screen.findByRole('dialog');
    // Nothing picked: the form says what is missing.
    await user.click(within(dialog).getByRole('button', { name: 'Add webhook' }));
    expect(await within(dialog).findByText('Pick at least one event')).toBeInTheDocument();

    await user.type(within(dialog).getByRole('textbox', { name: /Endpoint URL/ }), 'https://hooks.example.org/cairn');
    // A group's box picks all its events; an event can be picked alone.
    await user.click(await within(dialog).findByRole('checkbox', { name: 'All Credentials events' }));
    expect(within(dialog).getByRole('checkbox', { name: 'credential.revoked' })).toBeChecked();
    await user.click(within(dialog).getByRole('checkbox', { name: 'member.added' }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'member.added' }));
    await user.type(within(dialog).getByRole('textbox', { name: /Description/ }), 'CRM sync');
    await user.click(within(dialog).getByRole('button', { name: 'Add webhook' }));

    expect(await screen.findByText('whsec_c2VjcmV0LXNob3duLW9uY2UtZm9yLXRoZS10ZXN0')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy signing secret' })).toBeInTheDocument();
    expect(screen.getByText('This is the only time you will see this secret')).toBeInTheDocument();
    expect(seen.find((r) => r.method === 'POST')?.body).toEqual({
      url: 'https://hooks.example.org/cairn',
      events: ['credential.issued', 'credential.revoked'],
      description: 'CRM sync',
    });
    await user.click(screen.getByRole('button', { name: 'I have stored it' }));
    expect(await screen.findByRole('link', { name: 'https://hooks.example.org/cairn' })).toHaveAttribute(
      'href',
      '/o/acme/settings/webhooks/w1',
    );
    expect(screen.queryByText(/whsec_/)).not.toBeInTheDocument();
  });

  it('puts a refused URL on the URL field and explains why', async () => {
    stubApi({
      'GET /api/v1/orgs/acme/webhooks': () => json({ items: [] }),
      'POST /api/v1/orgs/acme/webhooks': () =>
        problemResponse(400, {
          title: 'Your request has invalid fields',
          code: 'validation_failed',
          detail:
            'http://127.0.0.1/ leads to 127.0.0.1, a loopback address. Webhooks are only sent to public addresses.',
          errors: [{ field: 'url', message: 'Private or local address (loopback)' }],
        }),
    });
    const user = userEvent.setup();
    renderPage();
    await user.click(await screen.findByRole('button', { name: 'Add a webhook' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /Endpoint URL/ }), 'http://127.0.0.1/');
    await user.click(await within(dialog).findByRole('checkbox', { name: 'credential.issued' }));
    await user.click(within(dialog).getByRole('button', { name: 'Add webhook' }));
    expect(await within(dialog).findByText('Private or local address (loopback)')).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: /Endpoint URL/ })).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog).getByRole('alert')).toHaveTextContent(/only sent to public addresses/);
  });

  it('lists endpoints with their status: active, failing or disabled', async () => {
    stubApi({
      'GET /api/v1/orgs/acme/webhooks': () =>
        json({
          items: [
            webhook({ id: 'a', url: 'https://a.example/' }),
            webhook({ id: 'b', url: 'https://b.example/', failingSince: '2026-12-01T00:00:00Z' }),
            webhook({ id: 'c', url: 'https://c.example/', enabled: false, disabledReason: 'Disabled by an admin.' }),
          ],
        }),
    });
    renderPage();
    const rows = await screen.findAllByRole('row');
    expect(rows.slice(1).map((row) => within(row).getAllByText(/^(Active|Failing|Disabled)$/)[0]!.textContent)).toEqual(
      ['Active', 'Failing', 'Disabled'],
    );
  });

  it('shows a failed load with a way to try again, and tells non-admins who to ask', async () => {
    stubApi({
      'GET /api/v1/orgs/acme/webhooks': () =>
        problemResponse(503, { title: 'Service unavailable', detail: 'The database does not answer.' }),
    });
    const { unmount } = renderPage();
    expect(await screen.findByText('The database does not answer.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    unmount();

    stubApi({ 'GET /api/v1/orgs/acme': () => json({ ...ORG, myRole: 'author' }) });
    renderPage();
    expect(await screen.findByText('Only admins manage webhooks')).toBeInTheDocument();
  });
});
