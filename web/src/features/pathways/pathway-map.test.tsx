import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test/render';
import { PathwayMap } from './pathway-map';
import type { MapNode, PathwayMapData } from './pathways-types';

const programme = (slug: string) => ({
  slug,
  effortHours: 6,
  durationWeeks: 2,
  costMinor: 4900,
  currency: 'EUR',
  cpdHours: 5,
});
const leaf = (id: string, parentId: string, name: string, extra: Partial<MapNode> = {}): MapNode => ({
  id,
  kind: 'achievement',
  label: name,
  parentId,
  depth: 2,
  recommendedPosition: null,
  achievement: {
    kind: 'microcredential',
    id: `mc-${id}`,
    name,
    provider: { slug: 'northwind', name: 'Northwind Academy' },
    programme: programme(id),
  },
  ...extra,
});

const map: PathwayMapData = {
  nodes: [
    {
      id: 'root',
      kind: 'qualification',
      label: 'Data Analyst Certificate',
      parentId: null,
      depth: 0,
      recommendedPosition: null,
    },
    { id: 'core', kind: 'all', label: 'All of 2', parentId: 'root', depth: 1, recommendedPosition: null },
    leaf('sql', 'core', 'SQL basics'),
    {
      id: 'pick',
      kind: 'atLeast',
      label: 'Electives',
      parentId: 'core',
      depth: 2,
      n: 2,
      of: 3,
      recommendedPosition: null,
    },
    leaf('viz', 'pick', 'Charts'),
    leaf('stats', 'pick', 'Statistics'),
    leaf('ext', 'pick', 'Open data badge', {
      achievement: {
        kind: 'external',
        id: 'https://elsewhere.example/achievements/1',
        name: 'Open data badge',
        provider: null,
        issuerDids: ['did:web:elsewhere.example'],
        programme: null,
      },
    }),
  ],
  edges: [],
};

describe('PathwayMap', () => {
  it('labels an n-of group and links achievements on Cairn to their programme page', () => {
    renderWithProviders(<PathwayMap map={map} />);
    expect(screen.getByText('Data Analyst Certificate')).toBeInTheDocument();
    const electives = screen.getByRole('listitem', { name: '2 of 3: Electives' });
    expect(within(electives).getByText('2 of 3')).toBeInTheDocument();
    expect(screen.getByRole('listitem', { name: 'All of' })).toBeInTheDocument();
    expect(within(electives).getByRole('link', { name: 'Charts' })).toHaveAttribute('href', '/catalog/northwind/viz');
    expect(screen.getByRole('link', { name: 'SQL basics' })).toHaveAttribute('href', '/catalog/northwind/sql');
    // An achievement earned outside Cairn is named, not linked.
    expect(within(electives).getByText('Open data badge')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Open data badge' })).toBeNull();
  });

  it('marks each stone done or to do in words on a learner map', () => {
    renderWithProviders(
      <PathwayMap
        map={map}
        statuses={{
          root: { isSatisfied: false, done: 1, required: 2, counted: [] },
          sql: { isSatisfied: true, done: 1, required: 1, counted: ['c1'] },
          viz: { isSatisfied: false, done: 0, required: 1, counted: [] },
        }}
      />,
    );
    expect(screen.getByText('Done')).toBeInTheDocument();
    expect(screen.getByText('To do · 1 of 2')).toBeInTheDocument();
  });
});
