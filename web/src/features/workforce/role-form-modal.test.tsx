import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { RoleFormModal } from './role-form-modal';
import type { RoleDetail } from './workforce-api';

// The ESCO occupation API (GET /api/v1/skills/occupations and /{id}) is answered by a mocked fetch.
const occupation = {
  id: '7d1c5a2e-0000-4000-8000-000000000001',
  uri: 'http://data.europa.eu/esco/occupation/warehouse-manager',
  title: 'Warehouse manager',
  description: 'Plans and runs a warehouse.',
  skills: [
    { skillId: 's-stock', name: 'Manage stock', relation: 'essential' },
    { skillId: 's-forklift', name: 'Operate a forklift', relation: 'optional' },
  ],
};

type Sent = { url: string; method: string; body: unknown };

function stubApi() {
  const sent: Sent[] = [];
  const json = (body: unknown, status = 200) => Promise.resolve(new Response(JSON.stringify(body), { status }));
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit = {}) => {
      const method = init.method ?? 'GET';
      sent.push({ url, method, body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined });
      if (url.startsWith('/api/v1/skills/occupations?')) {
        return json({ items: [{ id: occupation.id, uri: occupation.uri, title: occupation.title, code: '1324.1' }] });
      }
      if (url === `/api/v1/skills/occupations/${occupation.id}`) return json(occupation);
      if (url.startsWith('/api/v1/skills?')) return json({ items: [] });
      if (method === 'POST' || method === 'PUT') return json({ id: 'r1', versions: [] }, method === 'POST' ? 201 : 200);
      return json({ items: [] });
    }),
  );
  return sent;
}

const level = (name: string) => screen.getByRole('textbox', { name: `Level of ${name}` });

describe('RoleFormModal', () => {
  it('starts a role from an ESCO occupation: essential skills at level 3, optional ones at level 2, editable', async () => {
    const sent = stubApi();
    const onClose = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(<RoleFormModal slug="harbor" opened onClose={onClose} />);

    await user.type(screen.getByRole('textbox', { name: 'Start from an ESCO occupation' }), 'wareh');
    await user.click(await screen.findByRole('option', { name: 'Warehouse manager (1324.1)', hidden: true }));

    expect(await screen.findByText(/Skills from the ESCO occupation “Warehouse manager”/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Role name' })).toHaveValue('Warehouse manager');
    expect(level('Manage stock')).toHaveValue('3 Practitioner');
    expect(screen.getByRole('checkbox', { name: 'Manage stock is essential' })).toBeChecked();
    expect(level('Operate a forklift')).toHaveValue('2 Working');
    expect(screen.getByRole('checkbox', { name: 'Operate a forklift is essential' })).not.toBeChecked();

    // Editable before saving: the forklift becomes essential, the role gets its own name.
    await user.click(screen.getByRole('checkbox', { name: 'Operate a forklift is essential' }));
    await user.clear(screen.getByRole('textbox', { name: 'Role name' }));
    await user.type(screen.getByRole('textbox', { name: 'Role name' }), 'Warehouse team lead');
    await user.click(screen.getByRole('button', { name: 'Create role' }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const post = sent.find((s) => s.method === 'POST')!;
    expect(post.url).toBe('/api/v1/orgs/harbor/roles');
    expect(post.body).toEqual({
      name: 'Warehouse team lead',
      description: '',
      escoOccupationUri: occupation.uri,
      skills: [
        { skillId: 's-stock', level: 3, essential: true },
        { skillId: 's-forklift', level: 2, essential: true },
      ],
    });
  });

  it('says so when the occupation cannot be loaded, and keeps the form as it was', async () => {
    stubApi();
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) =>
        Promise.resolve(
          url.startsWith('/api/v1/skills/occupations?')
            ? new Response(
                JSON.stringify({
                  items: [{ id: occupation.id, uri: occupation.uri, title: 'Warehouse manager', code: null }],
                }),
              )
            : new Response(
                JSON.stringify({ type: 'about:blank', title: 'Not found', status: 404, detail: 'No such occupation.' }),
                {
                  status: 404,
                  headers: { 'Content-Type': 'application/problem+json' },
                },
              ),
        ),
      ),
    );
    const user = userEvent.setup();
    renderWithProviders(<RoleFormModal slug="harbor" opened onClose={() => {}} />);
    await user.type(screen.getByRole('textbox', { name: 'Start from an ESCO occupation' }), 'wareh');
    await user.click(await screen.findByRole('option', { name: 'Warehouse manager', hidden: true }));
    expect(await screen.findByText(/The occupation could not be loaded/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Role name' })).toHaveValue('');
  });

  it('edits a role as a new version: levels and essential/optional change, a skill is removed', async () => {
    const sent = stubApi();
    const onClose = vi.fn();
    const role: RoleDetail = {
      id: 'r1',
      name: 'Data analyst',
      description: 'Reads data.',
      version: 2,
      escoOccupationUri: null,
      updatedAt: '2026-12-01T00:00:00.000Z',
      skills: [
        { skillId: 's-sql', name: 'SQL querying', level: 3, essential: true },
        { skillId: 's-viz', name: 'Data visualisation', level: 2, essential: false },
      ],
      versions: [],
    };
    const user = userEvent.setup();
    renderWithProviders(<RoleFormModal slug="harbor" role={role} opened onClose={onClose} />);

    const dialog = screen.getByRole('dialog', { name: 'Edit Data analyst' });
    expect(within(dialog).queryByRole('textbox', { name: 'Start from an ESCO occupation' })).toBeNull();
    await user.click(level('SQL querying'));
    // Each skill's level list is in the page; the first is SQL querying's.
    await user.click((await screen.findAllByRole('option', { name: '4 Advanced', hidden: true }))[0]!);
    await user.click(screen.getByRole('button', { name: 'Remove Data visualisation' }));
    await user.click(screen.getByRole('button', { name: 'Save new version' }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const put = sent.find((s) => s.method === 'PUT')!;
    expect(put.url).toBe('/api/v1/orgs/harbor/roles/r1');
    expect(put.body).toEqual({
      name: 'Data analyst',
      description: 'Reads data.',
      skills: [{ skillId: 's-sql', level: 4, essential: true }],
    });
  });
});
