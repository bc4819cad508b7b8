import { describe, expect, it } from 'vitest';
import {
  createNode,
  fromApiTree,
  insertChild,
  mergeProblems,
  moveNode,
  newNodeId,
  nodeAt,
  nodeLabel,
  pathOf,
  placeProblems,
  possibleMoves,
  prepareInput,
  pruneOrder,
  removeAt,
  setGroupType,
  toPreviewMap,
  type ApiNode,
  type DraftNode,
} from './pathway-tree';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const C = '33333333-3333-4333-8333-333333333333';

const micro = (id: string, mcId: string): DraftNode => ({
  id,
  type: 'achievement',
  title: '',
  ref: { kind: 'microcredential', microcredentialId: mcId },
});

/** All of [a, b, At least 2 of [c, d, e]] */
function sample(): DraftNode {
  return {
    id: 'root',
    type: 'all',
    title: '',
    children: [
      micro('a', A),
      micro('b', B),
      {
        id: 'pick',
        type: 'atLeast',
        n: 2,
        title: 'Electives',
        children: [
          micro('c', C),
          { id: 'd', type: 'minCpdHours', title: '', hours: 10 },
          { id: 'e', type: 'minCredits', title: '', credits: 5 },
        ],
      },
    ],
  };
}

const details = {
  name: ' Data Practitioner ',
  description: '',
  achievementType: 'Certificate',
  criteriaNarrative: '',
  imageUrl: '',
};
const ids = (node: DraftNode | undefined): string[] =>
  node && 'children' in node ? node.children.map((c) => c.id) : [];

describe('editing the tree', () => {
  it('adds a requirement to a nested group and names it with a fresh id', () => {
    const tree = sample();
    const id = newNodeId(tree);
    expect(id).toBe('r1');
    const next = insertChild(tree, [2], createNode('external', id));
    expect(ids(nodeAt(next, [2]))).toEqual(['c', 'd', 'e', 'r1']);
    expect(newNodeId(next)).toBe('r2');
    // The tree it came from is untouched.
    expect(ids(nodeAt(tree, [2]))).toEqual(['c', 'd', 'e']);
  });

  it('removes a requirement and lowers an n-of group to what it still holds', () => {
    let tree = removeAt(sample(), [2, 0]);
    expect(nodeAt(tree, [2])).toMatchObject({ n: 2, children: [{ id: 'd' }, { id: 'e' }] });
    tree = removeAt(tree, [2, 0]);
    expect(nodeAt(tree, [2])).toMatchObject({ n: 1, children: [{ id: 'e' }] });
    expect(() => removeAt(tree, [])).toThrow(RangeError);
  });

  it('moves up and down among siblings, into the group above and out of a group', () => {
    const tree = sample();
    expect(possibleMoves(tree, [0])).toEqual({ up: false, down: true, in: false, out: false });
    expect(possibleMoves(tree, [2, 0])).toEqual({ up: false, down: true, in: false, out: true });

    const down = moveNode(tree, [0], 'down')!;
    expect(ids(down.tree)).toEqual(['b', 'a', 'pick']);
    expect(down.path).toEqual([1]);
    expect(moveNode(tree, [0], 'up')).toBeNull();

    const out = moveNode(tree, [2, 1], 'out')!;
    expect(ids(out.tree)).toEqual(['a', 'b', 'pick', 'd']);
    expect(out.path).toEqual([3]);
    expect(ids(nodeAt(out.tree, [2]))).toEqual(['c', 'e']);

    const into = moveNode(out.tree, [3], 'in')!;
    expect(ids(nodeAt(into.tree, [2]))).toEqual(['c', 'e', 'd']);
    expect(into.path).toEqual([2, 2]);
    expect(pathOf(into.tree, 'd')).toEqual([2, 2]);
  });

  it('switches a group between all-of and at-least-n, keeping its requirements', () => {
    const tree = setGroupType(sample(), [], 'atLeast');
    expect(tree).toMatchObject({ type: 'atLeast', n: 2, children: [{ id: 'a' }, { id: 'b' }, { id: 'pick' }] });
    expect(setGroupType(tree, [], 'all')).toMatchObject({
      type: 'all',
      children: [{ id: 'a' }, { id: 'b' }, { id: 'pick' }],
    });
    expect(setGroupType(tree, [], 'all')).not.toHaveProperty('n');
  });

  it('keeps the recommended order to requirements that exist, once each', () => {
    expect(pruneOrder(removeAt(sample(), [1]), ['b', 'a', 'c', 'a', 'gone'])).toEqual(['a', 'c']);
  });
});

describe('to and from the API', () => {
  it('round-trips a saved tree, trimming titles and names and dropping empty ones', () => {
    const saved: ApiNode = {
      id: 'r1',
      type: 'all',
      children: [
        {
          id: 'r2',
          type: 'achievement',
          ref: { kind: 'external', achievementId: 'https://badges.example/a/1', issuerDids: ['did:key:z6Mkabc'] },
        },
        { id: 'r3', type: 'skills', title: 'Core skills', skillIds: [A, A, B], minCount: 1 },
      ],
    };
    const draft = fromApiTree(saved);
    expect(draft).toMatchObject({ children: [{ ref: { name: '' } }, { minCount: 1 }] });
    const { input, isComplete } = prepareInput(details, draft, ['r3']);
    expect(isComplete).toBe(true);
    expect(input).toEqual({
      name: 'Data Practitioner',
      description: '',
      achievementType: 'Certificate',
      criteriaNarrative: '',
      imageUrl: null,
      recommendedOrder: ['r3'],
      tree: {
        ...saved,
        children: [
          saved.children[0],
          { id: 'r3', type: 'skills', title: 'Core skills', skillIds: [A, B], minCount: 1 },
        ],
      },
    });
  });

  it('puts a top-level leaf in an "All of" group and names unnamed nodes', () => {
    const draft = fromApiTree({ type: 'minCpdHours', hours: 20 });
    expect(draft).toMatchObject({ type: 'all', children: [{ type: 'minCpdHours', hours: 20, id: 'r1' }] });
    expect(draft.id).toBe('r2');
  });

  it('leaves requirements still being filled in out of what is sent, and says why', () => {
    const tree = insertChild(
      insertChild(sample(), [2], createNode('microcredential', 'new')),
      [],
      createNode('atLeast', 'g'),
    );
    const withBadDid = insertChild(tree, [], {
      id: 'x',
      type: 'achievement',
      title: '',
      ref: { kind: 'external', achievementId: 'https://e.example/1', issuerDids: ['not-a-did'], name: '' },
    });
    const { input, local, isComplete, partialGroups } = prepareInput(details, withBadDid, ['new', 'a']);
    expect(isComplete).toBe(false);
    expect(local).toEqual({
      g: [{ field: 'children', message: expect.stringContaining('empty'), isMissing: true }],
      new: [{ field: 'ref.microcredentialId', message: 'Choose a micro-credential.', isMissing: true }],
      x: [{ field: 'ref.issuerDids.0', message: expect.stringContaining('not a DID') }],
    });
    expect(ids(nodeAt(fromApiTree(input.tree), [2]))).toEqual(['c', 'd', 'e']);
    expect(input.tree).toMatchObject({
      children: [{ id: 'a' }, { id: 'b' }, { id: 'pick' }, { id: 'g', n: 1, children: [] }],
    });
    expect(input.recommendedOrder).toEqual(['a']);
    expect([...partialGroups].sort()).toEqual(['g', 'pick', 'root']);
  });
});

describe('placing the server’s errors', () => {
  it('puts each error on the requirement it names, through the tree that was sent', () => {
    const tree = sample();
    const { input } = prepareInput(details, tree, []);
    const placed = placeProblems(
      [
        { field: 'tree.children.2.n', message: 'Asks for 4 of 3' },
        { field: 'tree.children.2.children.0.ref.microcredentialId', message: 'No published micro-credential' },
        { field: 'tree.children', message: 'Too many' },
        { field: 'name', message: 'Required' },
        { field: 'recommendedOrder.0', message: 'No requirement has the id "zz".' },
      ],
      input.tree,
    );
    expect(placed.byNode).toEqual({
      pick: [{ field: 'n', message: 'Asks for 4 of 3' }],
      c: [{ field: 'ref.microcredentialId', message: 'No published micro-credential' }],
      root: [{ field: 'children', message: 'Too many' }],
    });
    expect(placed.other.map((o) => o.field)).toEqual(['name', 'recommendedOrder.0']);

    // Moved out of its group after the check: errors are kept by id, so they follow it.
    const moved = moveNode(tree, [2, 0], 'out')!.tree;
    expect(nodeAt(moved, pathOf(moved, 'c')!)).toMatchObject({ ref: { microcredentialId: C } });
    expect(pathOf(moved, 'c')).toEqual([3]);
  });

  it('ignores counts of groups that lost a requirement still being filled in, and merges the editor’s problems first', () => {
    const tree = insertChild(sample(), [2], createNode('pathway', 'p'));
    const { input, local, partialGroups } = prepareInput(details, tree, []);
    const placed = placeProblems(
      [
        { field: 'tree.children.2.n', message: 'Asks for 2 of 1' },
        { field: 'tree.children.0.ref.microcredentialId', message: 'Unknown' },
      ],
      input.tree,
      partialGroups,
    );
    expect(placed.byNode).toEqual({ a: [{ field: 'ref.microcredentialId', message: 'Unknown' }] });
    expect(mergeProblems(local, placed.byNode, { p: [{ field: 'ref.pathwayId', message: 'duplicate' }] })).toEqual({
      p: [{ field: 'ref.pathwayId', message: 'Choose a pathway.', isMissing: true }],
      a: [{ field: 'ref.microcredentialId', message: 'Unknown' }],
    });
  });
});

describe('words and the preview', () => {
  it('names requirements in plain words', () => {
    const names = { [`microcredential:${A}`]: { name: 'SQL Basics', provider: { slug: 'north', name: 'Northwind' } } };
    expect(nodeLabel(sample(), names)).toBe('All of');
    expect(nodeLabel(nodeAt(sample(), [2])!, names)).toBe('At least 2 of 3: Electives');
    expect(nodeLabel(nodeAt(sample(), [0])!, names)).toBe('SQL Basics');
    expect(nodeLabel(createNode('microcredential', 'x'), names)).toBe('Micro-credential (not chosen yet)');
    expect(nodeLabel({ id: 's', type: 'skills', title: '', skillIds: [A, B], minCount: null }, names)).toBe(
      'Covers 2 of 2 skills',
    );
  });

  it('draws the draft as the public map does: groups, stones with providers, numbered steps', () => {
    const names = { [`microcredential:${B}`]: { name: 'Charts', provider: { slug: 'summit', name: 'Summit Skills' } } };
    const map = toPreviewMap(sample(), names, 'Data Practitioner', ['b', 'd']);
    expect(map.nodes[0]).toMatchObject({ id: 'qualification', kind: 'qualification', label: 'Data Practitioner' });
    expect(map.nodes.find((n) => n.id === 'root')).toMatchObject({
      kind: 'all',
      parentId: 'qualification',
      label: 'All of 3',
    });
    expect(map.nodes.find((n) => n.id === 'pick')).toMatchObject({
      kind: 'atLeast',
      n: 2,
      of: 3,
      label: 'Electives',
      parentId: 'root',
    });
    expect(map.nodes.find((n) => n.id === 'b')).toMatchObject({
      recommendedPosition: 1,
      achievement: { name: 'Charts', provider: { name: 'Summit Skills' }, programme: null },
    });
    expect(map.nodes.find((n) => n.id === 'd')).toMatchObject({
      kind: 'minCpdHours',
      amount: 10,
      recommendedPosition: 2,
      parentId: 'pick',
    });
    expect(map.edges).toContainEqual({ from: 'b', to: 'd', kind: 'then' });
    // A programme not chosen yet is a plain stone: nothing to say about its provider.
    const unchosen = toPreviewMap(insertChild(sample(), [], createNode('microcredential', 'new')), names, 'X', []);
    expect(unchosen.nodes.find((n) => n.id === 'new')).toEqual(
      expect.objectContaining({ label: 'Micro-credential (not chosen yet)' }),
    );
    expect(unchosen.nodes.find((n) => n.id === 'new')).not.toHaveProperty('achievement');
  });
});
