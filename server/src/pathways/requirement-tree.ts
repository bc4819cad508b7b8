/**
 * The requirement tree of a pathway and the rules that read it. Pure: no database, no clock.
 *
 * A tree is groups (`all`, `atLeast` n) over leaves: a specific achievement (a Cairn
 * micro-credential, another Cairn pathway, or an external achievement id with the issuer DIDs
 * accepted for it), a minimum of CPD hours or credits, or coverage of listed skills.
 */

export type AchievementRef =
  | { kind: 'microcredential'; microcredentialId: string }
  | { kind: 'pathway'; pathwayId: string }
  | { kind: 'external'; achievementId: string; issuerDids: string[]; name?: string | undefined };

export type RequirementNode =
  | { id: string; type: 'all'; title?: string | undefined; children: RequirementNode[] }
  | { id: string; type: 'atLeast'; n: number; title?: string | undefined; children: RequirementNode[] }
  | { id: string; type: 'achievement'; title?: string | undefined; ref: AchievementRef }
  | { id: string; type: 'minCpdHours'; title?: string | undefined; hours: number }
  | { id: string; type: 'minCredits'; title?: string | undefined; credits: number }
  | { id: string; type: 'skills'; title?: string | undefined; skillIds: string[]; minCount?: number | undefined };

export type GroupNode = Extract<RequirementNode, { type: 'all' | 'atLeast' }>;

/** A credential the learner holds, reduced to what requirements look at. */
export type HeldCredential = {
  /** `credential:<row id>` for a Cairn credential, `wallet:<id>` for one from elsewhere. */
  ref: string;
  name: string;
  achievementId: string;
  issuerDid: string;
  /** Set when the achievement is a version of a Cairn micro-credential. */
  microcredentialId?: string | null | undefined;
  /** Set when the credential is a Cairn pathway's. */
  pathwayId?: string | null | undefined;
  cpdHours: number;
  credits: number;
  skillIds: readonly string[];
};

export type FieldProblem = { field: string; message: string };

export function isGroup(node: RequirementNode): node is GroupNode {
  return node.type === 'all' || node.type === 'atLeast';
}

/** Every node of the tree, depth first, with its field path (`tree.children.1`). */
export function walkTree(
  root: RequirementNode,
  visit: (node: RequirementNode, path: string, parent: GroupNode | null, depth: number) => void,
) {
  const go = (node: RequirementNode, path: string, parent: GroupNode | null, depth: number) => {
    visit(node, path, parent, depth);
    if (isGroup(node)) node.children.forEach((child, i) => go(child, `${path}.children.${i}`, node, depth + 1));
  };
  go(root, 'tree', null, 0);
}

export const MAX_NODES = 200;
export const MAX_DEPTH = 8;

/**
 * The structural rules a tree must meet whatever it points at: unique node ids, no empty
 * group, n between 1 and the number of children, sensible thresholds, a known recommended
 * order. Each problem names the field it is about.
 */
export function checkTreeShape(root: RequirementNode, recommendedOrder: readonly string[] = []): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Map<string, string>();
  let count = 0;
  walkTree(root, (node, path, _parent, depth) => {
    count += 1;
    if (depth > MAX_DEPTH)
      problems.push({ field: path, message: `Groups nest at most ${MAX_DEPTH} deep; flatten this branch.` });
    const earlier = seen.get(node.id);
    if (earlier)
      problems.push({
        field: `${path}.id`,
        message: `The id "${node.id}" is already used at ${earlier}; every requirement needs its own id.`,
      });
    else seen.set(node.id, path);
    switch (node.type) {
      case 'all':
      case 'atLeast':
        if (node.children.length === 0) {
          problems.push({
            field: `${path}.children`,
            message: 'This group is empty: add at least one requirement to it or remove it.',
          });
        } else if (node.type === 'atLeast' && node.n > node.children.length) {
          problems.push({
            field: `${path}.n`,
            message: `Asks for ${node.n} of ${node.children.length} requirements: it can never be met. Lower n or add requirements.`,
          });
        }
        if (node.type === 'atLeast' && node.n < 1)
          problems.push({ field: `${path}.n`, message: 'n must be at least 1.' });
        break;
      case 'achievement':
        if (node.ref.kind === 'external' && node.ref.issuerDids.length === 0) {
          problems.push({
            field: `${path}.ref.issuerDids`,
            message: 'Name at least one issuer DID whose credentials for this achievement you accept.',
          });
        }
        break;
      case 'minCpdHours':
        if (!(node.hours > 0))
          problems.push({ field: `${path}.hours`, message: 'Give a number of CPD hours above 0.' });
        break;
      case 'minCredits':
        if (!(node.credits > 0))
          problems.push({ field: `${path}.credits`, message: 'Give a number of credits above 0.' });
        break;
      case 'skills': {
        const distinct = new Set(node.skillIds);
        if (distinct.size === 0) problems.push({ field: `${path}.skillIds`, message: 'List at least one skill.' });
        if (node.minCount !== undefined && node.minCount > distinct.size) {
          problems.push({
            field: `${path}.minCount`,
            message: `Asks for ${node.minCount} of ${distinct.size} listed skills: it can never be met.`,
          });
        }
        break;
      }
    }
  });
  if (count > MAX_NODES)
    problems.push({
      field: 'tree',
      message: `A pathway has at most ${MAX_NODES} requirements; this one has ${count}.`,
    });
  recommendedOrder.forEach((id, i) => {
    if (!seen.has(id)) problems.push({ field: `recommendedOrder.${i}`, message: `No requirement has the id "${id}".` });
  });
  if (new Set(recommendedOrder).size !== recommendedOrder.length)
    problems.push({ field: 'recommendedOrder', message: 'Each requirement may appear once in the recommended order.' });
  return problems;
}

/** What a tree points at, for the lookup "which pathways does this credential touch". */
export type TreeTargets = {
  microcredentialIds: string[];
  pathwayIds: string[];
  externalAchievementIds: string[];
  skillIds: string[];
  hasThresholds: boolean;
};

export function targetsOf(root: RequirementNode): TreeTargets {
  const micro = new Set<string>();
  const pathways = new Set<string>();
  const external = new Set<string>();
  const skills = new Set<string>();
  let hasThresholds = false;
  walkTree(root, (node) => {
    if (node.type === 'achievement') {
      if (node.ref.kind === 'microcredential') micro.add(node.ref.microcredentialId);
      else if (node.ref.kind === 'pathway') pathways.add(node.ref.pathwayId);
      else external.add(node.ref.achievementId);
    } else if (node.type === 'skills') {
      node.skillIds.forEach((s) => skills.add(s));
    } else if (node.type === 'minCpdHours' || node.type === 'minCredits') {
      hasThresholds = true;
    }
  });
  return {
    microcredentialIds: [...micro],
    pathwayIds: [...pathways],
    externalAchievementIds: [...external],
    skillIds: [...skills],
    hasThresholds,
  };
}

export function matchesRef(ref: AchievementRef, held: HeldCredential): boolean {
  switch (ref.kind) {
    case 'microcredential':
      return held.microcredentialId === ref.microcredentialId;
    case 'pathway':
      return held.pathwayId === ref.pathwayId;
    case 'external':
      return held.achievementId === ref.achievementId && ref.issuerDids.includes(held.issuerDid);
  }
}

export type NodeStatus = {
  isSatisfied: boolean;
  /** Steps done toward this node, counted as its `required` is. */
  done: number;
  /** Steps this node needs: 1 per achievement or threshold, 1 per skill, the sum over a group's counted children. */
  required: number;
  /** The held credentials (refs) this node counts. */
  counted: string[];
  /** Thresholds: how far along (hours, credits or skills covered) and the target. */
  amount?: { have: number; need: number };
};

export type RemainingRequirement = {
  nodeId: string;
  type: RequirementNode['type'];
  /** For a group: how many more children must be met; for a threshold: how much is missing. */
  need: number;
  /** For a group: the ids of its children not met yet, any `need` of which finish it. */
  options: string[];
};

export type PathwayEvaluation = {
  isSatisfied: boolean;
  done: number;
  required: number;
  perNode: Record<string, NodeStatus>;
  remaining: RemainingRequirement[];
  /** Every held credential the satisfied (or best partial) tree counts, once each. */
  counted: string[];
};

/**
 * Whether a held credential's own claims (credits, CPD hours, skills) may count toward this
 * tree's thresholds: it is a Cairn micro-credential or pathway signed by the organisation that
 * published it, a credential Cairn issued, or an achievement from an issuer this tree names as
 * accepted. Anyone can sign a badge claiming 1,000 credits; only these are vouched for.
 */
function isVouchedFor(root: RequirementNode, held: HeldCredential): boolean {
  if (held.microcredentialId || held.pathwayId || held.ref.startsWith('credential:')) return true;
  let isAccepted = false;
  walkTree(root, (node) => {
    if (node.type === 'achievement' && node.ref.kind === 'external' && matchesRef(node.ref, held)) isAccepted = true;
  });
  return isAccepted;
}

/**
 * Evaluates a requirement tree against the credentials a learner holds. Thresholds (CPD hours,
 * credits, skills) are measured over every credential held that is vouched for (see
 * `isVouchedFor`); an `atLeast` group counts the n children closest to done, so progress never
 * over-states what is left.
 */
export function evaluatePathway(root: RequirementNode, held: readonly HeldCredential[]): PathwayEvaluation {
  const perNode: Record<string, NodeStatus> = {};
  let remaining: RemainingRequirement[] = [];
  const vouched = held.filter((h) => isVouchedFor(root, h));
  const totalCpd = sum(vouched.map((h) => h.cpdHours));
  const totalCredits = sum(vouched.map((h) => h.credits));

  const visit = (node: RequirementNode): NodeStatus => {
    let status: NodeStatus;
    switch (node.type) {
      case 'achievement': {
        const match = held.find((h) => matchesRef(node.ref, h));
        status = {
          isSatisfied: match !== undefined,
          done: match ? 1 : 0,
          required: 1,
          counted: match ? [match.ref] : [],
        };
        if (!match) remaining.push({ nodeId: node.id, type: node.type, need: 1, options: [] });
        break;
      }
      case 'minCpdHours':
      case 'minCredits': {
        const have = node.type === 'minCpdHours' ? totalCpd : totalCredits;
        const need = node.type === 'minCpdHours' ? node.hours : node.credits;
        const contributing = vouched
          .filter((h) => (node.type === 'minCpdHours' ? h.cpdHours : h.credits) > 0)
          .map((h) => h.ref);
        const isSatisfied = have >= need;
        status = { isSatisfied, done: isSatisfied ? 1 : 0, required: 1, counted: contributing, amount: { have, need } };
        if (!isSatisfied) remaining.push({ nodeId: node.id, type: node.type, need: round2(need - have), options: [] });
        break;
      }
      case 'skills': {
        const listed = [...new Set(node.skillIds)];
        const need = node.minCount ?? listed.length;
        const covered = listed.filter((s) => vouched.some((h) => h.skillIds.includes(s)));
        const counted = vouched.filter((h) => h.skillIds.some((s) => listed.includes(s))).map((h) => h.ref);
        const isSatisfied = covered.length >= need;
        status = {
          isSatisfied,
          done: Math.min(covered.length, need),
          required: need,
          counted,
          amount: { have: covered.length, need },
        };
        if (!isSatisfied)
          remaining.push({
            nodeId: node.id,
            type: node.type,
            need: need - covered.length,
            options: listed.filter((s) => !covered.includes(s)),
          });
        break;
      }
      case 'all':
      case 'atLeast': {
        const children = node.children.map((child) => ({ child, status: visit(child) }));
        const n = node.type === 'all' ? children.length : Math.min(node.n, children.length);
        // Closest to done first: fewest steps left, then fewest steps overall.
        const chosen = [...children]
          .sort(
            (a, b) =>
              a.status.required - a.status.done - (b.status.required - b.status.done) ||
              a.status.required - b.status.required,
          )
          .slice(0, n);
        const metCount = children.filter((c) => c.status.isSatisfied).length;
        const isSatisfied = metCount >= n && n > 0;
        status = {
          isSatisfied,
          done: sum(chosen.map((c) => Math.min(c.status.done, c.status.required))),
          required: sum(chosen.map((c) => c.status.required)),
          counted: unique(children.filter((c) => c.status.isSatisfied).flatMap((c) => c.status.counted)),
        };
        if (!isSatisfied) {
          remaining.push({
            nodeId: node.id,
            type: node.type,
            need: n - metCount,
            options: children.filter((c) => !c.status.isSatisfied).map((c) => c.child.id),
          });
        }
        break;
      }
    }
    perNode[node.id] = status;
    return status;
  };

  const root_ = visit(root);
  // Only what still matters: nothing below a met group (a third option of a met 2-of-3) is left.
  const open = new Set<string>();
  const markOpen = (node: RequirementNode) => {
    if (perNode[node.id]!.isSatisfied) return;
    open.add(node.id);
    if (isGroup(node)) node.children.forEach(markOpen);
  };
  markOpen(root);
  remaining = remaining.filter((r) => open.has(r.nodeId));
  return {
    isSatisfied: root_.isSatisfied,
    done: root_.done,
    required: root_.required,
    perNode,
    remaining,
    counted: root_.counted,
  };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
