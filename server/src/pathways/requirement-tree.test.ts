import { describe, expect, it } from 'vitest';
import { cheapestAndShortestCompletion, type CatalogueOffer } from './completion-plan.js';
import {
  checkTreeShape,
  evaluatePathway,
  targetsOf,
  type HeldCredential,
  type RequirementNode,
} from './requirement-tree.js';

const micro = (id: string, microcredentialId = id): RequirementNode => ({
  id,
  type: 'achievement',
  ref: { kind: 'microcredential', microcredentialId },
});
const held = (microcredentialId: string, extra: Partial<HeldCredential> = {}): HeldCredential => ({
  ref: `credential:${microcredentialId}`,
  name: microcredentialId,
  achievementId: `https://cairn.test/achievements/${microcredentialId}`,
  issuerDid: 'did:web:cairn.test:orgs:a',
  microcredentialId,
  cpdHours: 0,
  credits: 0,
  skillIds: [],
  ...extra,
});
const offer = (
  microcredentialId: string,
  costMinor: number,
  effortHours: number,
  extra: Partial<CatalogueOffer> = {},
): CatalogueOffer => ({
  microcredentialId,
  title: microcredentialId,
  providerName: 'P',
  costMinor,
  currency: costMinor > 0 ? 'EUR' : null,
  effortHours,
  durationWeeks: 2,
  cpdHours: 0,
  credits: 0,
  skillIds: [],
  ...extra,
});

// A: required; one of B, C, D (two needed); E from elsewhere.
const tree: RequirementNode = {
  id: 'root',
  type: 'all',
  children: [
    micro('a'),
    { id: 'pick', type: 'atLeast', n: 2, children: [micro('b'), micro('c'), micro('d')] },
    {
      id: 'ext',
      type: 'achievement',
      ref: { kind: 'external', achievementId: 'https://other.example/ach/1', issuerDids: ['did:key:z6MkOther'] },
    },
  ],
};

describe('checkTreeShape', () => {
  it('accepts a sound tree', () => {
    expect(checkTreeShape(tree, ['a', 'b'])).toEqual([]);
  });

  it('refuses n greater than the children, empty groups, duplicate ids and unknown order entries, by field path', () => {
    const bad: RequirementNode = {
      id: 'root',
      type: 'all',
      children: [
        { id: 'pick', type: 'atLeast', n: 4, children: [micro('b'), micro('c')] },
        { id: 'empty', type: 'all', children: [] },
        micro('b'),
        { id: 'cpd', type: 'minCpdHours', hours: 0 },
        { id: 'sk', type: 'skills', skillIds: ['s1'], minCount: 2 },
        { id: 'x', type: 'achievement', ref: { kind: 'external', achievementId: 'urn:x', issuerDids: [] } },
      ],
    };
    const fields = checkTreeShape(bad, ['nope']).map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'tree.children.0.n',
        'tree.children.1.children',
        'tree.children.2.id',
        'tree.children.3.hours',
        'tree.children.4.minCount',
        'tree.children.5.ref.issuerDids',
        'recommendedOrder.0',
      ]),
    );
    expect(checkTreeShape(bad).find((p) => p.field === 'tree.children.0.n')?.message).toMatch(/4 of 2/);
  });

  it('lists what a tree points at', () => {
    expect(targetsOf(tree)).toEqual({
      microcredentialIds: ['a', 'b', 'c', 'd'],
      pathwayIds: [],
      externalAchievementIds: ['https://other.example/ach/1'],
      skillIds: [],
      hasThresholds: false,
    });
  });
});

describe('evaluatePathway', () => {
  it('counts nothing for a newcomer', () => {
    const e = evaluatePathway(tree, []);
    expect(e).toMatchObject({ isSatisfied: false, done: 0, required: 4 });
    expect(e.remaining.find((r) => r.nodeId === 'pick')).toEqual({
      nodeId: 'pick',
      type: 'atLeast',
      need: 2,
      options: ['b', 'c', 'd'],
    });
  });

  it('counts the n children closest to done in an at-least group', () => {
    const e = evaluatePathway(tree, [held('a'), held('c')]);
    expect(e).toMatchObject({ isSatisfied: false, done: 2, required: 4 });
    expect(e.perNode.pick).toMatchObject({ isSatisfied: false, done: 1, required: 2 });
    expect(e.remaining.find((r) => r.nodeId === 'pick')).toMatchObject({ need: 1, options: ['b', 'd'] });
  });

  it('accepts an external achievement only from an accepted issuer', () => {
    const external = {
      ref: 'wallet:1',
      name: 'E',
      achievementId: 'https://other.example/ach/1',
      issuerDid: 'did:key:z6MkOther',
      cpdHours: 0,
      credits: 0,
      skillIds: [],
    };
    const all = [held('a'), held('b'), held('d')];
    expect(evaluatePathway(tree, [...all, { ...external, issuerDid: 'did:key:z6MkImpostor' }]).isSatisfied).toBe(false);
    const e = evaluatePathway(tree, [...all, external]);
    expect(e).toMatchObject({ isSatisfied: true, done: 4, required: 4 });
    expect(e.counted.sort()).toEqual(['credential:a', 'credential:b', 'credential:d', 'wallet:1']);
    expect(e.remaining).toEqual([]);
  });

  it('measures CPD hours, credits and skill coverage over every credential held', () => {
    const t: RequirementNode = {
      id: 'root',
      type: 'all',
      children: [
        { id: 'cpd', type: 'minCpdHours', hours: 20 },
        { id: 'cr', type: 'minCredits', credits: 5 },
        { id: 'sk', type: 'skills', skillIds: ['s1', 's2', 's3'], minCount: 2 },
      ],
    };
    const part = evaluatePathway(t, [held('x', { cpdHours: 12, skillIds: ['s1'] })]);
    expect(part.perNode.cpd).toMatchObject({ isSatisfied: false, amount: { have: 12, need: 20 } });
    expect(part.perNode.sk).toMatchObject({ done: 1, required: 2 });
    expect(part.remaining.find((r) => r.nodeId === 'cpd')?.need).toBe(8);
    const full = evaluatePathway(t, [
      held('x', { cpdHours: 12, skillIds: ['s1'] }),
      held('y', { cpdHours: 8, credits: 5, skillIds: ['s3'] }),
    ]);
    expect(full.isSatisfied).toBe(true);
  });

  it('recognises another pathway as a requirement', () => {
    const t: RequirementNode = {
      id: 'root',
      type: 'all',
      children: [{ id: 'p', type: 'achievement', ref: { kind: 'pathway', pathwayId: 'pw1' } }],
    };
    expect(evaluatePathway(t, [held('m', { pathwayId: 'pw1', microcredentialId: null })]).isSatisfied).toBe(true);
  });
});

describe('cheapestAndShortestCompletion', () => {
  const localTree: RequirementNode = {
    id: 'root',
    type: 'all',
    children: [micro('a'), { id: 'pick', type: 'atLeast', n: 2, children: [micro('b'), micro('c'), micro('d')] }],
  };
  const offers = [
    offer('a', 10000, 10),
    offer('b', 5000, 40),
    offer('c', 20000, 5),
    offer('d', 8000, 8),
    offer('z', 100, 1),
  ];

  it('finds the cheapest and the shortest sets separately', () => {
    const plan = cheapestAndShortestCompletion(localTree, [], offers);
    expect(plan.isExact).toBe(true);
    expect(plan.cheapest!.offers.map((o) => o.microcredentialId).sort()).toEqual(['a', 'b', 'd']);
    expect(plan.cheapest).toMatchObject({
      costMinor: 23000,
      effortHours: 58,
      cost: [{ currency: 'EUR', amountMinor: 23000 }],
    });
    expect(plan.shortest!.offers.map((o) => o.microcredentialId).sort()).toEqual(['a', 'c', 'd']);
    expect(plan.shortest!.effortHours).toBe(23);
  });

  it('plans only what is left and says when nothing on Cairn can finish it', () => {
    const plan = cheapestAndShortestCompletion(localTree, [held('a'), held('c')], offers);
    expect(plan.cheapest!.offers.map((o) => o.microcredentialId)).toEqual(['b']);
    expect(plan.shortest!.offers.map((o) => o.microcredentialId)).toEqual(['d']);
    const stuck = cheapestAndShortestCompletion(tree, [], offers);
    expect(stuck.cheapest).toBeNull();
    expect(stuck.unreachableNodeIds).toEqual(['ext']);
    expect(cheapestAndShortestCompletion(localTree, [held('a'), held('b'), held('c')], offers)).toMatchObject({
      isSatisfied: true,
      cheapest: { costMinor: 0, offers: [] },
    });
  });

  it('falls back to a greedy plan over many programmes for a CPD minimum', () => {
    const many = Array.from({ length: 30 }, (_, i) => offer(`m${i}`, 1000 * (i + 1), 30 - i, { cpdHours: 5 }));
    const t: RequirementNode = { id: 'root', type: 'all', children: [{ id: 'cpd', type: 'minCpdHours', hours: 15 }] };
    const plan = cheapestAndShortestCompletion(t, [], many);
    expect(plan.cheapest!.offers).toHaveLength(3);
    expect(plan.cheapest!.costMinor).toBe(6000);
    expect(plan.shortest!.effortHours).toBe(1 + 2 + 3);
  });
});
