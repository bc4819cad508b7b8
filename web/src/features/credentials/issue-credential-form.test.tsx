import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { problemResponse, renderWithProviders } from '../../test/render';
import { IssueCredentialForm } from './issue-credential-form';
import { stubFetch } from '../../test/fetch';

async function fillIn() {
  await userEvent.type(screen.getByRole('textbox', { name: /^name/i }), 'Safe Lifting');
  await userEvent.type(screen.getByRole('textbox', { name: /^description/i }), 'Lifts loads safely.');
  await userEvent.type(screen.getByRole('textbox', { name: /^criteria/i }), 'Passed the practical assessment.');
  await userEvent.type(screen.getByRole('textbox', { name: /^recipient email/i }), 'ada@example.org');
}

describe('IssueCredentialForm', () => {
  it('puts a server field error on its input', async () => {
    const fetchMock = vi.fn((_url: string, _init?: RequestInit) =>
      Promise.resolve(
        problemResponse(400, {
          title: 'Your request has invalid fields',
          detail: 'Check these fields and try again: options.recipientEmail.',
          errors: [{ field: 'options.recipientEmail', message: 'This address cannot receive credentials.' }],
        }),
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<IssueCredentialForm slug="northwind" orgName="Northwind Academy" />);

    await fillIn();
    await userEvent.click(screen.getByRole('button', { name: 'Issue credential' }));

    expect(await screen.findByText('This address cannot receive credentials.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^recipient email/i })).toHaveAttribute('aria-invalid', 'true');
    // Every problem landed on a field, so there is no alert above the form.
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/orgs/northwind/credentials');
    const body = JSON.parse(init?.body as string);
    expect(body.credential.credentialSubject.achievement).toMatchObject({
      type: ['Achievement'],
      name: 'Safe Lifting',
      criteria: { narrative: 'Passed the practical assessment.' },
      achievementType: 'MicroCredential',
    });
    expect(body.credential.credentialSubject.achievement.id).toMatch(/\/achievements\/adhoc\/[0-9a-f-]{36}$/);
    expect(body.options).toMatchObject({
      recipientEmail: 'ada@example.org',
      format: 'ldp',
      cryptosuite: 'eddsa-rdfc-2022',
    });
    expect(body.options.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    // One (revocation) status entry unless suspension is asked for under Advanced.
    expect(body.options).not.toHaveProperty('statusPurposes');
  });

  it('maps achievement paths and keeps the same idempotency key when sent again', async () => {
    const fetchMock = vi.fn((_url: string, _init?: RequestInit) =>
      Promise.resolve(
        problemResponse(400, {
          title: 'Your request has invalid fields',
          errors: [
            { field: 'credential.credentialSubject.achievement.name', message: 'Too long.' },
            { field: 'credential.awards', message: 'Not allowed.' },
          ],
        }),
      ),
    );
    vi.stubGlobal('fetch', fetchMock);
    renderWithProviders(<IssueCredentialForm slug="northwind" orgName="Northwind Academy" />);

    await fillIn();
    await userEvent.click(screen.getByRole('button', { name: 'Issue credential' }));
    expect(await screen.findByText('Too long.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^name/i })).toHaveAttribute('aria-invalid', 'true');
    // A problem on a field the form does not have is shown above it.
    expect(screen.getByRole('alert')).toHaveTextContent('credential.awards: Not allowed.');

    await userEvent.click(screen.getByRole('button', { name: 'Issue credential' }));
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
    const keyOf = (call: number) => JSON.parse(fetchMock.mock.calls[call]![1]!.body as string).options.idempotencyKey;
    expect(keyOf(1)).toBe(keyOf(0));
  });

  it('shows the credential link with copy and open after issuing', async () => {
    const id = '7d7c2f9e-1e0a-4a8e-9f55-2b0e0a4c1d22';
    stubFetch(() =>
      Response.json({ verifiableCredential: { id: `http://localhost:3000/credentials/${id}` } }, { status: 201 }),
    );
    renderWithProviders(<IssueCredentialForm slug="northwind" orgName="Northwind Academy" />);

    await fillIn();
    await userEvent.click(screen.getByRole('button', { name: 'Issue credential' }));

    expect(await screen.findByText(`${window.location.origin}/credentials/${id}`)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy credential link' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open' })).toHaveAttribute('href', `/credentials/${id}`);
  });
});
