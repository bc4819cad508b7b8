import { createHash } from 'node:crypto';
import { decodeJwt, normaliseEmail, type JsonObject, type SignedFacts } from '@cairn/credentials';
import type { Deps } from '../deps.js';
import { STATUS_LIST_TTL_MS } from '../issuance/status-lists.service.js';
import { verifyForWallet } from '../pathways/wallet.service.js';
import { walletFactsOf } from '../pathways/wallet-facts.js';
import { clearRecheckCache, createEvidenceRechecker, type EvidenceRechecker } from './evidence-recheck.js';
import { evidenceLevelOf, type SkillLevel } from './skill-levels.js';
import * as evidenceStore from './stores/evidence.store.js';
import {
  findMemos,
  upsertMemo,
  type SigningKeyMemo,
  type VerificationMemo,
} from './stores/verification-memos.store.js';

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

const CONCURRENCY = 8;
const MAX_MEMO_KEYS = 8;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

// Outcomes of earlier reports, kept no longer than a status list may be cached (its TTL): within
// that time the lists they were checked against could not have been read anew either.
type Cached = { checkedAt: number; evidence: CredentialEvidence };
const outcomes = new Map<string, Cached>();
const MAX_CACHED = 50_000;

/** Forgets earlier outcomes, status lists and DID documents (tests, and the bench's cold runs). */
export function clearEvidenceCache() {
  outcomes.clear();
  clearRecheckCache();
}

function cachedOutcome(key: string, now: number): CredentialEvidence | null {
  const hit = outcomes.get(key);
  if (!hit || now < hit.checkedAt || now - hit.checkedAt >= STATUS_LIST_TTL_MS) return null;
  const { evidence } = hit;
  // Expiry needs no list: a credential that expired since it was checked stops counting at once.
  if (evidence.isVerified && evidence.validUntil && evidence.validUntil.getTime() <= now) {
    return { ...evidence, isVerified: false, failure: 'The credential has expired', skills: [] };
  }
  return evidence;
}

function cacheOutcome(key: string, now: number, evidence: CredentialEvidence) {
  if (outcomes.size >= MAX_CACHED) outcomes.delete(outcomes.keys().next().value!);
  outcomes.set(key, { checkedAt: now, evidence });
}

function refused(held: HeldCredential, failure: string, achievementName = held.achievementName): CredentialEvidence {
  return { credentialId: held.id, isVerified: false, failure, achievementName, skills: [], validUntil: null };
}

type Verified = {
  evidence: CredentialEvidence;
  memo: Omit<VerificationMemo, 'userId' | 'contentHash' | 'emailHash'> | null;
};

/**
 * Verifies a held credential for `email` with the platform's verifier (signature, issuer,
 * dates, revocation and suspension status, and that it was issued to that email) and reads
 * the skills its Achievement aligns to from the signed meaning only. A check that cannot be
 * made fails: the credential then evidences nothing. Null when the verifier could not take the
 * work (busy, over budget).
 */
async function verifyHeld(
  deps: Deps,
  held: HeldCredential,
  email: string,
  rechecker: EvidenceRechecker,
): Promise<Verified | null> {
  let input: JsonObject | string;
  try {
    input = held.format === 'jwt' ? held.document : (JSON.parse(held.document) as JsonObject);
  } catch {
    return { evidence: refused(held, 'The stored credential cannot be read'), memo: null };
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
    return { evidence: refused(held, failed.join('; ') || 'The credential does not verify'), memo: null };
  }
  let facts;
  try {
    facts = await walletFactsOf(deps, result.facts, result.credential ?? {});
  } catch {
    return { evidence: refused(held, 'The credential names no achievement or no issuer'), memo: null };
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
  const evidence: CredentialEvidence = {
    credentialId: held.id,
    isVerified: true,
    failure: null,
    achievementName: facts.achievementName ?? held.achievementName,
    skills: facts.skillIds.map((skillId) => ({ skillId, level })),
    validUntil: facts.validUntil,
  };
  const keyIds = signingKeysOf(held, result.facts);
  // Each key with its material as the issuer publishes it (read within the TTL, as the verifier read it).
  const signingKeys: SigningKeyMemo[] = [];
  for (const id of keyIds.length <= MAX_MEMO_KEYS ? keyIds : []) {
    const key = await rechecker.boundKey(id, facts.issuerDid, held.format);
    if (key !== null) signingKeys.push({ id, key });
  }
  const isRememberable =
    signingKeys.length > 0 && signingKeys.length === keyIds.length && result.facts.embeddedCredentialCount === 0;
  return {
    evidence,
    memo: isRememberable
      ? {
          issuerId: facts.issuerDid,
          signingKeys,
          credentialUri: result.facts.id ?? null,
          statusEntries: result.facts.statusEntries,
          validFrom: facts.validFrom,
          validUntil: facts.validUntil,
          achievementName: evidence.achievementName,
          skills: evidence.skills,
        }
      : null,
  };
}

/**
 * The issuer's keys that signed the stored document: every Data Integrity proof's verification
 * method that is the issuer's (all must still be bound for a remembered result to count), or a
 * VC-JWT's `kid`. Empty when none can be named: such a credential is verified in full each time.
 */
function signingKeysOf(held: HeldCredential, facts: SignedFacts): string[] {
  const issuerId = facts.issuerId;
  if (!issuerId) return [];
  const ofIssuer = (id: unknown) => (typeof id === 'string' && id.startsWith(`${issuerId}#`) ? [id] : ([] as string[]));
  try {
    if (held.format === 'jwt') {
      const kid = decodeJwt(held.document).header.kid;
      return ofIssuer(typeof kid === 'string' && kid.startsWith('#') ? `${issuerId}${kid}` : kid);
    }
    const document = JSON.parse(held.document) as JsonObject;
    const proofs = Array.isArray(document.proof) ? document.proof : [document.proof];
    return [
      ...new Set(
        proofs.flatMap((p) =>
          typeof p === 'object' && p !== null && !Array.isArray(p) ? ofIssuer(p.verificationMethod) : [],
        ),
      ),
    ];
  } catch {
    return [];
  }
}

/**
 * Evidence for many held credentials. A document that verified before for the same holder and
 * email (remembered by its SHA-256) is not verified again: its signature and issuer binding
 * cannot change, so only its dates, its keys' binding and its status lists are checked, each
 * list and DID document read once. Anything else is verified in full by the verify pool (a few at
 * a time; the pool queues the rest) and remembered when it verifies.
 */
export async function evidenceOfMany(
  deps: Deps,
  items: { held: HeldCredential; email: string }[],
): Promise<CredentialEvidence[]> {
  const now = deps.clock().getTime();
  const keyed = items.map(({ held, email }) => {
    const contentHash = sha256(held.document);
    const emailHash = sha256(normaliseEmail(email));
    const cacheKey = `${held.userId}:${contentHash}:${emailHash}`;
    return { held, email, contentHash, emailHash, cacheKey, cached: cachedOutcome(cacheKey, now) };
  });
  const memos = await findMemos(
    deps.db,
    keyed.filter((k) => !k.cached).map((k) => ({ userId: k.held.userId, contentHash: k.contentHash })),
  );
  const rechecker = createEvidenceRechecker(deps);

  const one = async (item: (typeof keyed)[number]): Promise<CredentialEvidence | null> => {
    const { held, email, contentHash, emailHash } = item;
    const memo = memos.get(`${held.userId}:${contentHash}`);
    if (memo && memo.emailHash === emailHash) {
      const outcome = await rechecker.recheck(memo, held.format);
      if (outcome.kind === 'verified') {
        return {
          credentialId: held.id,
          isVerified: true,
          failure: null,
          achievementName: memo.achievementName ?? held.achievementName,
          skills: memo.skills,
          validUntil: memo.validUntil,
        };
      }
      if (outcome.kind === 'refused') return refused(held, outcome.failure, memo.achievementName);
    }
    const verified = await verifyHeld(deps, held, email, rechecker);
    if (!verified) return null;
    if (verified.memo) {
      await upsertMemo(deps.db, { ...verified.memo, userId: held.userId, contentHash, emailHash }, deps.clock());
    }
    return verified.evidence;
  };

  const out: CredentialEvidence[] = new Array<CredentialEvidence>(keyed.length);
  let next = 0;
  const worker = async () => {
    while (next < keyed.length) {
      const at = next;
      next += 1;
      const item = keyed[at]!;
      if (item.cached) {
        out[at] = { ...item.cached, credentialId: item.held.id };
        continue;
      }
      const evidence = await one(item);
      if (evidence) cacheOutcome(item.cacheKey, now, evidence);
      // Nothing is kept when the verifier could not take the work: the next report tries again.
      out[at] =
        evidence ??
        refused(item.held, 'The credential could not be verified now (the verifier is busy); it does not count');
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, keyed.length) }, worker));
  return out;
}
