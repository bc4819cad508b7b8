import type { Db } from '../db/transaction.js';
import type { CredentialExchangeStepKind } from '../db/schema.js';

/** SQL of the credential_exchanges aggregate (an exchange and its steps). */

export type NewExchange = {
  id: string;
  orgId: string;
  credentialId: string;
  holderUserId: string;
  interactionId: string;
  exchangeId: string;
  challenge: string;
  expiresAt: Date;
  createdAt: Date;
};

export async function insertExchange(db: Db, row: NewExchange) {
  await db
    .insertInto('credential_exchanges')
    .values({
      id: row.id,
      org_id: row.orgId,
      credential_id: row.credentialId,
      holder_user_id: row.holderUserId,
      interaction_id: row.interactionId,
      exchange_id: row.exchangeId,
      challenge: row.challenge,
      state: 'pending',
      expires_at: row.expiresAt,
      created_at: row.createdAt,
    })
    .execute();
}

export function findByInteractionId(db: Db, interactionId: string) {
  return db
    .selectFrom('credential_exchanges')
    .selectAll()
    .where('interaction_id', '=', interactionId)
    .executeTakeFirst();
}

export function findByExchangeId(db: Db, exchangeId: string) {
  return db.selectFrom('credential_exchanges').selectAll().where('exchange_id', '=', exchangeId).executeTakeFirst();
}

/** The exchange, locked until the transaction ends. */
export function lockExchange(db: Db, id: string) {
  return db.selectFrom('credential_exchanges').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Gives a pending exchange whose challenge was answered a fresh one; undefined when it is not pending. */
export function renewChallenge(db: Db, id: string, challenge: string) {
  return db
    .updateTable('credential_exchanges')
    .set({ challenge, challenge_used_at: null })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .where('challenge_used_at', 'is not', null)
    .returning(['challenge'])
    .executeTakeFirst();
}

/**
 * Burns the challenge of a pending exchange: the one statement that decides which presentation
 * may answer it. Undefined when it was already answered (a replay) or the exchange is not pending.
 */
export function claimChallenge(db: Db, id: string, at: Date) {
  return db
    .updateTable('credential_exchanges')
    .set({ challenge_used_at: at })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .where('challenge_used_at', 'is', null)
    .returning(['challenge'])
    .executeTakeFirst();
}

/** Marks a pending, unexpired exchange collected; undefined when another request got there first. */
export function markCollected(db: Db, id: string, values: { holderDid: string; issuedCredentialId: string; at: Date }) {
  return db
    .updateTable('credential_exchanges')
    .set({
      state: 'collected',
      holder_did: values.holderDid,
      issued_credential_id: values.issuedCredentialId,
      collected_at: values.at,
    })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .where('expires_at', '>', values.at)
    .returning(['id'])
    .executeTakeFirst();
}

/** Steps kept per exchange at most: an exchange URL in the wrong hands cannot fill the log. */
export const MAX_STEPS_PER_EXCHANGE = 20;

export async function insertStep(
  db: Db,
  step: {
    id: string;
    exchangeId: string;
    orgId: string;
    step: CredentialExchangeStepKind;
    did: string | null;
    detail: string | null;
    at: Date;
  },
) {
  const { count } = await db
    .selectFrom('credential_exchange_steps')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('exchange_id', '=', step.exchangeId)
    .executeTakeFirstOrThrow();
  if (Number(count) >= MAX_STEPS_PER_EXCHANGE && step.step !== 'collected') return;
  await db
    .insertInto('credential_exchange_steps')
    .values({
      id: step.id,
      exchange_id: step.exchangeId,
      org_id: step.orgId,
      step: step.step,
      did: step.did,
      detail: step.detail,
      at: step.at,
    })
    .execute();
}

/** A holder's exchanges of one credential, newest first, with their steps. */
export async function listExchangesOfHolder(db: Db, holderUserId: string, credentialId: string, limit: number) {
  const exchanges = await db
    .selectFrom('credential_exchanges')
    .selectAll()
    .where('holder_user_id', '=', holderUserId)
    .where('credential_id', '=', credentialId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  if (exchanges.length === 0) return [];
  const steps = await db
    .selectFrom('credential_exchange_steps')
    .selectAll()
    .where(
      'exchange_id',
      'in',
      exchanges.map((e) => e.id),
    )
    .orderBy('at', 'asc')
    .execute();
  return exchanges.map((e) => ({ ...e, steps: steps.filter((s) => s.exchange_id === e.id) }));
}
