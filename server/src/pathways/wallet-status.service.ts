import { checkStatus, createDocumentLoader, decodeJwt, isCompactJwt, type FetchStatusList, type JsonObject } from '@cairn/credentials';
import type { FastifyBaseLogger } from 'fastify';
import type { Actor, Deps } from '../deps.js';
import type { WalletStatus } from '../db/schema.js';
import { transaction } from '../db/transaction.js';
import { AppError } from '../http/app-error.js';
import { requireUser } from '../orgs/orgs.service.js';
import { onComponentStatusChanged, reevaluateLearnerPathways } from './pathway-awards.service.js';
import * as store from './pathways.store.js';
import { getWalletItem, walletResolvers, type WalletOptions } from './wallet.service.js';

type WalletRow = Awaited<ReturnType<typeof store.walletEntriesToCheck>>[number];

/** How issuers' lists and keys are reached; made once per request or run. */
type IssuerReach = { fetchStatusList: FetchStatusList; documentLoader: ReturnType<typeof createDocumentLoader> };

function issuerReach(deps: Deps, options: WalletOptions, wrapFetch: (f: FetchStatusList) => FetchStatusList = (f) => f): IssuerReach {
  const { resolveDid, fetchStatusList } = walletResolvers(deps, options);
  return { fetchStatusList: wrapFetch(fetchStatusList), documentLoader: createDocumentLoader({ resolveDid }) };
}

export type StatusReading = { status: WalletStatus; reason: string | null } | { error: string };

function credentialOf(row: Pick<WalletRow, 'format' | 'document'>): JsonObject {
  if (row.format === 'jwt' && isCompactJwt(row.document)) {
    const payload = decodeJwt(row.document).payload;
    // VC-JWT 1.1 wraps the credential in `vc`; VC DM 2.0 (vc+jwt) makes it the payload.
    return (typeof payload.vc === 'object' && payload.vc !== null ? payload.vc : payload) as JsonObject;
  }
  return JSON.parse(row.document) as JsonObject;
}

/**
 * Reads a wallet credential's status from its issuer's lists (the signed list is verified as
 * at import). Revocation wins over suspension; a credential without status entries stays
 * active. A list that cannot be read gives an error, not a verdict.
 */
export async function readWalletStatus(deps: Deps, row: Pick<WalletRow, 'format' | 'document'>, reach: IssuerReach): Promise<StatusReading> {
  const credential = credentialOf(row);
  const entries = (Array.isArray(credential.credentialStatus) ? credential.credentialStatus : [credential.credentialStatus]).filter(
    (e): e is JsonObject => typeof e === 'object' && e !== null && !Array.isArray(e),
  );
  const issuer = credential.issuer;
  const issuerId = typeof issuer === 'string' ? issuer : typeof (issuer as JsonObject | undefined)?.id === 'string' ? ((issuer as JsonObject).id as string) : undefined;
  const { fetchStatusList, documentLoader } = reach;
  let status: WalletStatus = 'active';
  let reason: string | null = null;
  for (const purpose of ['revocation', 'suspension'] as const) {
    for (const entry of entries.filter((e) => e.statusPurpose === purpose)) {
      try {
        const outcome = await checkStatus(entry, fetchStatusList, { documentLoader, now: deps.clock(), ...(issuerId ? { issuerId } : {}) });
        if (outcome.isSet && status === 'active') {
          status = purpose === 'revocation' ? 'revoked' : 'suspended';
          reason = purpose === 'revocation' ? 'The issuer has revoked this credential.' : 'The issuer has suspended this credential for now.';
        }
      } catch (err) {
        return { error: `The ${purpose} list could not be read: ${err instanceof Error ? err.message : String(err)}` };
      }
    }
  }
  return { status, reason };
}

/**
 * Records a reading. When the status changes, in one transaction with the learner locked:
 * pathway credentials that stack this entry are suspended or reinstated (and people told),
 * and the learner's progress is re-evaluated without (or again with) it.
 */
async function applyReading(deps: Deps, row: WalletRow, reading: StatusReading) {
  const now = deps.clock();
  if ('error' in reading) {
    await store.setWalletStatus(deps.db, row.id, { status: row.status, reason: null, checkedAt: now, error: reading.error });
    return false;
  }
  if (reading.status === row.status) {
    await store.setWalletStatus(deps.db, row.id, { status: row.status, reason: reading.reason, checkedAt: now, error: null });
    return false;
  }
  await transaction(deps.db, async (trx) => {
    const tdeps = { ...deps, db: trx };
    await store.lockLearner(trx, row.learner_id);
    await store.setWalletStatus(trx, row.id, { status: reading.status, reason: reading.reason, checkedAt: now, error: null });
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
  const [row] = await store.walletEntriesToCheck(deps.db, { learnerId: user.userId, id, limit: 1 });
  if (!row) throw new AppError('not_found', 'No credential with this id is in your wallet.');
  await applyReading(deps, row, await readWalletStatus(deps, row, issuerReach(deps, options)));
  return getWalletItem(deps, user.userId, id);
}

export type WalletCheckRun = { checked: number; changed: number; unreadable: number };

/**
 * Re-reads the status of every wallet entry not checked since `olderThanMs` ago, a page at a
 * time (periodic job). One entry's failure is recorded on it and never stops the run.
 */
export async function recheckWallets(deps: Deps, options: WalletOptions & { olderThanMs?: number; log?: FastifyBaseLogger } = {}): Promise<WalletCheckRun> {
  const run: WalletCheckRun = { checked: 0, changed: 0, unreadable: 0 };
  const checkedBefore = new Date(deps.clock().getTime() - (options.olderThanMs ?? 0) + 1);
  const reach = issuerReach(deps, options, memoised);
  let afterId: string | undefined;
  for (;;) {
    const rows = await store.walletEntriesToCheck(deps.db, { checkedBefore, limit: 200, ...(afterId ? { afterId } : {}) });
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
        await store.setWalletStatus(deps.db, row.id, { status: row.status, reason: null, checkedAt: deps.clock(), error: 'The new status could not be applied; it will be tried again.' });
      }
      run.checked += 1;
      if ('error' in reading) run.unreadable += 1;
    }
  }
  return run;
}
