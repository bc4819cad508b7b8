import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { GapHeatMap } from './gap-heat-map';
import type { RoleGaps } from './workforce-api';

const gaps: RoleGaps = {
  role: {
    id: 'r1',
    name: 'Data analyst',
    version: 1,
    skills: [
      { skillId: 's1', name: 'SQL querying', level: 3, essential: true },
      { skillId: 's2', name: 'Data visualisation', level: 2, essential: false },
    ],
  },
  members: [
    {
      userId: 'u1',
      name: 'Ana',
      skills: [
        {
          skillId: 's1',
          required: 3,
          essential: true,
          verified: 4,
          selfAssessed: null,
          managerAssessed: null,
          status: 'met',
          expiresAt: '2027-01-10T00:00:00.000Z',
        },
        {
          skillId: 's2',
          required: 2,
          essential: false,
          verified: null,
          selfAssessed: 5,
          managerAssessed: null,
          status: 'missing',
          expiresAt: null,
        },
      ],
    },
  ],
  summary: { members: 1, requirements: 2, met: 1, metPercent: 50, expiring: 1 },
};

describe('GapHeatMap', () => {
  it('says each status in words, with verified and (apart) assessed levels and expiry', () => {
    renderWithProviders(
      <>
        <h1 id="h">Gaps: Data analyst</h1>
        <GapHeatMap gaps={gaps} labelledBy="h" />
      </>,
    );
    const table = screen.getByRole('table', { name: 'Gaps: Data analyst' });
    const row = within(table).getByRole('row', { name: /Ana/ });
    const cells = within(row)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells[0]).toContain('Met · verified 4');
    expect(cells[0]).toContain('Expires 10 Jan 2027');
    expect(cells[1]).toContain('Missing');
    expect(cells[1]).toContain('self 5 (not verified)');
  });
});
