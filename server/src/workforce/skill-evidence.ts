import type { JsonObject } from '@cairn/credentials';
import type { Deps } from '../deps.js';
import { STATUS_LIST_TTL_MS } from '../issuance/status-lists.service.js';
import { verifyForWallet } from '../pathways/wallet.service.js';
import { walletFactsOf } from '../pathways/wallet-facts.js';
import { evidenceLevelOf, type SkillLevel } from './skill-levels.js';
import * as evidenceStore from './stores/evidence.store.js';

/** A held credential as stored: issued on this Cairn, or brought into the wallet from elsewhere. */
export type HeldCredential = {
  id: string;
  kind: 'issued' | 'wallet';
  userId: string;
  document: string;
  format: 'ldp' | 'jwt';
  achievementName: string | null;
};

/** What one credential evidences right now. */
export type CredentialEvidence = {
  credentialId: string;
  isVerified: boolean;
  /** Why it does not count, when it does not. */
  failure: string | null;
  achievementName: string | null;
  skills: { skillId: string; level: SkillLevel }[];
  validUntil: Date | null;
};

type Cached = { checkedAt: number; evidence: CredentialEvidence };

// Verification results per credential and recipient, kept no longer than a status list may be
// cached (its `ttl`), so a revocation or suspension counts within that time, as with any verifier.
const cache = new Map<string, Cached>();
const MAX_CACHED = 50_000;
const CONCURRENCY = 8;

/** Drops every cached result (tests, and the bench's cold runs). */
export function clearEvidenceCache() {
  cache.clear();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Verifies a held credential for `email` with the platform's verifier (signature, issuer,
 * dates, revocation and suspension status, and that it was issued to that email) and reads
 * the skills its Achievement aligns to from the signed meaning only. A check that cannot be
 * made fails: the credential then evidences nothing.
 */
export async function evidenceOf(deps: Deps, held: HeldCredential, email: string): Promise<CredentialEvidence> {
  const key = `${held.kind}:${held.id}:${email.toLowerCase()}`;
  const now = deps.clock().getTime();
  const hit = cache.get(key);
  if (hit && now - hit.checkedAt < STATUS_LIST_TTL_MS && now >= hit.checkedAt) {
    const { evidence } = hit;
    // Expiry needs no list: a credential that expired since it was checked stops counting at once.
    if (evidence.isVerified && evidence.validUntil && evidence.validUntil.getTime() <= now) {
      return { ...evidence, isVerified: false, failure: 'The credential has expired', skills: [] };
    }
    return evidence;
  }
  const evidence = await verifyHeld(deps, held, email);
  if (evidence) {
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    cache.set(key, { checkedAt: now, evidence });
    return evidence;
  }
  return refused(held, 'The credential could not be verified now (the verifier is busy); it does not count');
}

function refused(held: HeldCredential, failure: string): CredentialEvidence {
  return {
    credentialId: held.id,
    isVerified: false,
    failure,
    achievementName: held.achievementName,
    skills: [],
    validUntil: null,
  };
}

/** Null when the verifier could not take the work (busy, over budget): nothing is cached then. */
async function verifyHeld(deps: Deps, held: HeldCredential, email: string): Promise<CredentialEvidence | null> {
  let input: JsonObject | string;
  try {
    input = held.format === 'jwt' ? held.document : (JSON.parse(held.document) as JsonObject);
  } catch {
    return refused(held, 'The stored credential cannot be read');
  }
  let verified;
  try {
    verified = await verifyForWallet(deps, input, email);
  } catch {
    return null;
  }
  const { result } = verified;
  if (!result.verified || !result.facts) {
    const failed = result.checks.filter((c) => c.status === 'failed').map((c) => c.message);
    return refused(held, failed.join('; ') || 'The credential does not verify');
  }
  let facts;
  try {
    facts = await walletFactsOf(deps, result.facts, result.credential ?? {});
  } catch {
    return refused(held, 'The credential names no achievement or no issuer');
  }
  // The programme's declared level counts only when the signer is the organisation that published it.
  const achievementPrefix = new URL('/achievements/', deps.publicUrl).toString();
  const versionId =
    facts.microcredentialId && facts.achievementId.startsWith(achievementPrefix)
      ? facts.achievementId.slice(achievementPrefix.length)
      : '';
  const levels = UUID.test(versionId)
    ? await evidenceStore.versionLevels(deps.db, [versionId])
    : new Map<string, number | null>();
  const level = evidenceLevelOf(levels.get(versionId) ?? null);
  return {
    credentialId: held.id,
    isVerified: true,
    failure: null,
    achievementName: facts.achievementName ?? held.achievementName,
    skills: facts.skillIds.map((skillId) => ({ skillId, level })),
    validUntil: facts.validUntil,
  };
}

/** Evidence for many credentials, a few verifications at a time (the verify pool queues the rest). */
export async function evidenceOfMany(
  deps: Deps,
  items: { held: HeldCredential; email: string }[],
): Promise<CredentialEvidence[]> {
  const out: CredentialEvidence[] = new Array<CredentialEvidence>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const at = next;
      next += 1;
      out[at] = await evidenceOf(deps, items[at]!.held, items[at]!.email);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  return out;
}
