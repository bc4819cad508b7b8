import { randomBytes, randomUUID } from 'node:crypto';
import {
  createSigner,
  signCredential,
  validateAchievementCredential,
  type JsonObject,
  type Signer,
} from '@cairn/credentials';
import { documentLoader } from '../../verification/document-loader.js';
import { completeCredential } from '../complete-credential.js';
import { displayNameOf, typesOf } from '../credential-facts.js';
import type { NewCredentialRow } from '../credentials.store.js';
import type { AllocatedStatus } from '../status-lists.service.js';
import type { RowData } from './bulk-rows.js';
import { rowCredential } from './row-credential.js';

// Pure of the database and of Deps, and every input structured-cloneable: the same code signs
// a batch on the main thread (small jobs) and in the signing pool's worker threads.

/** The credentials' idempotency key: a row is issued once per micro-credential, whichever job carries it. */
export function bulkIdempotencyKey(microcredentialId: string, rowKey: string): string {
  return `bulk:${microcredentialId}:${rowKey}`;
}

/** What every row of a job shares, read once per run of the job. */
export type SigningContext = {
  publicUrl: string;
  org: { id: string; name: string; slug: string };
  /** The signer's fields (a worker thread rebuilds and checks it with `createSigner`). */
  signer: Signer;
  issuerDid: string;
  achievement: JsonObject;
  /** The issuer's own endorsements in force when the job runs, for its Profile. */
  issuerEndorsement: JsonObject[];
  validityMonths: number | null;
  microcredentialId: string;
  createdByKey: string | null;
  createdByUser: string | null;
};

export type PendingRow = { line: number; row_key: string; data: unknown };

/** One batch (or a slice of one): its rows with their status entries, signed at `now`. */
export type SignRowsTask = { ctx: SigningContext; rows: PendingRow[]; statuses: AllocatedStatus[]; now: Date };

export type SignedRow = {
  line: number;
  key: string;
  email: string;
  credential: NewCredentialRow;
  achievementId: string | null;
};
export type FailedRow = { line: number; error: string };

/** Builds and signs one row's credential; a row the schema or signer refuses fails alone. */
async function signRow(
  ctx: SigningContext,
  common: { publicUrl: URL; issuerUrl: string; achievementId: string | null },
  row: PendingRow,
  status: AllocatedStatus,
  now: Date,
  salt: string,
): Promise<SignedRow | FailedRow> {
  const data = row.data as RowData;
  try {
    const id = randomUUID();
    const completed = completeCredential({
      credential: rowCredential({ achievement: ctx.achievement, validityMonths: ctx.validityMonths, row: data, now }),
      credentialId: new URL(`/credentials/${id}`, common.publicUrl).toString(),
      issuer: { did: ctx.issuerDid, name: ctx.org.name, url: common.issuerUrl, endorsement: ctx.issuerEndorsement },
      now,
      profile: 'ob3',
      statusEntries: [status.entries.revocation],
      recipientEmail: data.email,
      salt,
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
    const key = bulkIdempotencyKey(ctx.microcredentialId, row.row_key);
    return {
      line: row.line,
      key,
      email: data.email,
      achievementId: common.achievementId,
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
        idempotencyKey: key,
        createdByKey: ctx.createdByKey,
        createdByUser: ctx.createdByUser,
      },
    };
  } catch (error) {
    return couldNotSign(row.line, error);
  }
}

function couldNotSign(line: number, error: unknown): FailedRow {
  return {
    line,
    error: `Could not be signed: ${error instanceof Error ? error.message : String(error)}`.slice(0, 1000),
  };
}

/**
 * Builds and signs every row of a task, in row order; rows fail one by one (an unsignable row
 * never fails its neighbours). `statuses[i]` is row i's status entry.
 */
export async function signRows({ ctx, rows, statuses, now }: SignRowsTask): Promise<(SignedRow | FailedRow)[]> {
  if (statuses.length !== rows.length) throw new TypeError('one status entry per row is required');
  const publicUrl = new URL(ctx.publicUrl);
  const common = {
    publicUrl,
    issuerUrl: new URL(`/orgs/${ctx.org.slug}/profile`, publicUrl).toString(),
    achievementId: (ctx.achievement.id as string | undefined) ?? null,
  };
  // Rebuilt here so a signer that crossed a thread boundary is checked again and keeps its
  // imported key for the whole task.
  const signer = createSigner(ctx.signer);
  const withSigner = { ...ctx, signer };
  // The rows' 16-byte salts for their hashed emails, drawn in one call.
  const salts = randomBytes(16 * rows.length).toString('hex');
  const out: (SignedRow | FailedRow)[] = [];
  for (let i = 0; i < rows.length; i++)
    out.push(await signRow(withSigner, common, rows[i]!, statuses[i]!, now, salts.slice(32 * i, 32 * (i + 1))));
  return out;
}
