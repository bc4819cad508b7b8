import type { Db } from '../db/transaction.js';
import { targetsOf, type RequirementNode } from './requirement-tree.js';
import { type VersionRow, publishedVersionsSince } from './stores/pathway.store.js';

/**
 * Every published pathway version, kept in memory with its tree parsed, and an index from what
 * trees point at (a micro-credential, a pathway, an external achievement, a skill) to the
 * pathways that point at it. Evaluating a learner then costs no read of trees or targets: the
 * learner's snapshot query brings the newest publish_seq, and the index catches up with one
 * indexed read of what was published since.
 *
 * Published versions never change (an edit starts a new draft) and publishers take turns until
 * commit, so publish_seq values become visible in order and an index at N has seen all below.
 * Deleting versions moves an epoch on; a new index is then built and swapped in whole, so an
 * evaluation never reads a half-built one. Publishing never evaluates learners in its own
 * transaction, so a version read here as published has committed. One index per database (its
 * Kysely adapter, which its transactions share): a process serving several databases (tests,
 * benches) keeps them apart.
 */
type TargetKind = 'microcredential' | 'pathway' | 'external' | 'skill';

/** Where the database is: the newest publish_seq and the deletion epoch (bigints as text). */
export type PublishedMark = { publishSeq: string; indexEpoch: string };

type PublishedIndex = {
  epoch: bigint;
  seq: bigint;
  versions: Map<string, VersionRow>;
  /** `kind target` → pathways whose published versions point at it. */
  byTarget: Map<string, Set<string>>;
  /** pathway → its newest published version. */
  latest: Map<string, VersionRow>;
};

type Holder = { index: PublishedIndex; loading: Promise<void> | null };

const holders = new WeakMap<object, Holder>();

function emptyIndex(epoch: bigint): PublishedIndex {
  return { epoch, seq: 0n, versions: new Map(), byTarget: new Map(), latest: new Map() };
}

function holderOf(db: Db): Holder {
  const key = db.getExecutor().adapter;
  let holder = holders.get(key);
  if (!holder) {
    holder = { index: emptyIndex(-1n), loading: null };
    holders.set(key, holder);
  }
  return holder;
}

function add(index: PublishedIndex, version: VersionRow) {
  index.versions.set(version.id, version);
  const latest = index.latest.get(version.pathway_id);
  if (!latest || latest.version_number < version.version_number) index.latest.set(version.pathway_id, version);
  const t = targetsOf(version.tree as RequirementNode);
  const keys = [
    ...t.microcredentialIds.map((id) => `microcredential ${id}`),
    ...t.pathwayIds.map((id) => `pathway ${id}`),
    ...t.externalAchievementIds.map((id) => `external ${id}`),
    ...t.skillIds.map((id) => `skill ${id}`),
  ];
  for (const key of keys) {
    let pathways = index.byTarget.get(key);
    if (!pathways) index.byTarget.set(key, (pathways = new Set()));
    pathways.add(version.pathway_id);
  }
}

async function catchUp(db: Db, holder: Holder, mark: PublishedMark) {
  // Only additions happen in place; after deletions a new index replaces the old one whole.
  const epoch = BigInt(mark.indexEpoch);
  const index = holder.index.epoch >= epoch ? holder.index : emptyIndex(epoch);
  for (const row of await publishedVersionsSince(db, index.seq.toString())) {
    add(index, row);
    const seq = BigInt(row.publish_seq!);
    if (seq > index.seq) index.seq = seq;
  }
  holder.index = index;
}

/** An index built after the epoch a query saw is as good as one built at it. */
function isCurrent(index: PublishedIndex, mark: PublishedMark) {
  return index.epoch >= BigInt(mark.indexEpoch) && index.seq >= BigInt(mark.publishSeq);
}

/** The index, brought up to at least `mark` (what a query of this evaluation just saw). */
export async function publishedPathwaysAt(db: Db, mark: PublishedMark): Promise<PublishedPathways> {
  const holder = holderOf(db);
  while (!isCurrent(holder.index, mark)) {
    const isMine = holder.loading === null;
    const pending =
      holder.loading ?? (holder.loading = catchUp(db, holder, mark).finally(() => (holder.loading = null)));
    try {
      await pending;
    } catch (err) {
      // Someone else's read failed (its transaction ended, say): read on our own next time round.
      if (isMine) throw err;
    }
  }
  return new PublishedPathways(holder.index);
}

/** Read side of the index, for one evaluation. */
export class PublishedPathways {
  constructor(private readonly index: PublishedIndex) {}

  /** The newest published version of every pathway pointing at any of these targets. */
  latestTouching(targets: readonly { kind: TargetKind; target: string }[]): VersionRow[] {
    const pathwayIds = new Set<string>();
    for (const t of targets)
      for (const id of this.index.byTarget.get(`${t.kind} ${t.target}`) ?? []) pathwayIds.add(id);
    return [...pathwayIds].map((id) => this.index.latest.get(id)!);
  }

  version(id: string): VersionRow | undefined {
    return this.index.versions.get(id);
  }

  /** The newest published version of every pathway. */
  allLatest(): VersionRow[] {
    return [...this.index.latest.values()];
  }
}
