import type { JsonObject, Signer } from '@cairn/credentials';
import type { Deps } from '../../deps.js';
import { transaction } from '../../db/transaction.js';
import type { EventActor } from '../../events/event-types.js';
import { recordEvents } from '../../events/record-events.js';
import { loadIssuerSigner } from '../../keys/signing-keys.service.js';
import { queueMails } from '../../mail/queue-mails.js';
import { toOrgView, type OrgView } from '../../orgs/org-access.js';
import { findOrganizationById } from '../../orgs/orgs.store.js';
import { achievementNameOf } from '../credential-facts.js';
import { issuerEndorsementsInForce, withEndorsementsInForce } from '../../endorsement/endorsements-in-force.js';
import { insertCredentials } from '../credentials.store.js';
import { credentialIssuedMail } from '../recipient-delivery.js';
import { allocateStatusBlock } from '../status-lists.service.js';
import * as store from './bulk-jobs.store.js';
import { signRows, type FailedRow, type SignedRow, type SigningContext, type SignRowsTask } from './sign-rows.js';
import { SigningPool } from './signing-pool.js';

export { bulkIdempotencyKey } from './sign-rows.js';

/** Rows per transaction: big enough for few round trips, small enough to keep locks brief. */
export const BATCH_SIZE = 500;

/** Below this many pending rows a job signs on the main thread: starting the pool's threads would cost more. */
const POOL_MIN_ROWS = 2 * BATCH_SIZE;

type JobContext = {
  job: store.JobRow;
  org: OrgView;
  signer: Signer;
  achievement: JsonObject;
  actor: EventActor;
  /** Signs a batch: in the pool's threads for a big job, else here. */
  sign: (task: Omit<SignRowsTask, 'ctx'>) => Promise<(SignedRow | FailedRow)[]>;
};

function actorOf(job: store.JobRow): EventActor {
  if (job.actor_kind === 'user' && job.actor_user_id)
    return {
      kind: 'user',
      userId: job.actor_user_id,
      ...(job.actor_session_id ? { sessionId: job.actor_session_id } : {}),
    };
  if (job.actor_kind === 'apiKey' && job.actor_api_key_id) return { kind: 'apiKey', apiKeyId: job.actor_api_key_id };
  return { kind: 'system', reason: 'bulk issuance' };
}

async function loadContext(deps: Deps, job: store.JobRow, pool: SigningPool | undefined): Promise<JobContext> {
  const org = await findOrganizationById(deps.db, job.org_id);
  const version = await deps.db
    .selectFrom('microcredential_versions')
    .select(['achievement', 'validity_months'])
    .where('id', '=', job.version_id)
    .executeTakeFirst();
  if (!org || !version?.achievement)
    throw new Error(`Issuance job ${job.id}: its organisation or published version is gone`);
  const view = toOrgView(org);
  const signer = await loadIssuerSigner(deps, view, 'did:web');
  const issuerDid = signer.verificationMethod.slice(0, signer.verificationMethod.indexOf('#'));
  const now = deps.clock();
  // The endorsements in force when the job runs travel inside each credential, under the issuer's signature.
  const achievement = await withEndorsementsInForce(deps.db, version.achievement as JsonObject, now);
  const signing: SigningContext = {
    publicUrl: deps.publicUrl.toString(),
    org: { id: view.id, name: view.name, slug: view.slug },
    signer,
    issuerDid,
    achievement,
    issuerEndorsement: await issuerEndorsementsInForce(deps.db, issuerDid, now),
    validityMonths: version.validity_months,
    microcredentialId: job.microcredential_id,
    createdByKey: job.actor_api_key_id,
    createdByUser: job.actor_user_id,
  };
  return {
    job,
    org: view,
    signer,
    achievement,
    actor: actorOf(job),
    sign: (task) => (pool ? pool.sign({ ctx: signing, ...task }) : signRows({ ctx: signing, ...task })),
  };
}

type BatchResult = 'done' | 'cancelled';
type PendingRows = Awaited<ReturnType<typeof store.listPendingRows>>;
type Prepared = { rows: PendingRows; results: (SignedRow | FailedRow)[]; now: Date };

/**
 * The first half of a batch, outside the batch's transaction: indexes for every row under one
 * short lock (a transaction of its own; indexes of a batch that then fails are skipped, never
 * reused), then every credential built and signed.
 */
async function prepareBatch(deps: Deps, ctx: JobContext, rows: PendingRows): Promise<Prepared> {
  const now = deps.clock();
  const statuses = await transaction(deps.db, (trx) =>
    allocateStatusBlock({ ...deps, db: trx }, ctx.org, ctx.signer, rows.length),
  );
  return { rows, results: await ctx.sign({ rows, statuses, now }), now };
}

/**
 * The second half, in one transaction: re-locks the rows still pending, inserts their
 * credentials in one statement, settles the rows, records the events, queues the mail and
 * counts them on the job, last. A row another worker settled meanwhile, or issued by an earlier
 * job (same key), is never issued twice.
 */
async function commitBatch(deps: Deps, ctx: JobContext, { rows, results, now }: Prepared): Promise<BatchResult> {
  return transaction(deps.db, async (trx) => {
    const status = await store.statusForBatch(trx, ctx.job.id);
    if (status !== 'running') return 'cancelled';
    const pending = await store.lockPendingLines(
      trx,
      ctx.job.id,
      rows.map((r) => r.line),
    );
    const mine = results.filter((r) => pending.has(r.line));
    const signed = mine.filter((r): r is SignedRow => 'credential' in r);
    const users = await store.findVerifiedUsersByEmails(trx, [...new Set(signed.map((s) => s.email))]);
    const fresh = signed.map((s) => ({
      ...s,
      credential: { ...s.credential, recipientUserId: users.get(s.email) ?? null },
    }));
    // A key already used (an earlier job of the same rows, or a rerun of this batch) is skipped
    // by the insert; those rows point at the credential issued first.
    const inserted = await insertCredentials(
      trx,
      fresh.map((s) => s.credential),
    );
    const taken = fresh.filter((s) => !inserted.has(s.credential.id));
    const earlier =
      taken.length > 0
        ? await store.findIssuedByKeys(
            trx,
            ctx.org.id,
            taken.map((s) => s.key),
          )
        : new Map<string, string>();
    const issuedNow = fresh.filter((s) => inserted.has(s.credential.id));
    const outcomes: store.RowOutcome[] = mine.map((r) =>
      'credential' in r
        ? {
            line: r.line,
            status: 'issued',
            credentialId: inserted.has(r.credential.id) ? r.credential.id : (earlier.get(r.key) ?? null),
            error: null,
          }
        : { line: r.line, status: 'failed', credentialId: null, error: r.error },
    );
    await store.settleRows(trx, ctx.job.id, outcomes);
    await recordEvents(
      deps,
      trx,
      'credential.issued',
      ctx.org.id,
      issuedNow.map((s) => ({
        actor: ctx.actor,
        data: {
          credentialId: s.credential.id,
          recipientUserId: s.credential.recipientUserId,
          achievementId: s.achievementId,
          microcredentialId: ctx.job.microcredential_id,
          pathwayId: null,
          kind: 'bulk',
        },
      })),
    );
    const achievementName = achievementNameOf({ credentialSubject: { achievement: ctx.achievement } });
    await queueMails(
      deps,
      trx,
      issuedNow.map((s) => ({
        ...credentialIssuedMail({
          to: s.email,
          issuerName: ctx.org.name,
          achievementName,
          credentialUrl: new URL(`/credentials/${s.credential.id}`, deps.publicUrl).toString(),
          publicUrl: deps.publicUrl,
          isLinked: s.credential.recipientUserId !== null,
        }),
        orgId: ctx.org.id,
      })),
    );
    const counted = await store.addCountsIfRunning(
      trx,
      ctx.job.id,
      {
        issued: outcomes.filter((o) => o.status === 'issued').length,
        failed: outcomes.filter((o) => o.status === 'failed').length,
      },
      now,
    );
    // Cancelled while this batch was written: nothing of it may stay.
    if (!counted) throw new CancelledMeanwhile();
    return 'done';
  }).catch((error: unknown) => {
    if (error instanceof CancelledMeanwhile) return 'cancelled' as const;
    throw error;
  });
}

/** Thrown inside a batch's transaction to roll it back when the job was cancelled meanwhile. */
class CancelledMeanwhile extends Error {}

export type RunOutcome = 'finished' | 'cancelled' | 'more' | 'gone';

/**
 * Works through a job's pending rows batch by batch until none is left, the job is
 * cancelled, or `deadline` (ms since epoch) passes; then the caller queues a follow-up job.
 * Progress lives in the rows, so after a crash any server resumes where the last batch
 * committed; several servers may work on one job at once.
 */
export async function runBulkJob(
  deps: Deps,
  jobId: string,
  options: {
    deadline?: number;
    batchSize?: number;
    /** Threads that sign; 0 signs on the main thread. Default: one per core once the job has 1,000 rows to go. */
    signingThreads?: number;
  } = {},
): Promise<RunOutcome> {
  const job = await store.findJobById(deps.db, jobId);
  if (!job) return 'gone';
  if (job.status === 'cancelled') return 'cancelled';
  if (job.status !== 'queued' && job.status !== 'running') return 'finished';
  const toGo = job.total - job.issued - job.failed;
  const threads = options.signingThreads ?? (toGo >= POOL_MIN_ROWS ? undefined : 0);
  const pool = threads === 0 ? undefined : new SigningPool(threads === undefined ? {} : { threads });
  try {
    const ctx = await loadContext(deps, job, pool);
    await store.markRunning(deps.db, jobId, deps.clock());
    return await workThrough(deps, ctx, options.batchSize ?? BATCH_SIZE, () => {
      return options.deadline !== undefined && Date.now() > options.deadline;
    });
  } finally {
    await pool?.close();
  }
}

/**
 * Batches in flight at once, each in its own lane (list its rows, allocate, sign, commit): while
 * one lane commits, the others sign, so the signing threads and the database both stay busy.
 * PGlite runs one statement at a time, so there two lanes suffice to overlap signing with writing.
 */
function lanesFor(deps: Deps): number {
  return deps.pglite ? 2 : 3;
}

async function workThrough(deps: Deps, ctx: JobContext, size: number, isLate: () => boolean): Promise<RunOutcome> {
  const jobId = ctx.job.id;
  for (;;) {
    // One pass over the pending rows in line order, handed out batch by batch to the lanes. A
    // lane takes no new batch once the job is cancelled, a lane failed or the deadline passed,
    // but every batch taken is committed, so no allocated index waits unused.
    let afterLine = 0;
    let isListed = false;
    let stop: 'cancelled' | 'failed' | undefined;
    let listing: Promise<unknown> = Promise.resolve();
    let batches = 0;
    // Listing is serialised so that lanes never take the same rows.
    const nextRows = (): Promise<PendingRows> => {
      const next = listing.then(async () => {
        if (isListed || stop || isLate()) return [];
        const rows = await store.listPendingRows(deps.db, jobId, size, afterLine);
        if (rows.length === 0) isListed = true;
        else afterLine = rows.at(-1)!.line;
        return rows;
      });
      listing = next.catch(() => undefined);
      return next;
    };
    const lane = async () => {
      try {
        for (;;) {
          const rows = await nextRows();
          if (rows.length === 0) return;
          batches += 1;
          if ((await commitBatch(deps, ctx, await prepareBatch(deps, ctx, rows))) === 'cancelled') stop = 'cancelled';
        }
      } catch (error) {
        stop ??= 'failed';
        throw error;
      }
    };
    // Every lane settles before an error is thrown: no batch is left half done behind it.
    const settled = await Promise.allSettled(Array.from({ length: lanesFor(deps) }, lane));
    const failure = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) throw failure.reason;
    if (stop === 'cancelled') return 'cancelled';
    if (batches === 0) {
      if (isLate()) return 'more';
      await store.finishIfDone(deps.db, jobId, deps.clock());
      return 'finished';
    }
    if (isLate()) return 'more';
  }
}
