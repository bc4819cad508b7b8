import type { Deps } from '../../deps.js';
import { transaction } from '../../db/transaction.js';
import { AppError } from '../../http/app-error.js';
import { createLocalResolver, verifyWithFacts } from '../../verification/verification.service.js';
import * as store from '../candidate-checks.store.js';
import { classifyVerification, describeCredential } from '../classify-verification.js';
import { createCredentialFetcher, type CredentialFetcher } from '../credential-source.js';

/** Items read per round; each is verified in the verify pool, a few side by side. */
const ROUND_SIZE = 20;
const PARALLEL = 2;

export type RunCheckOptions = {
  /** ms since epoch after which the run stops and the caller queues a follow-up. */
  deadline?: number;
  /** How URLs are read; default: own credentials from the database, the rest through the SSRF guard. */
  fetchUrl?: CredentialFetcher;
};

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Verifies one item; never throws for a bad credential or an unreachable URL (that is its outcome). */
async function checkItem(
  deps: Deps,
  item: store.PendingItem,
  fetchUrl: CredentialFetcher,
  isResolvable: (did: string | undefined) => Promise<boolean>,
): Promise<store.ItemOutcome> {
  const unverifiable = (reason: string): store.ItemOutcome => ({
    status: 'unverifiable',
    reason,
    holder: null,
    issuer: null,
    achievement: null,
    skills: [],
  });
  let bytes: Buffer;
  if (item.source === 'url') {
    try {
      bytes = await fetchUrl(item.url!);
    } catch (error) {
      return unverifiable(`Could not be fetched: ${message(error)}`);
    }
  } else {
    bytes = item.content ?? Buffer.alloc(0);
  }
  let result;
  try {
    ({ result } = await verifyWithFacts(deps, {
      job: { source: 'file', bytes, filename: item.name },
      ...(item.candidate_email ? { recipientEmail: item.candidate_email } : {}),
    }));
  } catch (error) {
    // A busy pool is not an answer about the credential: the queue retries the job later.
    if (error instanceof AppError && error.code === 'unavailable') throw error;
    // A file that holds no credential, or one over the size, complexity or work limits.
    return unverifiable(message(error));
  }
  const classified = classifyVerification(result, {
    isIssuerResolvable: await isResolvable(result.facts?.issuerId),
    candidateEmail: item.candidate_email,
  });
  return { ...classified, ...describeCredential(result, item.candidate_email, classified.status) };
}

/**
 * Works through a check's pending items until none is left or `deadline` passes ('more': the
 * caller queues a follow-up). Each outcome is saved as it comes, so after a crash any server
 * resumes with the items still pending; an item is counted once whoever settles it.
 */
export async function runCandidateCheck(
  deps: Deps,
  checkId: string,
  options: RunCheckOptions = {},
): Promise<'finished' | 'more' | 'gone'> {
  const check = await store.findCheckById(deps.db, checkId);
  if (!check) return 'gone';
  if (check.status !== 'queued' && check.status !== 'running') return 'finished';
  await store.markRunning(deps.db, checkId, deps.clock());
  const fetchUrl = options.fetchUrl ?? createCredentialFetcher(deps);
  const resolve = createLocalResolver(deps);
  const resolvable = new Map<string, Promise<boolean>>();
  const isResolvable = (did: string | undefined) => {
    if (!did) return Promise.resolve(false);
    const key = did.split('#')[0]!;
    let known = resolvable.get(key);
    if (!known) {
      known = resolve(key).then(
        () => true,
        () => false,
      );
      resolvable.set(key, known);
    }
    return known;
  };
  for (;;) {
    const items = await store.listPendingItems(deps.db, checkId, ROUND_SIZE);
    if (items.length === 0) {
      await store.finishIfDone(deps.db, checkId, deps.clock());
      return 'finished';
    }
    for (let i = 0; i < items.length; i += PARALLEL) {
      await Promise.all(
        items.slice(i, i + PARALLEL).map(async (item) => {
          const outcome = await checkItem(deps, item, fetchUrl, isResolvable);
          await transaction(deps.db, (trx) => store.settleItem(trx, checkId, item.position, outcome, deps.clock()));
        }),
      );
    }
    if (options.deadline !== undefined && Date.now() > options.deadline) return 'more';
  }
}
