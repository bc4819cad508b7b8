import { createHash } from 'node:crypto';
import { didWebFromUrl, type JsonObject, type VerificationResult } from '@cairn/credentials';
import type { Actor, Deps } from '../deps.js';
import { transaction } from '../db/transaction.js';
import { AppError } from '../http/app-error.js';
import { requireVerifiedEmail } from '../identity/identity.service.js';
import { requireUser } from '../orgs/orgs.service.js';
import { createDidWebResolver, createGuardedFetch, type GuardedFetch } from '../verification/did-web-resolver.js';
import { createLocalResolver, createLocalStatusListFetcher } from '../verification/verification.service.js';
import { verifyPool } from '../verification/verify-pool.js';
import { computeLearnerPathways } from './learner-pathways.js';
import { reevaluateLearnerPathways } from './pathway-awards.service.js';
import { findCredentialByCredentialId } from './stores/held-credentials.store.js';
import { findUser } from './stores/people.store.js';
import {
  deleteWalletCredential,
  findWalletCredential,
  insertWalletCredential,
  listWallet as listWalletRows,
} from './stores/wallet.store.js';
import { walletFactsOf } from './wallet-facts.js';

export type WalletOptions = {
  /** How DID documents and status lists of other servers are fetched; the guarded https fetch by default. */
  fetchRemote?: GuardedFetch;
};

/**
 * Verifies a credential from elsewhere for `email`: Cairn's own issuers and status lists from
 * the database, did:key offline, did:web and remote status lists through the guarded fetch.
 */
/** What a learner brings: a credential (JSON or VC-JWT), or a file to read one from (PNG, SVG, JSON, JWT). */
export type WalletInput = JsonObject | string | { file: { bytes: Buffer; filename: string } };

/**
 * Verifies a credential from elsewhere for `email`, in the verify pool (an imported credential
 * is untrusted input and must not hold the event loop; a file is read there too). Answers the
 * verifier's result and the credential as read.
 */
export async function verifyForWallet(
  deps: Deps,
  input: WalletInput,
  email: string,
  options: WalletOptions = {},
): Promise<{ result: VerificationResult; credential: JsonObject | string }> {
  const { resolveDid, fetchStatusList } = walletResolvers(deps, options);
  const job =
    typeof input === 'object' && 'file' in input && isFile(input.file)
      ? { source: 'file' as const, bytes: input.file.bytes, filename: input.file.filename }
      : { source: 'credential' as const, credential: input as JsonObject | string };
  const outcome = await verifyPool().verify({
    job,
    io: { resolveDid, fetchStatusList },
    now: deps.clock(),
    recipientEmail: email,
  });
  const credential = job.source === 'file' ? (outcome.credential as JsonObject | string) : job.credential;
  return { result: outcome.result, credential };
}

function isFile(value: unknown): value is { bytes: Buffer; filename: string } {
  return typeof value === 'object' && value !== null && Buffer.isBuffer((value as { bytes?: unknown }).bytes);
}

/**
 * How wallet credentials reach their issuers: Cairn's own DIDs and status lists from the
 * database, did:key offline, did:web and remote status lists through the guarded fetch (no
 * private, loopback or link-local addresses).
 */
export function walletResolvers(deps: Deps, options: WalletOptions = {}) {
  const fetchRemote = options.fetchRemote ?? createGuardedFetch({ publicUrl: deps.publicUrl });
  const ownDidPrefix = `${didWebFromUrl(deps.publicUrl.origin, [])}:`;
  const resolveDid = createDidWebResolver({
    fetch: fetchRemote,
    resolveOwn: createLocalResolver(deps),
    ownPrefix: ownDidPrefix,
  });
  const localLists = createLocalStatusListFetcher(deps);
  const fetchStatusList = async (url: string) => {
    if (url.startsWith(deps.publicUrl.origin)) return localLists(url);
    const list = await fetchRemote(url);
    if (typeof list !== 'object' || list === null || Array.isArray(list))
      throw new Error(`${url} is not a status list credential`);
    return list as Record<string, unknown>;
  };
  return { resolveDid, fetchStatusList };
}

/** Turns failed checks into the one 4xx that says what is wrong. */
function refusal(result: VerificationResult): AppError {
  const failed = result.checks.filter((c) => c.status === 'failed');
  const fields = failed.map((c) => ({ field: `credential.${c.id}`, message: c.message }));
  const first = (id: string) => failed.find((c) => c.id === id);
  const recipient = first('recipient');
  const onlyRecipient = recipient && failed.every((c) => c.id === 'recipient');
  if (onlyRecipient)
    return new AppError(
      'forbidden',
      `This credential belongs to someone else: ${recipient.message}. Only credentials issued to your own email address can be added.`,
      { fields },
    );
  const revoked = first('revocation') ?? first('suspension');
  if (revoked)
    return new AppError(
      'validation_failed',
      `This credential is not in force: ${revoked.message}. Nothing was added.`,
      { fields },
    );
  const expired = first('validUntil') ?? first('validFrom');
  if (expired)
    return new AppError(
      'validation_failed',
      `This credential is not valid now: ${expired.message}. Nothing was added.`,
      { fields },
    );
  const proof = first('proof') ?? first('issuer');
  if (proof)
    return new AppError('validation_failed', `This credential does not verify: ${proof.message}. Nothing was added.`, {
      fields,
    });
  return new AppError(
    'validation_failed',
    `This credential does not verify: ${failed.map((c) => c.message).join('; ')}. Nothing was added.`,
    { fields },
  );
}

/**
 * Adds a credential earned elsewhere to the learner's wallet: it must verify (signature,
 * issuer, dates, status) and name the learner's email as its recipient. Then the learner's
 * pathways are re-evaluated in the same transaction, so it may complete one.
 */
export async function importWalletCredential(
  deps: Deps,
  actor: Actor,
  input: WalletInput,
  options: WalletOptions = {},
) {
  const user = requireUser(actor);
  const learner = await findUser(deps.db, user.userId);
  if (!learner) throw new AppError('unauthenticated', 'Sign in to continue.');
  // The recipient check trusts the account's email only once its owner has proven it.
  await requireVerifiedEmail(deps, user.userId);
  const { result, credential: presented } = await verifyForWallet(deps, input, learner.email, options);
  if (!result.verified || !result.credential || !result.facts) throw refusal(result);
  const credential = result.credential;
  const facts = await walletFactsOf(deps, result.facts, credential);
  const credentialId = result.facts.id ?? null;
  if (credentialId) {
    const issuedHere = await findCredentialByCredentialId(deps.db, credentialId);
    if (issuedHere?.recipient_user_id === user.userId) {
      throw new AppError(
        'conflict',
        'This credential was issued to you on Cairn and is already in your credentials; it counts toward your pathways already.',
      );
    }
  }
  const document = typeof presented === 'string' ? presented.trim() : JSON.stringify(presented);
  const sha256 = createHash('sha256').update(document).digest('hex');
  return transaction(deps.db, async (trx) => {
    const row = await insertWalletCredential(trx, {
      learnerId: user.userId,
      credentialId,
      format: result.format,
      document,
      sha256,
      ...facts,
      now: deps.clock(),
    });
    if (!row) throw new AppError('conflict', 'This credential is already in your wallet.');
    const { awarded } = await reevaluateLearnerPathways({ ...deps, db: trx }, user.userId);
    const item = await getWalletItem({ ...deps, db: trx }, user.userId, row.id);
    return { ...item, awardedPathwayIds: awarded };
  });
}

export async function getWalletItem(deps: Deps, learnerId: string, id: string) {
  const items = await presentWallet(
    deps,
    learnerId,
    [await findWalletCredential(deps.db, learnerId, id)].filter((r) => r !== undefined),
  );
  if (items.length === 0) throw new AppError('not_found', 'No credential with this id is in your wallet.');
  return items[0]!;
}

async function presentWallet(deps: Deps, learnerId: string, rows: Awaited<ReturnType<typeof listWalletRows>>) {
  const { states } = await computeLearnerPathways(deps, learnerId);
  return rows.map((r) => ({
    id: r.id,
    credentialId: r.credential_id,
    format: r.format,
    achievementId: r.achievement_id,
    achievementName: r.achievement_name,
    issuer: { did: r.issuer_did, name: r.issuer_name },
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    addedAt: r.added_at,
    status: r.status,
    statusReason: r.status_reason,
    statusCheckedAt: r.status_checked_at,
    statusCheckError: r.status_check_error,
    verifiableCredential: r.format === 'jwt' ? r.document : (JSON.parse(r.document) as JsonObject),
    pathways: states
      .filter((s) => Object.values(s.evaluation.perNode).some((n) => n.counted.includes(`wallet:${r.id}`)))
      .map((s) => ({ id: s.pathwayId, name: s.version.name })),
  }));
}

export async function listWallet(deps: Deps, actor: Actor) {
  const user = requireUser(actor);
  return presentWallet(deps, user.userId, await listWalletRows(deps.db, user.userId));
}

/**
 * Removes a credential from the wallet. Pathway credentials already awarded stay as issued
 * (their CLR embeds it as it was); progress is re-evaluated without it.
 */
export async function removeWalletCredential(deps: Deps, actor: Actor, id: string) {
  const user = requireUser(actor);
  await transaction(deps.db, async (trx) => {
    const isDeleted = await deleteWalletCredential(trx, user.userId, id);
    if (!isDeleted) throw new AppError('not_found', 'No credential with this id is in your wallet.');
    await reevaluateLearnerPathways({ ...deps, db: trx }, user.userId);
  });
}
