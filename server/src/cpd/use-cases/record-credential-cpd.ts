import type { Deps } from '../../deps.js';
import { transaction } from '../../db/transaction.js';
import * as store from '../stores/cpd.store.js';

/** CPD hours a credential is worth: the programme's, else the credits it says were earned. */
function hoursOf(cpdHours: number | null, creditsEarned: string | number | null): number {
  if (cpdHours !== null && cpdHours > 0) return cpdHours;
  const credits = Number(creditsEarned);
  return Number.isFinite(credits) && credits > 0 ? Math.min(credits, 1000) : 0;
}

/**
 * The `credential.issued` consumer: a credential issued to a learner becomes a structured CPD
 * entry with the credential as evidence. Idempotent (one entry per credential), so a redelivered
 * event changes nothing; a credential worth no hours adds no entry.
 */
export async function recordCredentialCpd(deps: Deps, credentialRowId: string): Promise<boolean> {
  const facts = await store.issuedCredentialFacts(deps.db, credentialRowId);
  if (!facts?.recipient_user_id) return false;
  const hours = hoursOf(facts.cpd_hours, facts.creditsEarned);
  if (hours <= 0) return false;
  return store.insertCredentialEntry(deps.db, facts.recipient_user_id, {
    date: new Date(facts.issued_at).toISOString().slice(0, 10),
    title: facts.achievement_name ?? 'Credential',
    hours,
    credentialId: facts.id,
  });
}

/**
 * Wallet credentials (earned elsewhere, verified when imported, still active) that are worth
 * CPD hours and have no entry yet get one. The wallet records no event, so the record catches
 * up whenever it is read; the unique index keeps it to one entry per credential.
 */
export async function syncWalletCpd(deps: Deps, learnerId: string): Promise<number> {
  const missing = await store.walletCredentialsWithoutEntry(deps.db, learnerId);
  if (missing.length === 0) return 0;
  return transaction(deps.db, async (trx) => {
    let added = 0;
    for (const w of missing) {
      const hours = hoursOf(w.cpd_hours, w.credits);
      const when = w.valid_from ?? w.added_at;
      const isAdded = await store.insertCredentialEntry(trx, learnerId, {
        date: new Date(when).toISOString().slice(0, 10),
        title: w.achievement_name ?? w.achievement_id,
        hours,
        walletCredentialId: w.id,
      });
      if (isAdded) added++;
    }
    return added;
  });
}
