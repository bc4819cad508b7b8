import {
  checkStatusEntries,
  createDocumentLoader,
  resolveAssertionKey,
  resolveJwtAssertionKey,
  type DocumentLoader,
  type SignedFacts,
} from '@cairn/credentials';
import type { Deps } from '../deps.js';
import { STATUS_LIST_TTL_MS } from '../issuance/status-lists.service.js';
import { walletResolvers } from '../pathways/wallet.service.js';
import type { VerificationMemo } from './stores/verification-memos.store.js';

/** What a remembered credential says now: it counts, it does not (and why), or it must be verified in full. */
export type RecheckOutcome = { kind: 'verified' } | { kind: 'refused'; failure: string } | { kind: 'verify-again' };

type Fetched = { fetchedAt: number; value: Promise<unknown> };

// Status lists and DID documents as last read, each kept no longer than a status list may be
// cached (its TTL): a revocation, a suspension or a key taken off its issuer counts within that
// time, as with any verifier. One report reads each at most once.
const statusLists = new Map<string, Fetched>();
const didDocuments = new Map<string, Fetched>();
const MAX_KEPT = 5_000;

/** Forgets every list and DID document read (tests, and the bench's cold runs). */
export function clearRecheckCache() {
  statusLists.clear();
  didDocuments.clear();
}

function readThrough(cache: Map<string, Fetched>, key: string, now: number, read: () => Promise<unknown>) {
  const hit = cache.get(key);
  if (hit && now >= hit.fetchedAt && now - hit.fetchedAt < STATUS_LIST_TTL_MS) return hit.value;
  const value = read();
  // A failed read is not kept: the next report asks again.
  value.catch(() => {
    if (cache.get(key)?.value === value) cache.delete(key);
  });
  if (cache.size >= MAX_KEPT) cache.delete(cache.keys().next().value!);
  cache.set(key, { fetchedAt: now, value });
  return value;
}

/**
 * The checks a gap report makes again on a credential whose signature and issuer binding were
 * verified before (same holder, same bytes): dates, that each signing key is still an
 * assertion method of the issuer, and every status entry (revocation, suspension) against its
 * list. The issuers' DID documents and lists come through the platform's resolvers (Cairn's own
 * from the database, others through the guarded fetch), each read once per TTL.
 */
export function createEvidenceRechecker(deps: Deps) {
  const now = deps.clock();
  const at = now.getTime();
  const { resolveDid, fetchStatusList } = walletResolvers(deps);
  const cachedResolveDid = (did: string) => readThrough(didDocuments, did, at, () => resolveDid(did));
  const cachedFetchList = (url: string) => readThrough(statusLists, url, at, () => fetchStatusList(url));
  const documentLoader: DocumentLoader = createDocumentLoader({ resolveDid: cachedResolveDid });
  const keyChecks = new Map<string, Promise<string | null>>();

  /** The key material of `keyId` when it is an assertion method of `issuerId` now; null when not. */
  const boundKey = (keyId: string, issuerId: string, format: 'ldp' | 'jwt') => {
    const memoKey = `${format}\n${issuerId}\n${keyId}`;
    let checked = keyChecks.get(memoKey);
    if (!checked) {
      checked =
        format === 'jwt'
          ? resolveJwtAssertionKey(keyId, documentLoader).then(
              (k) => (k.controller === issuerId ? JSON.stringify(k.key.export({ format: 'jwk' })) : null),
              () => null,
            )
          : resolveAssertionKey(keyId, documentLoader).then(
              (k) => (k.controller === issuerId ? k.publicKeyMultibase : null),
              () => null,
            );
      keyChecks.set(memoKey, checked);
    }
    return checked;
  };

  const recheck = async (memo: VerificationMemo, format: 'ldp' | 'jwt'): Promise<RecheckOutcome> => {
    if (memo.validFrom && memo.validFrom.getTime() > at) {
      return { kind: 'refused', failure: 'The credential is not valid yet' };
    }
    if (memo.validUntil && memo.validUntil.getTime() <= at) {
      return { kind: 'refused', failure: 'The credential has expired' };
    }
    const keys = await Promise.all(memo.signingKeys.map((k) => boundKey(k.id, memo.issuerId, format)));
    // A key no longer the issuer's, or not the same key: the full verifier decides, and says why.
    if (keys.some((key, i) => key === null || key !== memo.signingKeys[i]!.key)) return { kind: 'verify-again' };
    const facts: SignedFacts = {
      id: memo.credentialUri ?? undefined,
      types: [],
      issuerId: memo.issuerId,
      validFrom: undefined,
      validUntil: undefined,
      issuanceDate: undefined,
      expirationDate: undefined,
      subjects: [],
      statusEntries: memo.statusEntries,
      embeddedCredentialCount: 0,
      endorsementCount: 0,
    };
    const outcomes = await checkStatusEntries(facts, { fetchStatusList: cachedFetchList, documentLoader, now });
    for (const o of outcomes) {
      if (o.state === 'unreadable') return { kind: 'refused', failure: o.reason };
      if (o.state === 'set') {
        return {
          kind: 'refused',
          failure: o.purpose === 'suspension' ? 'The credential is suspended' : 'The credential has been revoked',
        };
      }
    }
    return { kind: 'verified' };
  };

  return { recheck, boundKey };
}

export type EvidenceRechecker = ReturnType<typeof createEvidenceRechecker>;
