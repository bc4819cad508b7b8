import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { problemResponse, renderWithProviders } from '../../test/render';
import { SignupForm } from './signup-form';
import { stubFetch } from '../../test/fetch';

async function fillAndSubmit(password = 'correct-horse-9') {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(/your name/i), 'Ada Lovelace');
  await user.type(screen.getByLabelText(/^email/i), 'ada@example.org');
  await user.type(screen.getByLabelText(/^password/i), password);
  await user.click(screen.getByRole('button', { name: /create account/i }));
}

describe('SignupForm', () => {
  it('shows the server’s field errors beside the fields', async () => {
    const fetchMock = vi.fn(() =>
      Promise.resolve(
        problemResponse(409, {
          title: 'Conflict',
          detail: 'An account already uses this email.',
          errors: [{ field: 'email', message: 'An account already uses this email.' }],
        }),
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
    const onSignedUp = vi.fn();
    renderWithProviders(<SignupForm onSignedUp={onSignedUp} />);

    await fillAndSubmit();

    const email = screen.getByLabelText(/^email/i);
    await waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(screen.getByText('An account already uses this email.')).toBeInTheDocument();
    expect(onSignedUp).not.toHaveBeenCalled();
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/auth/signup');
    expect(JSON.parse(init.body as string)).toEqual({
      name: 'Ada Lovelace',
      email: 'ada@example.org',
      password: 'correct-horse-9',
    });
  });

  it('shows a problem without field errors in an alert', async () => {
    stubFetch(() => problemResponse(429, { title: 'Too many requests', detail: 'Wait a minute and try again.' }));
    renderWithProviders(<SignupForm onSignedUp={vi.fn()} />);

    await fillAndSubmit();

    expect(await screen.findByRole('alert')).toHaveTextContent('Wait a minute and try again.');
  });

  it('checks the password locally before sending anything', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<SignupForm onSignedUp={vi.fn()} />);

    await fillAndSubmit('short');

    expect(await screen.findByText(/at least 10 characters\./i)).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('calls onSignedUp after a successful sign-up', async () => {
    stubFetch(() => Response.json({ user: { id: 'u1' } }, { status: 201 }));
    const onSignedUp = vi.fn();
    renderWithProviders(<SignupForm onSignedUp={onSignedUp} />);

    await fillAndSubmit();

    await waitFor(() => expect(onSignedUp).toHaveBeenCalledOnce());
  });
});
