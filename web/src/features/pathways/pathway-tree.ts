/**
 * The pathway editor's requirement tree: editing operations by path, the conversion to and
 * from the API's shape, the editor's own checks, and where the server's field errors belong.
 * Pure: no React, no requests. The API shape is in server/src/pathways/pathways.schemas.ts.
 */
import type { Body, components } from '../../api/types';
import type { MapNode, PathwayMapData } from './pathways-types';

// ---------------------------------------------------------------------------------------------
// Shapes

/** A requirement as the API takes and gives it (every node named once saved). */
export type ApiNode = components['schemas']['RequirementNode'];
export type ApiAchievementRef = Extract<ApiNode, { type: 'achievement' }>['ref'];

/** The body of create, save-draft and validate (without `slug` and `pathwayId`). */
export type PathwayInput = Required<Body<'/api/v1/orgs/{slug}/pathways/{id}/draft', 'put'>>;

/** What the editor holds while a requirement is being filled in: empty values are allowed. */
export type DraftRef =
  | { kind: 'microcredential'; microcredentialId: string }
  | { kind: 'pathway'; pathwayId: string }
  | { kind: 'external'; achievementId: string; issuerDids: string[]; name: string };

export type DraftGroup =
  | { id: string; type: 'all'; title: string; children: DraftNode[] }
  | { id: string; type: 'atLeast'; n: number | null; title: string; children: DraftNode[] };

export type DraftLeaf =
  | { id: string; type: 'achievement'; title: string; ref: DraftRef }
  | { id: string; type: 'minCpdHours'; title: string; hours: number | null }
  | { id: string; type: 'minCredits'; title: string; credits: number | null }
  | { id: string; type: 'skills'; title: string; skillIds: string[]; minCount: number | null };

export type DraftNode = DraftGroup | DraftLeaf;

/** Index of each child from the root down; `[]` is the root. */
export type TreePath = readonly number[];

/** What "Add a requirement" offers. */
export type NewNodeKind =
  'microcredential' | 'pathway' | 'external' | 'minCpdHours' | 'minCredits' | 'skills' | 'all' | 'atLeast';

/** A problem with one field; `isMissing` when it is only not filled in yet (not shown until a save). */
export type FieldProblem = { field: string; message: string; isMissing?: boolean };

/** Names of what requirements point at, keyed `microcredential:<id>`, `pathway:<id>`, `skill:<id>`. */
export type RefNames = Record<string, { name: string; provider?: { slug: string; name: string } | null }>;

export const isGroup = (node: DraftNode): node is DraftGroup => node.type === 'all' || node.type === 'atLeast';

// ---------------------------------------------------------------------------------------------
// Reading

export function nodeAt(root: DraftNode, path: TreePath): DraftNode | undefined {
  let node: DraftNode | undefined = root;
  for (const i of path) {
    if (!node || !isGroup(node)) return undefined;
    node = node.children[i];
  }
  return node;
}

/** Every node, depth first, with its path. */
export function walk(
  root: DraftNode,
  visit: (node: DraftNode, path: TreePath, parent: DraftGroup | null) => void,
): void {
  const go = (node: DraftNode, path: TreePath, parent: DraftGroup | null) => {
    visit(node, path, parent);
    if (isGroup(node)) node.children.forEach((child, i) => go(child, [...path, i], node));
  };
  go(root, [], null);
}

export function pathOf(root: DraftNode, id: string): TreePath | undefined {
  let found: TreePath | undefined;
  walk(root, (node, path) => {
    if (found === undefined && node.id === id) found = path;
  });
  return found;
}

/** The field path the API uses for a node: `tree`, `tree.children.1.children.0`. */
export const fieldPathOf = (path: TreePath): string => ['tree', ...path.map((i) => `children.${i}`)].join('.');

/** A fresh id, `r<n>` like the server's, not used anywhere in the tree. */
export function newNodeId(root: DraftNode): string {
  let max = 0;
  walk(root, (node) => {
    const m = /^r(\d+)$/.exec(node.id);
    if (m) max = Math.max(max, Number(m[1]));
  });
  return `r${max + 1}`;
}

// ---------------------------------------------------------------------------------------------
// Editing: each operation returns a new tree and leaves the old one untouched.

export function createNode(kind: NewNodeKind, id: string): DraftNode {
  switch (kind) {
    case 'all':
      return { id, type: 'all', title: '', children: [] };
    case 'atLeast':
      return { id, type: 'atLeast', n: 1, title: '', children: [] };
    case 'microcredential':
      return { id, type: 'achievement', title: '', ref: { kind: 'microcredential', microcredentialId: '' } };
    case 'pathway':
      return { id, type: 'achievement', title: '', ref: { kind: 'pathway', pathwayId: '' } };
    case 'external':
      return {
        id,
        type: 'achievement',
        title: '',
        ref: { kind: 'external', achievementId: '', issuerDids: [], name: '' },
      };
    case 'minCpdHours':
      return { id, type: 'minCpdHours', title: '', hours: null };
    case 'minCredits':
      return { id, type: 'minCredits', title: '', credits: null };
    case 'skills':
      return { id, type: 'skills', title: '', skillIds: [], minCount: null };
  }
}

/** An empty top-level "All of" group: where a new pathway starts. */
export const emptyTree = (): DraftNode => ({ id: 'r1', type: 'all', title: '', children: [] });

/** Replaces the node at `path` with what `change` makes of it. */
export function updateAt(root: DraftNode, path: TreePath, change: (node: DraftNode) => DraftNode): DraftNode {
  if (path.length === 0) return change(root);
  if (!isGroup(root)) throw new RangeError('No node at this path');
  const [head, ...rest] = path as [number, ...number[]];
  const child = root.children[head];
  if (!child) throw new RangeError('No node at this path');
  const children = [...root.children];
  children[head] = updateAt(child, rest, change);
  return { ...root, children };
}

/** An n-of group never asks for more than it holds (when it holds anything). */
function clampN(group: DraftGroup): DraftGroup {
  if (group.type !== 'atLeast' || group.n === null || group.children.length === 0 || group.n <= group.children.length)
    return group;
  return { ...group, n: group.children.length };
}

/** Adds `node` as the last child (or at `index`) of the group at `groupPath`. */
export function insertChild(root: DraftNode, groupPath: TreePath, node: DraftNode, index?: number): DraftNode {
  return updateAt(root, groupPath, (group) => {
    if (!isGroup(group)) throw new RangeError('Requirements can only be added to a group');
    const children = [...group.children];
    children.splice(index ?? children.length, 0, node);
    return { ...group, children };
  });
}

/** Removes the node at `path` (never the root); an n-of parent is lowered to what it still holds. */
export function removeAt(root: DraftNode, path: TreePath): DraftNode {
  if (path.length === 0) throw new RangeError('The top-level group cannot be removed');
  const parentPath = path.slice(0, -1);
  const index = path[path.length - 1]!;
  return updateAt(root, parentPath, (parent) => {
    if (!isGroup(parent)) throw new RangeError('No node at this path');
    return clampN({ ...parent, children: parent.children.filter((_, i) => i !== index) });
  });
}

export type MoveKind = 'up' | 'down' | 'in' | 'out';

/** Which moves are possible for the node at `path`. */
export function possibleMoves(root: DraftNode, path: TreePath): Record<MoveKind, boolean> {
  if (path.length === 0) return { up: false, down: false, in: false, out: false };
  const parent = nodeAt(root, path.slice(0, -1));
  const index = path[path.length - 1]!;
  const siblings = parent && isGroup(parent) ? parent.children : [];
  const before = siblings[index - 1];
  return {
    up: index > 0,
    down: index < siblings.length - 1,
    in: before !== undefined && isGroup(before),
    out: path.length >= 2,
  };
}

/**
 * Moves the node at `path`: up or down among its siblings, into the group just above it (as
 * its last requirement), or out of its group (just after it). Returns the new tree and the
 * node's new path, or null when the move is not possible.
 */
export function moveNode(root: DraftNode, path: TreePath, kind: MoveKind): { tree: DraftNode; path: TreePath } | null {
  if (!possibleMoves(root, path)[kind]) return null;
  const node = nodeAt(root, path)!;
  const parentPath = path.slice(0, -1);
  const index = path[path.length - 1]!;
  switch (kind) {
    case 'up':
    case 'down': {
      const target = kind === 'up' ? index - 1 : index + 1;
      const tree = updateAt(root, parentPath, (parent) => {
        const children = [...(parent as DraftGroup).children];
        children.splice(index, 1);
        children.splice(target, 0, node);
        return { ...(parent as DraftGroup), children };
      });
      return { tree, path: [...parentPath, target] };
    }
    case 'in': {
      const without = removeAt(root, path);
      const groupPath = [...parentPath, index - 1];
      const group = nodeAt(without, groupPath) as DraftGroup;
      return { tree: insertChild(without, groupPath, node), path: [...groupPath, group.children.length] };
    }
    case 'out': {
      const grandPath = parentPath.slice(0, -1);
      const parentIndex = parentPath[parentPath.length - 1]!;
      const without = removeAt(root, path);
      return { tree: insertChild(without, grandPath, node, parentIndex + 1), path: [...grandPath, parentIndex + 1] };
    }
  }
}

/** Turns a group into "All of" or "At least n of" (n starts one below its size, at least 1). */
export function setGroupType(root: DraftNode, path: TreePath, type: DraftGroup['type']): DraftNode {
  return updateAt(root, path, (node) => {
    if (!isGroup(node) || node.type === type) return node;
    if (type === 'all') return { id: node.id, type: 'all', title: node.title, children: node.children };
    return {
      id: node.id,
      type: 'atLeast',
      title: node.title,
      children: node.children,
      n: Math.max(1, node.children.length - 1),
    };
  });
}

/** Drops ids of the recommended order that no longer name a requirement. */
export function pruneOrder(root: DraftNode, order: readonly string[]): string[] {
  const ids = new Set<string>();
  walk(root, (node) => ids.add(node.id));
  return order.filter((id, i) => ids.has(id) && order.indexOf(id) === i);
}

/** Moves one entry of a list up or down (the recommended order). */
export function moveInList<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (index < 0 || index >= list.length || target < 0 || target >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item!);
  return next;
}

// ---------------------------------------------------------------------------------------------
// Words

export function groupHeading(node: DraftGroup): string {
  if (node.type === 'all') return 'All of';
  return `At least ${node.n ?? '…'} of ${node.children.length}`;
}

export const refKey = (ref: DraftRef): string | null => {
  if (ref.kind === 'microcredential') return ref.microcredentialId ? `microcredential:${ref.microcredentialId}` : null;
  if (ref.kind === 'pathway') return ref.pathwayId ? `pathway:${ref.pathwayId}` : null;
  return null;
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What a requirement is, in a few words: its accessible name and its stone's label. */
export function nodeLabel(node: DraftNode, names: RefNames): string {
  if (isGroup(node)) return node.title ? `${groupHeading(node)}: ${node.title}` : groupHeading(node);
  if (node.title) return node.title;
  switch (node.type) {
    case 'achievement': {
      const ref = node.ref;
      if (ref.kind === 'external')
        return ref.name.trim() || ref.achievementId.trim() || 'External achievement (not described yet)';
      const key = refKey(ref);
      const kind = ref.kind === 'microcredential' ? 'Micro-credential' : 'Pathway';
      if (!key) return `${kind} (not chosen yet)`;
      const id = ref.kind === 'microcredential' ? ref.microcredentialId : ref.pathwayId;
      return names[key]?.name ?? `${kind} ${id.slice(0, 8)}…`;
    }
    case 'minCpdHours':
      return node.hours ? `At least ${node.hours} CPD hours` : 'CPD hours (amount not set)';
    case 'minCredits':
      return node.credits ? `At least ${node.credits} credits` : 'Credits (amount not set)';
    case 'skills': {
      const count = new Set(node.skillIds).size;
      if (count === 0) return 'Skills (none listed yet)';
      return `Covers ${node.minCount ?? count} of ${plural(count, 'skill', 'skills')}`;
    }
  }
}

export const KIND_LABELS: Record<NewNodeKind, string> = {
  microcredential: 'Micro-credential',
  pathway: 'Another pathway',
  external: 'External achievement',
  minCpdHours: 'Minimum CPD hours',
  minCredits: 'Minimum credits',
  skills: 'Skills',
  all: 'Group: all of',
  atLeast: 'Group: at least N of',
};

export function kindOf(node: DraftNode): NewNodeKind {
  return node.type === 'achievement' ? node.ref.kind : node.type;
}

// ---------------------------------------------------------------------------------------------
// From and to the API

/** The editor's tree from a saved one. A top-level leaf is put in an "All of" group. */
export function fromApiTree(node: ApiNode): DraftNode {
  let counter = 0;
  const taken = new Set<string>();
  const collect = (n: ApiNode) => {
    if (n.id) taken.add(n.id);
    if ('children' in n) n.children.forEach(collect);
  };
  collect(node);
  const fresh = () => {
    do counter += 1;
    while (taken.has(`r${counter}`));
    taken.add(`r${counter}`);
    return `r${counter}`;
  };
  const go = (n: ApiNode): DraftNode => {
    const id = n.id ?? fresh();
    const title = n.title ?? '';
    switch (n.type) {
      case 'all':
        return { id, type: 'all', title, children: n.children.map(go) };
      case 'atLeast':
        return { id, type: 'atLeast', title, n: n.n, children: n.children.map(go) };
      case 'achievement':
        return {
          id,
          type: 'achievement',
          title,
          ref: n.ref.kind === 'external' ? { ...n.ref, name: n.ref.name ?? '' } : { ...n.ref },
        };
      case 'minCpdHours':
        return { id, type: 'minCpdHours', title, hours: n.hours };
      case 'minCredits':
        return { id, type: 'minCredits', title, credits: n.credits };
      case 'skills':
        return { id, type: 'skills', title, skillIds: [...n.skillIds], minCount: n.minCount ?? null };
    }
  };
  const root = go(node);
  return isGroup(root) ? root : { id: fresh(), type: 'all', title: '', children: [root] };
}

const URI = /^[a-z][a-z0-9+.-]*:\S+$/i;
const DID = /^did:[a-z0-9]+:\S+$/;

/** What keeps a requirement from being sent at all: the editor says so before the server can. */
export function localProblems(node: DraftNode): FieldProblem[] {
  switch (node.type) {
    case 'all':
    case 'atLeast':
      if (node.children.length === 0)
        return [
          {
            field: 'children',
            message: 'This group is empty: add a requirement to it, or remove it.',
            isMissing: true,
          },
        ];
      if (node.type === 'all') return [];
      return node.n === null || !Number.isInteger(node.n) || node.n < 1
        ? [
            {
              field: 'n',
              message: 'Say how many of these requirements are needed (1 or more).',
              isMissing: node.n === null,
            },
          ]
        : [];
    case 'achievement': {
      const ref = node.ref;
      if (ref.kind === 'microcredential')
        return ref.microcredentialId
          ? []
          : [{ field: 'ref.microcredentialId', message: 'Choose a micro-credential.', isMissing: true }];
      if (ref.kind === 'pathway')
        return ref.pathwayId ? [] : [{ field: 'ref.pathwayId', message: 'Choose a pathway.', isMissing: true }];
      const problems: FieldProblem[] = [];
      const id = ref.achievementId.trim();
      if (!id)
        problems.push({
          field: 'ref.achievementId',
          message: 'Give the achievement id: the URI in the credentials you accept.',
          isMissing: true,
        });
      else if (!URI.test(id) || id.length > 2000)
        problems.push({
          field: 'ref.achievementId',
          message: 'The achievement id must be a URI, like https://example.org/achievements/42.',
        });
      if (ref.issuerDids.length === 0)
        problems.push({
          field: 'ref.issuerDids',
          message: 'Name at least one issuer DID whose credentials for this achievement you accept.',
          isMissing: true,
        });
      ref.issuerDids.forEach((did, i) => {
        if (!DID.test(did.trim()))
          problems.push({
            field: `ref.issuerDids.${i}`,
            message: `“${did}” is not a DID, like did:web:example.org or did:key:z6Mk…`,
          });
      });
      return problems;
    }
    case 'minCpdHours':
      return node.hours !== null && node.hours > 0
        ? []
        : [{ field: 'hours', message: 'Give a number of CPD hours above 0.', isMissing: node.hours === null }];
    case 'minCredits':
      return node.credits !== null && node.credits > 0
        ? []
        : [{ field: 'credits', message: 'Give a number of credits above 0.', isMissing: node.credits === null }];
    case 'skills':
      return node.minCount !== null && (!Number.isInteger(node.minCount) || node.minCount < 1)
        ? [
            {
              field: 'minCount',
              message: 'The number of skills needed must be 1 or more (or left empty: all of them).',
            },
          ]
        : [];
  }
}

const optionalTitle = (title: string) => (title.trim() ? { title: title.trim() } : {});

/** One requirement in the API's shape; undefined when the editor's own checks fail. */
function toApiNode(node: DraftNode, complete: (n: DraftNode) => boolean, dropped: Set<string>): ApiNode | undefined {
  if (isGroup(node)) {
    const children: ApiNode[] = [];
    for (const child of node.children) {
      const converted = toApiNode(child, complete, dropped);
      if (converted) children.push(converted);
      else dropped.add(node.id);
    }
    // An empty group or an unset n is the editor's to report: the server's count of it is off.
    if (!complete(node)) dropped.add(node.id);
    if (node.type === 'all') return { id: node.id, type: 'all', ...optionalTitle(node.title), children };
    const n = node.n !== null && Number.isInteger(node.n) && node.n >= 1 ? node.n : 1;
    return { id: node.id, type: 'atLeast', n, ...optionalTitle(node.title), children };
  }
  if (!complete(node)) return undefined;
  switch (node.type) {
    case 'achievement': {
      const ref = node.ref;
      const apiRef: ApiAchievementRef =
        ref.kind === 'external'
          ? {
              kind: 'external',
              achievementId: ref.achievementId.trim(),
              issuerDids: [...new Set(ref.issuerDids.map((d) => d.trim()))],
              ...(ref.name.trim() ? { name: ref.name.trim() } : {}),
            }
          : { ...ref };
      return { id: node.id, type: 'achievement', ...optionalTitle(node.title), ref: apiRef };
    }
    case 'minCpdHours':
      return { id: node.id, type: 'minCpdHours', ...optionalTitle(node.title), hours: node.hours! };
    case 'minCredits':
      return { id: node.id, type: 'minCredits', ...optionalTitle(node.title), credits: node.credits! };
    case 'skills':
      return {
        id: node.id,
        type: 'skills',
        ...optionalTitle(node.title),
        skillIds: [...new Set(node.skillIds)],
        ...(node.minCount !== null ? { minCount: node.minCount } : {}),
      };
  }
}

export type PathwayDetails = {
  name: string;
  description: string;
  achievementType: string;
  criteriaNarrative: string;
  imageUrl: string;
};

export type PreparedInput = {
  /** What can be sent: requirements the editor's checks reject are left out of the tree. */
  input: PathwayInput;
  /** The editor's own problems, by node id. */
  local: Record<string, FieldProblem[]>;
  /** Whether nothing was left out: only then can the draft be saved. */
  isComplete: boolean;
  /** Groups that lost a requirement, or whose n is not set: the server's count of them is off. */
  partialGroups: ReadonlySet<string>;
};

/**
 * The body for validate and save. Requirements still being filled in are left out (and
 * reported by the editor), so the server can check the rest while the author types.
 */
export function prepareInput(details: PathwayDetails, tree: DraftNode, order: readonly string[]): PreparedInput {
  const local: Record<string, FieldProblem[]> = {};
  walk(tree, (node) => {
    const problems = localProblems(node);
    if (problems.length > 0) local[node.id] = problems;
  });
  const complete = (node: DraftNode) => !local[node.id];
  const partialGroups = new Set<string>();
  const apiTree = toApiNode(tree, complete, partialGroups)!;
  const sent = new Set<string>();
  const collect = (n: ApiNode) => {
    if (n.id) sent.add(n.id);
    if ('children' in n) n.children.forEach(collect);
  };
  collect(apiTree);
  return {
    input: {
      name: details.name.trim(),
      description: details.description.trim(),
      achievementType: details.achievementType,
      criteriaNarrative: details.criteriaNarrative.trim(),
      imageUrl: details.imageUrl.trim() || null,
      tree: apiTree,
      recommendedOrder: pruneOrder(tree, order).filter((id) => sent.has(id)),
    },
    local,
    isComplete: Object.keys(local).length === 0,
    partialGroups,
  };
}

// ---------------------------------------------------------------------------------------------
// Where the server's errors belong

export type PlacedProblems = {
  /** Problems of requirements, by node id; `field` is relative to the node (`n`, `ref.issuerDids.0`, `children`, or ''). */
  byNode: Record<string, FieldProblem[]>;
  /** Problems of the pathway's own fields (`name`, `imageUrl`, `recommendedOrder.0`, `slug`…). */
  other: FieldProblem[];
};

/**
 * Places the server's `errors[]` (field paths into the body it was sent) on the requirements
 * they are about, read through the tree that was sent, so an error stays with its requirement
 * even after the tree has been rearranged. Counts of partial groups are not trusted.
 */
export function placeProblems(
  errors: readonly FieldProblem[],
  sentTree: ApiNode,
  partialGroups: ReadonlySet<string> = new Set(),
): PlacedProblems {
  const byNode: Record<string, FieldProblem[]> = {};
  const other: FieldProblem[] = [];
  for (const error of errors) {
    const parts = error.field.replace(/^body\./, '').split('.');
    if (parts[0] !== 'tree') {
      other.push(error);
      continue;
    }
    let node: ApiNode = sentTree;
    let i = 1;
    while (parts[i] === 'children' && parts[i + 1] !== undefined && /^\d+$/.test(parts[i + 1]!) && 'children' in node) {
      const child: ApiNode | undefined = node.children[Number(parts[i + 1])];
      if (!child) break;
      node = child;
      i += 2;
    }
    const field = parts.slice(i).join('.');
    if (!node.id) {
      other.push(error);
      continue;
    }
    if (partialGroups.has(node.id) && (field === 'children' || field === 'n')) continue;
    (byNode[node.id] ??= []).push({ field, message: error.message });
  }
  return { byNode, other };
}

/** The editor's problems worth showing now: fields only not filled in yet wait for a save. */
export function shownLocalProblems(
  local: Record<string, FieldProblem[]>,
  isSaveTried: boolean,
): Record<string, FieldProblem[]> {
  const shown: Record<string, FieldProblem[]> = {};
  for (const [id, problems] of Object.entries(local)) {
    const kept = isSaveTried ? problems : problems.filter((p) => !p.isMissing);
    if (kept.length) shown[id] = kept;
  }
  return shown;
}

/** Both lists of problems by node, the editor's first; one message per field. */
export function mergeProblems(...lists: Record<string, FieldProblem[]>[]): Record<string, FieldProblem[]> {
  const merged: Record<string, FieldProblem[]> = {};
  for (const list of lists) {
    for (const [id, problems] of Object.entries(list)) {
      const target = (merged[id] ??= []);
      for (const p of problems) if (!target.some((t) => t.field === p.field)) target.push(p);
    }
  }
  return merged;
}

// ---------------------------------------------------------------------------------------------
// The live preview

/** The tree as the public map draws it (server: buildMap), from what the editor knows. */
export function toPreviewMap(
  root: DraftNode,
  names: RefNames,
  qualification: string,
  order: readonly string[],
): PathwayMapData {
  const nodes: MapNode[] = [
    {
      id: 'qualification',
      kind: 'qualification',
      label: qualification || 'Untitled pathway',
      parentId: null,
      depth: 0,
      recommendedPosition: null,
    },
  ];
  const edges: PathwayMapData['edges'] = [];
  walk(root, (node, path, parent) => {
    const position = order.indexOf(node.id);
    const base = {
      id: node.id,
      label: nodeLabel(node, names),
      parentId: parent?.id ?? 'qualification',
      depth: path.length + 1,
      recommendedPosition: position === -1 ? null : position + 1,
    };
    edges.push({ from: node.id, to: base.parentId, kind: 'stacksOnto' });
    switch (node.type) {
      case 'all':
        nodes.push({
          ...base,
          kind: 'all',
          label: node.title || `All of ${node.children.length}`,
          n: node.children.length,
          of: node.children.length,
        });
        break;
      case 'atLeast':
        nodes.push({
          ...base,
          kind: 'atLeast',
          label: node.title || `${node.n ?? 1} of ${node.children.length}`,
          n: node.n ?? 1,
          of: node.children.length,
        });
        break;
      case 'minCpdHours':
        nodes.push({ ...base, kind: 'minCpdHours', amount: node.hours ?? 0 });
        break;
      case 'minCredits':
        nodes.push({ ...base, kind: 'minCredits', amount: node.credits ?? 0 });
        break;
      case 'skills': {
        const ids = [...new Set(node.skillIds)];
        nodes.push({
          ...base,
          kind: 'skills',
          n: node.minCount ?? ids.length,
          of: ids.length,
          skills: ids.map((id) => ({ id, name: names[`skill:${id}`]?.name ?? 'Skill' })),
        });
        break;
      }
      case 'achievement': {
        const ref = node.ref;
        const key = refKey(ref);
        const known = key ? names[key] : undefined;
        // Not chosen yet: a plain stone, without an achievement to describe.
        if (ref.kind !== 'external' && !key) {
          nodes.push({ ...base, kind: 'achievement' });
          break;
        }
        const id =
          ref.kind === 'microcredential'
            ? ref.microcredentialId
            : ref.kind === 'pathway'
              ? ref.pathwayId
              : ref.achievementId;
        nodes.push({
          ...base,
          kind: 'achievement',
          achievement: {
            kind: ref.kind,
            id,
            name: base.label,
            provider: known?.provider ?? null,
            ...(ref.kind === 'external' ? { issuerDids: ref.issuerDids } : {}),
            // No programme: the preview does not link away from unsaved work.
            programme: null,
          },
        });
        break;
      }
    }
  });
  for (let i = 1; i < order.length; i += 1) edges.push({ from: order[i - 1]!, to: order[i]!, kind: 'then' });
  return { nodes, edges };
}

/** Every leaf, in reading order, for the recommended order picker. */
export function leavesOf(root: DraftNode): DraftLeaf[] {
  const leaves: DraftLeaf[] = [];
  walk(root, (node) => {
    if (!isGroup(node)) leaves.push(node);
  });
  return leaves;
}

/** The ids of what the tree points at, for looking their names up. */
export function referencedIds(root: DraftNode): {
  microcredentialIds: string[];
  pathwayIds: string[];
  skillIds: string[];
} {
  const micro = new Set<string>();
  const pathways = new Set<string>();
  const skills = new Set<string>();
  walk(root, (node) => {
    if (node.type === 'achievement' && node.ref.kind === 'microcredential' && node.ref.microcredentialId)
      micro.add(node.ref.microcredentialId);
    if (node.type === 'achievement' && node.ref.kind === 'pathway' && node.ref.pathwayId)
      pathways.add(node.ref.pathwayId);
    if (node.type === 'skills') node.skillIds.forEach((s) => skills.add(s));
  });
  return { microcredentialIds: [...micro], pathwayIds: [...pathways], skillIds: [...skills] };
}
