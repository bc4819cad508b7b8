import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import type { PathwayForEditor } from '../features/pathways/pathway-editor-api';
import { problemResponse, TestProviders } from '../test/render';
import PathwayEditorPage from './pathway-editor';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

const draftTree = {
  id: 'r1',
  type: 'all',
  children: [
    { id: 'r2', type: 'achievement', ref: { kind: 'microcredential', microcredentialId: A } },
    {
      id: 'r3',
      type: 'atLeast',
      n: 2,
      title: 'Electives',
      children: [
        { id: 'r4', type: 'achievement', ref: { kind: 'microcredential', microcredentialId: B } },
        {
          id: 'r5',
          type: 'achievement',
          ref: {
            kind: 'external',
            achievementId: 'https://badges.example/a/1',
            issuerDids: ['did:key:z6Mkabc'],
            name: 'Open Data',
          },
        },
      ],
    },
  ],
};

const pathway: PathwayForEditor = {
  id: 'p1',
  slug: 'data-practitioner',
  provider: { slug: 'acme', name: 'Acme Academy' },
  createdAt: '2026-01-01T00:00:00Z',
  learners: { total: 0, awarded: 0 },
  versions: [
    {
      id: 'v1',
      versionNumber: 1,
      status: 'draft',
      name: 'Data Practitioner',
      description: '',
      achievementType: 'Certificate',
      criteriaNarrative: '',
      imageUrl: null,
      tree: draftTree as PathwayForEditor['versions'][number]['tree'],
      recommendedOrder: [],
      achievement: null,
      publishedAt: null,
      updatedAt: '2026-01-01T00:00:00Z',
    },
  ],
};

const json = (body: unknown, status = 200) => Promise.resolve(new Response(JSON.stringify(body), { status }));
const item = (id: string, title: string, provider: string) => ({
  id,
  title,
  slug: title.toLowerCase(),
  provider: { slug: provider.toLowerCase(), name: provider },
});

const urlOf = (input: RequestInfo | URL) =>
  typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;

type Handler = (url: string, init: RequestInit | undefined) => Promise<Response> | undefined;

function stubApi(handler: Handler) {
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = urlOf(input);
    const answer = handler(url, init);
    if (answer) return answer;
    if (url === '/api/v1/orgs/acme')
      return json({
        id: 'o1',
        slug: 'acme',
        did: 'did:web:x',
        name: 'Acme Academy',
        roles: ['provider'],
        myRole: 'owner',
      });
    if (url === '/api/v1/orgs/acme/pathways/p1') return json(pathway);
    if (url.startsWith('/api/v1/catalog/programmes?'))
      return json({ items: [item(A, 'SQL Basics', 'Acme Academy'), item(B, 'Charts', 'River College')] });
    if (url.startsWith('/api/v1/orgs/acme/pathways/validate')) return json({ valid: true, errors: [] });
    return json({ items: [] });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderEditor() {
  const router = createMemoryRouter([{ path: '/o/:slug/pathways/:id', element: <PathwayEditorPage /> }], {
    initialEntries: ['/o/acme/pathways/p1'],
  });
  return render(
    <TestProviders>
      <RouterProvider router={router} />
    </TestProviders>,
  );
}

/**
 * A requirement's card by its name. `findByLabelText` reads the `aria-label` directly; a page-wide
 * `findByRole` recomputes the role, name and visibility of every element on each DOM change while
 * the editor loads, which on a busy machine outlasted any sensible wait.
 */
const findRequirement = (name: string) => screen.findByLabelText(name, { selector: 'li' });
const getRequirement = (name: string) => screen.getByLabelText(name, { selector: 'li' });

const bodyOf = (fetchMock: ReturnType<typeof stubApi>, method: string, suffix: string) => {
  const call = fetchMock.mock.calls.find(([input, init]) => init?.method === method && urlOf(input).endsWith(suffix));
  const body = call?.[1]?.body;
  return typeof body === 'string' ? (JSON.parse(body) as Record<string, unknown>) : undefined;
};

describe('pathway editor', () => {
  it('shows the server’s check next to the requirement it names, and in the list of problems', async () => {
    stubApi((url) =>
      url.endsWith('/pathways/validate')
        ? json({
            valid: false,
            errors: [
              {
                field: 'tree.children.1.children.0.ref.microcredentialId',
                message: 'No published micro-credential on Cairn has this id.',
              },
            ],
          })
        : undefined,
    );
    renderEditor();

    const charts = await findRequirement('Charts');
    await waitFor(() =>
      expect(within(charts).getByRole('textbox', { name: 'Micro-credential' })).toHaveAttribute('aria-invalid', 'true'),
    );
    expect(within(charts).getByText('No published micro-credential on Cairn has this id.')).toBeInTheDocument();
    const checks = screen.getByRole('region', { name: 'Checks' });
    expect(within(checks).getByText('1 problem to fix')).toBeInTheDocument();
    expect(within(checks).getByRole('button', { name: 'Charts' })).toBeInTheDocument();
    // The other requirements are not marked.
    expect(within(getRequirement('SQL Basics')).getByRole('textbox', { name: 'Micro-credential' })).not.toHaveAttribute(
      'aria-invalid',
      'true',
    );
  });

  it('saves the rearranged tree in the API’s shape, and puts a refusal’s errors on their requirement', async () => {
    let isRefused = false;
    const fetchMock = stubApi((url, init) => {
      if (init?.method !== 'PUT') return undefined;
      if (isRefused) {
        return Promise.resolve(
          problemResponse(400, {
            title: 'Validation failed',
            code: 'validation_failed',
            detail: 'This pathway cannot be saved as it is: Asks for 2 of 1 requirements.',
            errors: [{ field: 'tree.children.0.n', message: 'Asks for 2 of 1 requirements: it can never be met.' }],
          }),
        );
      }
      isRefused = true;
      return json(pathway);
    });
    const user = userEvent.setup();
    renderEditor();

    const open = await findRequirement('Open Data');
    await user.click(within(open).getByRole('button', { name: 'Move out of this group: Open Data' }));
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(bodyOf(fetchMock, 'PUT', '/pathways/p1/draft')).toBeDefined());
    expect(bodyOf(fetchMock, 'PUT', '/pathways/p1/draft')).toEqual({
      name: 'Data Practitioner',
      description: '',
      achievementType: 'Certificate',
      criteriaNarrative: '',
      imageUrl: null,
      recommendedOrder: [],
      tree: {
        id: 'r1',
        type: 'all',
        children: [
          draftTree.children[0],
          // The n-of group lost a requirement: n follows.
          { id: 'r3', type: 'atLeast', n: 1, title: 'Electives', children: [draftTree.children[1]!.children![0]] },
          draftTree.children[1]!.children![1],
        ],
      },
    });
    expect(await screen.findByRole('button', { name: 'Saved' })).toBeDisabled();

    // Removing the first requirement, then saving: the server's refusal lands on the group it names.
    await user.click(within(getRequirement('SQL Basics')).getByRole('button', { name: 'Remove: SQL Basics' }));
    await user.click(screen.getByRole('button', { name: 'Save draft' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This pathway cannot be saved as it is');
    const electives = getRequirement('At least 1 of 1: Electives');
    expect(within(electives).getByRole('textbox', { name: 'How many are needed' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
  });

  it('asks before publishing, saying the version is frozen and learners keep theirs', async () => {
    const fetchMock = stubApi((url, init) =>
      init?.method === 'POST' && url.endsWith('/pathways/p1/publish')
        ? json({
            ...pathway,
            versions: [{ ...pathway.versions[0]!, status: 'published', publishedAt: '2026-01-02T00:00:00Z' }],
          })
        : undefined,
    );
    const user = userEvent.setup();
    renderEditor();

    await findRequirement('Charts');
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    const dialog = await screen.findByRole('dialog', { name: 'Publish version 1?' });
    expect(dialog).toHaveTextContent('Publishing freezes this version');
    expect(dialog).toHaveTextContent('Learners already on an earlier version keep theirs');
    expect(fetchMock.mock.calls.some(([input]) => urlOf(input).endsWith('/publish'))).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Publish' }));
    expect(await screen.findByText('Version 1 published', { selector: '.mantine-Badge-label' })).toBeInTheDocument();
    // Nothing had changed: it was published as saved.
    expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'PUT')).toBe(false);

    // Its history keeps the map of each version.
    await user.click(screen.getByRole('button', { name: 'See the map of version 1' }));
    const version = await screen.findByRole('dialog', { name: 'Version 1: Data Practitioner' });
    expect(await within(version).findByText('SQL Basics')).toBeInTheDocument();
    expect(within(version).getByRole('listitem', { name: '2 of 2: Electives' })).toHaveTextContent('Open Data');
  });
});
