import {
  checkStatusEntries,
  createDocumentLoader,
  decodeJwt,
  isCompactJwt,
  readSignedFacts,
  type FetchStatusList,
  type JsonObject,
} from '@cairn/credentials';
import type { Actor, Deps } from '../deps.js';
import type { WalletStatus } from '../db/schema.js';
import { transaction } from '../db/transaction.js';
import { AppError } from '../http/app-error.js';
import { requireUser } from '../orgs/orgs.service.js';
import { onComponentStatusChanged } from './award-suspension.js';
import { reevaluateLearnerPathways } from './pathway-awards.service.js';
import { lockLearner } from './stores/pathway-progress.store.js';
import { setWalletStatus, walletEntriesToCheck } from './stores/wallet.store.js';
import { getWalletItem, walletResolvers, type WalletOptions } from './wallet.service.js';

type WalletRow = Awaited<ReturnType<typeof walletEntriesToCheck>>[number];

/** How issuers' lists and keys are reached; made once per request or run. */
type IssuerReach = { fetchStatusList: FetchStatusList; documentLoader: ReturnType<typeof createDocumentLoader> };

function issuerReach(
  deps: Deps,
  options: WalletOptions,
  wrapFetch: (f: FetchStatusList) => FetchStatusList = (f) => f,
): IssuerReach {
  const { resolveDid, fetchStatusList } = walletResolvers(deps, options);
  return { fetchStatusList: wrapFetch(fetchStatusList), documentLoader: createDocumentLoader({ resolveDid }) };
}

export type StatusReading = { status: WalletStatus; reason: string | null } | { error: string };

function credentialOf(row: Pick<WalletRow, 'format' | 'document'>): JsonObject {
  if (row.format === 'jwt' && isCompactJwt(row.document)) {
    // The registered JWT claims are JOSE's, not JSON-LD terms; the rest is the credential.
    const {
      iss: _iss,
      sub: _sub,
      jti: _jti,
      nbf: _nbf,
      exp: _exp,
      iat: _iat,
      ...credential
    } = decodeJwt(row.document).payload;
    return credential;
  }
  return JSON.parse(row.document) as JsonObject;
}

/**
 * Reads a wallet credential's status from its issuer's lists (the signed list is verified as
 * at import), taking the entries from the credential's signed meaning: `["revocation"]` or an
 * expanded IRI is the same purpose. Revocation wins over suspension; a credential without status
 * entries stays active. An entry that cannot be read gives an error, not a verdict; the entry
 * keeps its last known status and says why it could not be checked.
 */
export async function readWalletStatus(
  deps: Deps,
  row: Pick<WalletRow, 'format' | 'document'>,
  reach: IssuerReach,
): Promise<StatusReading> {
  let facts;
  try {
    facts = await readSignedFacts(credentialOf(row), reach.documentLoader);
  } catch (err) {
    return { error: `The credential could not be read: ${err instanceof Error ? err.message : String(err)}` };
  }
  const outcomes = await checkStatusEntries(facts, {
    fetchStatusList: reach.fetchStatusList,
    documentLoader: reach.documentLoader,
    now: deps.clock(),
  });
  const unreadable = outcomes.find((o) => o.state === 'unreadable');
  if (outcomes.some((o) => o.purpose === 'revocation' && o.state === 'set'))
    return { status: 'revoked', reason: 'The issuer has revoked this credential.' };
  if (unreadable && unreadable.state === 'unreadable') return { error: unreadable.reason };
  if (outcomes.some((o) => o.purpose === 'suspension' && o.state === 'set'))
    return { status: 'suspended', reason: 'The issuer has suspended this credential for now.' };
  return { status: 'active', reason: null };
}

/**
 * Records a reading. When the status changes, in one transaction with the learner locked:
 * pathway credentials that stack this entry are suspended or reinstated (and people told),
 * and the learner's progress is re-evaluated without (or again with) it.
 */
async function applyReading(deps: Deps, row: WalletRow, reading: StatusReading) {
  const now = deps.clock();
  if ('error' in reading) {
    await setWalletStatus(deps.db, row.id, { status: row.status, reason: null, checkedAt: now, error: reading.error });
    return false;
  }
  if (reading.status === row.status) {
    await setWalletStatus(deps.db, row.id, { status: row.status, reason: reading.reason, checkedAt: now, error: null });
    return false;
  }
  await transaction(deps.db, async (trx) => {
    const tdeps = { ...deps, db: trx };
    await lockLearner(trx, row.learner_id);
    await setWalletStatus(trx, row.id, { status: reading.status, reason: reading.reason, checkedAt: now, error: null });
    await onComponentStatusChanged(tdeps, row.id);
    await reevaluateLearnerPathways(tdeps, row.learner_id);
  });
  return true;
}

/** Each status list once per run, however many wallet entries point at it. */
function memoised(fetch: FetchStatusList): FetchStatusList {
  const seen = new Map<string, ReturnType<FetchStatusList>>();
  return (url) => {
    let pending = seen.get(url);
    if (!pending) seen.set(url, (pending = fetch(url)));
    return pending;
  };
}

/** The learner asks: is this wallet entry still in force? Checked now, answered with the entry. */
export async function recheckMyWalletCredential(deps: Deps, actor: Actor, id: string, options: WalletOptions = {}) {
  const user = requireUser(actor);
  const [row] = await walletEntriesToCheck(deps.db, { learnerId: user.userId, id, limit: 1 });
  if (!row) throw new AppError('not_found', 'No credential with this id is in your wallet.');
  await applyReading(deps, row, await readWalletStatus(deps, row, issuerReach(deps, options)));
  return getWalletItem(deps, user.userId, id);
}

export type WalletCheckRun = { checked: number; changed: number; unreadable: number };

/**
 * Re-reads the status of every wallet entry not checked since `olderThanMs` ago, a page at a
 * time (periodic job). One entry's failure is recorded on it and never stops the run.
 */
export async function recheckWallets(
  deps: Deps,
  options: WalletOptions & { olderThanMs?: number; log?: { error(obj: object, msg?: string): void } } = {},
): Promise<WalletCheckRun> {
  const run: WalletCheckRun = { checked: 0, changed: 0, unreadable: 0 };
  const checkedBefore = new Date(deps.clock().getTime() - (options.olderThanMs ?? 0) + 1);
  const reach = issuerReach(deps, options, memoised);
  let afterId: string | undefined;
  for (;;) {
    const rows = await walletEntriesToCheck(deps.db, { checkedBefore, limit: 200, ...(afterId ? { afterId } : {}) });
    if (rows.length === 0) break;
    afterId = rows.at(-1)!.id;
    for (const row of rows) {
      let reading: StatusReading;
      try {
        reading = await readWalletStatus(deps, row, reach);
      } catch (err) {
        reading = { error: `The credential could not be read: ${err instanceof Error ? err.message : String(err)}` };
      }
      try {
        if (await applyReading(deps, row, reading)) run.changed += 1;
      } catch (err) {
        options.log?.error({ err, walletCredentialId: row.id }, 'wallet status change failed');
        await setWalletStatus(deps.db, row.id, {
          status: row.status,
          reason: null,
          checkedAt: deps.clock(),
          error: 'The new status could not be applied; it will be tried again.',
        });
      }
      run.checked += 1;
      if ('error' in reading) run.unreadable += 1;
    }
  }
  return run;
}
