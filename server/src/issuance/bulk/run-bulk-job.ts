import { randomBytes, randomUUID } from 'node:crypto';
import { signCredential, validateAchievementCredential, type JsonObject, type Signer } from '@cairn/credentials';
import type { Deps } from '../../deps.js';
import { transaction } from '../../db/transaction.js';
import type { EventActor } from '../../events/event-types.js';
import { recordEvents } from '../../events/record-events.js';
import { loadIssuerSigner } from '../../keys/signing-keys.service.js';
import { queueMails } from '../../mail/queue-mails.js';
import { toOrgView, type OrgView } from '../../orgs/org-access.js';
import { findOrganizationById } from '../../orgs/orgs.store.js';
import { documentLoader } from '../../verification/document-loader.js';
import { completeCredential } from '../complete-credential.js';
import { achievementNameOf, displayNameOf, typesOf } from '../credential-facts.js';
import { issuerEndorsementsInForce, withEndorsementsInForce } from '../../endorsement/endorsements-in-force.js';
import { insertCredentials, type NewCredentialRow } from '../credentials.store.js';
import { credentialIssuedMail } from '../recipient-delivery.js';
import { allocateStatusBlock, type AllocatedStatus } from '../status-lists.service.js';
import type { RowData } from './bulk-rows.js';
import * as store from './bulk-jobs.store.js';
import { rowCredential } from './row-credential.js';

/** Rows per transaction: big enough for few round trips, small enough to keep locks brief. */
export const BATCH_SIZE = 500;

/** The credentials' idempotency key: a row is issued once per micro-credential, whichever job carries it. */
export function bulkIdempotencyKey(microcredentialId: string, rowKey: string): string {
  return `bulk:${microcredentialId}:${rowKey}`;
}

type JobContext = {
  job: store.JobRow;
  org: OrgView;
  signer: Signer;
  issuerDid: string;
  achievement: JsonObject;
  /** The issuer's own endorsements in force when the job runs, for its Profile. */
  issuerEndorsement: JsonObject[];
  validityMonths: number | null;
  actor: EventActor;
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

async function loadContext(deps: Deps, job: store.JobRow): Promise<JobContext> {
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
  return {
    job,
    org: view,
    signer,
    issuerDid,
    // The endorsements in force when the job runs travel inside each credential, under the issuer's signature.
    achievement: await withEndorsementsInForce(deps.db, version.achievement as JsonObject, now),
    issuerEndorsement: await issuerEndorsementsInForce(deps.db, issuerDid, now),
    validityMonths: version.validity_months,
    actor: actorOf(job),
  };
}

type Signed = { line: number; key: string; email: string; credential: NewCredentialRow; achievementId: string | null };
type Failed = { line: number; error: string };

/** Builds and signs one row's credential; a row the schema or signer refuses fails alone. */
async function signRow(
  deps: Deps,
  ctx: JobContext,
  row: { line: number; row_key: string; data: unknown },
  status: AllocatedStatus,
  now: Date,
): Promise<Signed | Failed> {
  const data = row.data as RowData;
  try {
    const id = randomUUID();
    const completed = completeCredential({
      credential: rowCredential({ achievement: ctx.achievement, validityMonths: ctx.validityMonths, row: data, now }),
      credentialId: new URL(`/credentials/${id}`, deps.publicUrl).toString(),
      issuer: {
        did: ctx.issuerDid,
        name: ctx.org.name,
        url: new URL(`/orgs/${ctx.org.slug}/profile`, deps.publicUrl).toString(),
        endorsement: ctx.issuerEndorsement,
      },
      now,
      profile: 'ob3',
      statusEntries: [status.entries.revocation],
      recipientEmail: data.email,
      salt: randomBytes(16).toString('hex'),
    });
    if (
      typeof completed.validUntil === 'string' &&
      Date.parse(completed.validUntil) <= Date.parse(completed.validFrom as string)
    ) {
      return {
        line: row.line,
        error: 'The credential would expire before it is valid: check issued_on and expires_on.',
      };
    }
    const signed = await signCredential({
      credential: completed,
      signer: ctx.signer,
      cryptosuite: 'eddsa-rdfc-2022',
      documentLoader,
      now,
    });
    const check = validateAchievementCredential(signed);
    if (!check.valid)
      return {
        line: row.line,
        error:
          `Not a valid Open Badges 3.0 credential: ${check.errors.map((e) => `${e.path} ${e.message}`).join('; ')}`.slice(
            0,
            1000,
          ),
      };
    const achievementId = (ctx.achievement.id as string | undefined) ?? null;
    return {
      line: row.line,
      key: bulkIdempotencyKey(ctx.job.microcredential_id, row.row_key),
      email: data.email,
      achievementId,
      credential: {
        id,
        orgId: ctx.org.id,
        credentialId: completed.id as string,
        format: 'ldp',
        cryptosuite: 'eddsa-rdfc-2022',
        document: JSON.stringify(signed),
        types: typesOf(signed),
        achievementName: displayNameOf(completed),
        recipientUserId: null,
        recipientLabel: data.name ? `${data.name} <${data.email}>`.slice(0, 300) : data.email,
        recipientEmail: data.email,
        statusListNumber: status.listNumber,
        statusIndex: status.index,
        statusPurposes: ['revocation'],
        issuedAt: now,
        validUntil: typeof completed.validUntil === 'string' ? new Date(completed.validUntil) : null,
        idempotencyKey: bulkIdempotencyKey(ctx.job.microcredential_id, row.row_key),
        createdByKey: ctx.job.actor_api_key_id,
        createdByUser: ctx.job.actor_user_id,
      },
    };
  } catch (error) {
    return {
      line: row.line,
      error: `Could not be signed: ${error instanceof Error ? error.message : String(error)}`.slice(0, 1000),
    };
  }
}

type BatchResult = 'done' | 'cancelled';
type PendingRows = Awaited<ReturnType<typeof store.listPendingRows>>;
type Prepared = { rows: PendingRows; results: (Signed | Failed)[]; now: Date };

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
  const results: (Signed | Failed)[] = [];
  for (let i = 0; i < rows.length; i++) results.push(await signRow(deps, ctx, rows[i]!, statuses[i]!, now));
  return { rows, results, now };
}

/**
 * The second half, in one transaction: re-locks the rows still pending, inserts their
 * credentials in one statement, settles the rows, records the events and queues the mail. A
 * row another worker settled meanwhile, or issued by an earlier job (same key), is never
 * issued twice.
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
    const signed = mine.filter((r): r is Signed => 'credential' in r);
    const earlier = await store.findIssuedByKeys(
      trx,
      ctx.org.id,
      signed.map((s) => s.key),
    );
    const users = await store.findVerifiedUsersByEmails(trx, [...new Set(signed.map((s) => s.email))]);
    const fresh = signed
      .filter((s) => !earlier.has(s.key))
      .map((s) => ({ ...s, credential: { ...s.credential, recipientUserId: users.get(s.email) ?? null } }));
    const inserted = await insertCredentials(
      trx,
      fresh.map((s) => s.credential),
    );
    // A key taken between the read and the insert (another job of the same rows): that one stands.
    const raced = fresh.filter((s) => !inserted.has(s.credential.id));
    if (raced.length > 0)
      for (const [k, v] of await store.findIssuedByKeys(
        trx,
        ctx.org.id,
        raced.map((s) => s.key),
      ))
        earlier.set(k, v);
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
    await store.addCounts(
      trx,
      ctx.job.id,
      {
        issued: outcomes.filter((o) => o.status === 'issued').length,
        failed: outcomes.filter((o) => o.status === 'failed').length,
      },
      now,
    );
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
    return 'done';
  });
}

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
  options: { deadline?: number; batchSize?: number } = {},
): Promise<RunOutcome> {
  const job = await store.findJobById(deps.db, jobId);
  if (!job) return 'gone';
  if (job.status === 'cancelled') return 'cancelled';
  if (job.status !== 'queued' && job.status !== 'running') return 'finished';
  const ctx = await loadContext(deps, job);
  await store.markRunning(deps.db, jobId, deps.clock());
  const size = options.batchSize ?? BATCH_SIZE;
  const isLate = () => options.deadline !== undefined && Date.now() > options.deadline;
  for (;;) {
    // One pass over the pending rows in line order; the next batch is signed while the last
    // one commits (CPU here, the database there).
    let rows = await store.listPendingRows(deps.db, jobId, size, 0);
    if (rows.length === 0) {
      await store.finishIfDone(deps.db, jobId, deps.clock());
      return 'finished';
    }
    let prepared: Prepared | undefined = await prepareBatch(deps, ctx, rows);
    while (prepared) {
      const committing = commitBatch(deps, ctx, prepared);
      const next: PendingRows = isLate() ? [] : await store.listPendingRows(deps.db, jobId, size, rows.at(-1)!.line);
      const preparing = next.length > 0 ? prepareBatch(deps, ctx, next) : undefined;
      // Both settle before either error is thrown: no rejection is left unobserved.
      const [committed, nextPrepared] = await Promise.allSettled([committing, preparing]);
      if (committed.status === 'rejected') throw committed.reason;
      if (nextPrepared.status === 'rejected') throw nextPrepared.reason;
      if (committed.value === 'cancelled') return 'cancelled';
      if (isLate()) return 'more';
      rows = next;
      prepared = nextPrepared.value;
    }
  }
}
