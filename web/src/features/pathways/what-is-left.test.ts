import { describe, expect, it } from 'vitest';
import type { MapNode } from './pathways-types';
import { whatIsLeft } from './what-is-left';

const node = (id: string, kind: MapNode['kind'], label: string, parentId: string | null): MapNode => ({
  id,
  kind,
  label,
  parentId,
  depth: 0,
  recommendedPosition: null,
});

describe('whatIsLeft', () => {
  it('lists an n-of group once with its options by name, and drops all-of groups', () => {
    const map = {
      nodes: [
        node('qualification', 'qualification', 'Certificate', null),
        node('root', 'all', 'All of 2', 'qualification'),
        node('basics', 'achievement', 'Secure Coding Basics', 'root'),
        node('elective', 'atLeast', 'One delivery elective', 'root'),
        node('agile', 'achievement', 'Agile Delivery', 'elective'),
        node('cloud', 'achievement', 'Cloud Cost', 'elective'),
      ],
      edges: [],
    };
    const remaining = [
      { nodeId: 'basics', type: 'achievement', label: 'Secure Coding Basics', need: 1, options: [] },
      { nodeId: 'agile', type: 'achievement', label: 'Agile Delivery', need: 1, options: [] },
      { nodeId: 'cloud', type: 'achievement', label: 'Cloud Cost', need: 1, options: [] },
      { nodeId: 'elective', type: 'atLeast', label: 'One delivery elective', need: 1, options: ['agile', 'cloud'] },
      { nodeId: 'root', type: 'all', label: 'All of 2', need: 2, options: ['basics', 'elective'] },
    ];
    expect(whatIsLeft({ map, remaining })).toEqual([
      { nodeId: 'basics', text: 'Secure Coding Basics', options: [] },
      { nodeId: 'elective', text: 'One delivery elective: choose 1 more', options: ['Agile Delivery', 'Cloud Cost'] },
    ]);
  });
});
