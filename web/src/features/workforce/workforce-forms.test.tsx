import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { ManagerAssessmentModal } from './assessment-modal';
import { ProgrammeAudience } from './programme-audience';
import { SelfAssessments } from './self-assessments';
import { TeamsPanel } from './teams-panel';

type Sent = { url: string; method: string; body: unknown };

/** Answers by URL (GET) or method + URL; records what was sent. */
function stubApi(answers: Record<string, unknown>) {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((url: string, init: RequestInit = {}) => {
      const method = init.method ?? 'GET';
      sent.push({ url, method, body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined });
      const answer = answers[`${method} ${url.split('?')[0]}`];
      if (answer === undefined) return Promise.resolve(new Response(null, { status: 204 }));
      return Promise.resolve(new Response(JSON.stringify(answer), { status: 200 }));
    }),
  );
  return sent;
}

const members = {
  items: [
    { userId: 'u-ana', name: 'Ana', email: 'ana@example.com', role: 'viewer' },
    { userId: 'u-ben', name: 'Ben', email: 'ben@example.com', role: 'viewer' },
  ],
};

describe('TeamsPanel', () => {
  it('shows the empty state, then creates a team with members', async () => {
    const sent = stubApi({
      'GET /api/v1/orgs/harbor/teams': { items: [] },
      'GET /api/v1/orgs/harbor/members': members,
      'POST /api/v1/orgs/harbor/teams': { id: 't1', name: 'Night shift', memberCount: 1 },
    });
    const user = userEvent.setup();
    renderWithProviders(<TeamsPanel slug="harbor" />);
    expect(await screen.findByText('No teams yet')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'New team' }));
    const dialog = await screen.findByRole('dialog', { name: 'New team' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Team name' }), 'Night shift');
    await user.click(within(dialog).getByRole('textbox', { name: 'Members' }));
    await user.click(await screen.findByRole('option', { name: 'Ana (ana@example.com)', hidden: true }));
    await user.click(within(dialog).getByRole('button', { name: 'Create team' }));
    await waitFor(() => expect(sent.some((s) => s.method === 'POST')).toBe(true));
    expect(sent.find((s) => s.method === 'POST')!.body).toEqual({ name: 'Night shift', userIds: ['u-ana'] });
  });

  it("adds and removes a team's members", async () => {
    const sent = stubApi({
      'GET /api/v1/orgs/harbor/teams': { items: [{ id: 't1', name: 'Night shift', memberCount: 1 }] },
      'GET /api/v1/orgs/harbor/members': members,
      'GET /api/v1/orgs/harbor/teams/t1': {
        id: 't1',
        name: 'Night shift',
        memberCount: 1,
        members: [{ userId: 'u-ana', name: 'Ana', email: 'ana@example.com' }],
      },
      'PUT /api/v1/orgs/harbor/teams/t1/members': { id: 't1', name: 'Night shift', memberCount: 1, members: [] },
    });
    const user = userEvent.setup();
    renderWithProviders(<TeamsPanel slug="harbor" />);
    await user.click(await screen.findByRole('button', { name: 'Members of Night shift' }));
    const dialog = await screen.findByRole('dialog', { name: 'Members of Night shift' });
    const input = await within(dialog).findByRole('textbox', { name: 'Members' });
    await user.click(input);
    await user.click(await screen.findByRole('option', { name: 'Ben (ben@example.com)', hidden: true }));
    // Choosing a chosen member again takes them out of the team.
    await user.click(await screen.findByRole('option', { name: 'Ana (ana@example.com)', hidden: true }));
    await user.click(within(dialog).getByRole('button', { name: 'Save members' }));
    await waitFor(() => expect(sent.some((s) => s.method === 'PUT')).toBe(true));
    expect(sent.find((s) => s.method === 'PUT')!.body).toEqual({ userIds: ['u-ben'] });
  });
});

describe('assessments, always labelled as such', () => {
  it('a member rates a skill for their employer and sees it listed as self-assessed', async () => {
    const sent = stubApi({
      'GET /api/v1/me/assessments/harbor': {
        items: [{ skillId: 's1', name: 'SQL querying', level: 2, assessedAt: '2026-12-01T00:00:00.000Z' }],
      },
      'GET /api/v1/skills': { items: [{ id: 's2', name: 'Forklift driving' }] },
    });
    const user = userEvent.setup();
    renderWithProviders(<SelfAssessments orgSlug="harbor" orgName="Harbor Logistics" />);
    expect(await screen.findByText('2 Working (self-assessed)')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Skill to rate' }), 'fork');
    await user.click(await screen.findByRole('option', { name: 'Forklift driving', hidden: true }));
    await user.click(screen.getByRole('textbox', { name: 'Your level' }));
    await user.click(await screen.findByRole('option', { name: '3 Practitioner', hidden: true }));
    await user.click(screen.getByRole('button', { name: 'Save self-assessment' }));
    await waitFor(() => expect(sent.some((s) => s.method === 'PUT')).toBe(true));
    const put = sent.find((s) => s.method === 'PUT')!;
    expect(put.url).toBe('/api/v1/me/assessments/harbor');
    expect(put.body).toEqual({ skillId: 's2', level: 3 });
  });

  it("a manager records a member's level, labelled manager-assessed", async () => {
    const sent = stubApi({});
    const onClose = vi.fn();
    const user = userEvent.setup();
    renderWithProviders(
      <ManagerAssessmentModal
        slug="harbor"
        opened
        onClose={onClose}
        people={[{ userId: 'u-ana', name: 'Ana' }]}
        skills={[{ skillId: 's1', name: 'SQL querying' }]}
      />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Manager assessment' });
    expect(within(dialog).getByText(/never closes a gap by itself/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Record manager assessment' }));
    expect(await within(dialog).findByText('Choose a person')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('textbox', { name: 'Person' }));
    await user.click(await screen.findByRole('option', { name: 'Ana', hidden: true }));
    await user.click(within(dialog).getByRole('textbox', { name: 'Skill' }));
    await user.click(await screen.findByRole('option', { name: 'SQL querying', hidden: true }));
    await user.click(within(dialog).getByRole('textbox', { name: 'Manager-assessed level' }));
    await user.click(await screen.findByRole('option', { name: '4 Advanced', hidden: true }));
    await user.click(within(dialog).getByRole('button', { name: 'Record manager assessment' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const put = sent.find((s) => s.method === 'PUT')!;
    expect(put.url).toBe('/api/v1/orgs/harbor/members/u-ana/assessments');
    expect(put.body).toEqual({ skillId: 's1', level: 4 });
  });
});

describe('ProgrammeAudience', () => {
  it('makes a draft programme private to one employer (commissioned training)', async () => {
    const sent = stubApi({
      'GET /api/v1/orgs/northwind/microcredentials/m1/audience': {
        microcredentialId: 'm1',
        audience: null,
        canChange: true,
      },
      'PUT /api/v1/orgs/northwind/microcredentials/m1/audience': {
        microcredentialId: 'm1',
        audience: { slug: 'harbor-logistics', name: 'Harbor Logistics' },
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<ProgrammeAudience orgSlug="northwind" microcredentialId="m1" />);
    expect(await screen.findByText('Public')).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Make it private to an employer' }), 'harbor-logistics');
    await user.click(screen.getByRole('button', { name: 'Make private' }));
    await waitFor(() => expect(sent.some((s) => s.method === 'PUT')).toBe(true));
    expect(sent.find((s) => s.method === 'PUT')!.body).toEqual({ employerSlug: 'harbor-logistics' });
  });

  it('says the audience cannot change once published', async () => {
    stubApi({
      'GET /api/v1/orgs/northwind/microcredentials/m1/audience': {
        microcredentialId: 'm1',
        audience: { slug: 'harbor-logistics', name: 'Harbor Logistics' },
        canChange: false,
      },
    });
    renderWithProviders(<ProgrammeAudience orgSlug="northwind" microcredentialId="m1" />);
    expect(await screen.findByText('Private to Harbor Logistics')).toBeInTheDocument();
    expect(screen.getByText('The audience of a published programme cannot change.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Make private' })).toBeNull();
  });
});
