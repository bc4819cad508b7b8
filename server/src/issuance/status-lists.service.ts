import { allocateIndex, Bitstring, buildStatusEntry, buildStatusListCredential, signCredential, type Signer } from '@cairn/credentials';
import type { Deps } from '../deps.js';
import { documentLoader } from '../verification/document-loader.js';
import * as store from './status-lists.store.js';

export type ChangeablePurpose = 'revocation' | 'suspension';
/** How long verifiers may cache a list (ms); also its Cache-Control max-age. */
export const STATUS_LIST_TTL_MS = 60_000;

type Issuer = { id: string; slug: string; did: string; name: string };

export function statusListUrl(publicUrl: URL, slug: string, listNumber: number, purpose: ChangeablePurpose): string {
  return new URL(`/orgs/${slug}/status/${listNumber}/${purpose}`, publicUrl).toString();
}

async function signList(deps: Deps, issuer: Issuer, signer: Signer, listNumber: number, purpose: ChangeablePurpose, bits: Uint8Array) {
  const unsigned = buildStatusListCredential({
    id: statusListUrl(deps.publicUrl, issuer.slug, listNumber, purpose),
    // The list credential has only the VC context, where "Profile" is undefined: the issuer is its DID.
    issuer: issuer.did,
    statusPurpose: purpose,
    bitstring: new Bitstring({ bytes: bits }),
    validFrom: deps.clock(),
    ttl: STATUS_LIST_TTL_MS,
  });
  const signed = await signCredential({ credential: unsigned, signer, cryptosuite: 'eddsa-rdfc-2022', documentLoader, now: deps.clock() });
  return JSON.stringify(signed);
}

/**
 * Hands out a never-used random index for a new credential and the two status entries
 * (revocation, suspension) that point at it. Must run inside the issuing transaction: the
 * list row stays locked until it commits, so two issuances never get the same index.
 */
export async function allocateStatusEntries(deps: Deps, issuer: Issuer, signer: Signer) {
  const { list, isNew } = await store.lockListWithRoom(deps.db, issuer.id);
  const allocated = new Bitstring({ bytes: list.allocated });
  const index = allocateIndex({ size: list.size, isTaken: (i) => allocated.get(i) });
  allocated.set(index, true);
  await store.saveAllocation(deps.db, issuer.id, list.list_number, allocated.bytes);
  if (isNew) {
    await store.saveStatusBits(deps.db, issuer.id, list.list_number, {
      revocationCredential: await signList(deps, issuer, signer, list.list_number, 'revocation', list.revocation),
      suspensionCredential: await signList(deps, issuer, signer, list.list_number, 'suspension', list.suspension),
    });
  }
  const entryFor = (purpose: ChangeablePurpose) => buildStatusEntry({ listUrl: statusListUrl(deps.publicUrl, issuer.slug, list.list_number, purpose), index, purpose });
  const entries = { revocation: entryFor('revocation'), suspension: entryFor('suspension') };
  return { listNumber: list.list_number, index, entries };
}

/** Sets or clears one bit and republishes that list at once, in the caller's transaction. */
export async function setStatusBit(deps: Deps, issuer: Issuer, signer: Signer, at: { listNumber: number; index: number }, purpose: ChangeablePurpose, isSet: boolean) {
  const list = await store.lockList(deps.db, issuer.id, at.listNumber);
  const bits = new Bitstring({ bytes: purpose === 'revocation' ? list.revocation : list.suspension });
  bits.set(at.index, isSet);
  const credential = await signList(deps, issuer, signer, at.listNumber, purpose, bits.bytes);
  await store.saveStatusBits(
    deps.db,
    issuer.id,
    at.listNumber,
    purpose === 'revocation' ? { revocation: bits.bytes, revocationCredential: credential } : { suspension: bits.bytes, suspensionCredential: credential },
  );
}

/** The signed list credential as published, or undefined. */
export async function getPublishedStatusList(deps: Deps, orgId: string, listNumber: number, purpose: ChangeablePurpose) {
  const row = await store.findPublishedList(deps.db, orgId, listNumber);
  const text = purpose === 'revocation' ? row?.revocation_credential : row?.suspension_credential;
  return text ?? undefined;
}
