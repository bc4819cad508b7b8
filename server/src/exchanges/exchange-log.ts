import { randomUUID } from 'node:crypto';
import type { Db } from '../db/transaction.js';
import type { CredentialExchangeStepKind } from '../db/schema.js';
import * as store from './credential-exchange.store.js';

/** Adds one step to an exchange's log, as its holder will read it. */
export function logStep(
  db: Db,
  exchange: { id: string; org_id: string },
  step: CredentialExchangeStepKind,
  at: Date,
  details: { did?: string | null; detail?: string | null } = {},
) {
  return store.insertStep(db, {
    id: randomUUID(),
    exchangeId: exchange.id,
    orgId: exchange.org_id,
    step,
    did: details.did ?? null,
    detail: details.detail ?? null,
    at,
  });
}

/** Minutes an exchange stays open. */
export const EXCHANGE_TTL_MS = 10 * 60 * 1000;
