import {
  Bitstring,
  buildStatusEntry,
  buildStatusListCredential,
  signCredential,
  type JsonObject,
  type Signer,
} from '@cairn/credentials';
import type { Deps } from '../deps.js';
import { AppError } from '../http/app-error.js';
import { identifierOfSigner, loadIssuerSigner } from '../keys/signing-keys.service.js';
import { documentLoader } from '../verification/document-loader.js';
import { permutedIndexes } from './status-index-permutation.js';
import * as store from './status-lists.store.js';

export type ChangeablePurpose = 'revocation' | 'suspension';
/** How long verifiers may cache a list (ms); also its Cache-Control max-age. */
export const STATUS_LIST_TTL_MS = 60_000;

type Issuer = { id: string; slug: string; did: string; name: string };

export function statusListUrl(publicUrl: URL, slug: string, listNumber: number, purpose: ChangeablePurpose): string {
  return new URL(`/orgs/${slug}/status/${listNumber}/${purpose}`, publicUrl).toString();
}

/** The DID a signer signs as (its verification method without the fragment). */
function controllerOf(signer: Signer): string {
  return signer.verificationMethod.slice(0, signer.verificationMethod.indexOf('#'));
}

async function signList(
  deps: Deps,
  issuer: Issuer,
  signer: Signer,
  listNumber: number,
  purpose: ChangeablePurpose,
  bits: Uint8Array,
) {
  const unsigned = buildStatusListCredential({
    id: statusListUrl(deps.publicUrl, issuer.slug, listNumber, purpose),
    // The list credential has only the VC context, where "Profile" is undefined: the issuer is its
    // DID. Verifiers accept a list only from the credential's own issuer, so a did:key credential's
    // list is issued and signed by that did:key, a did:web credential's by the did:web.
    issuer: controllerOf(signer),
    statusPurpose: purpose,
    bitstring: new Bitstring({ bytes: bits }),
    validFrom: deps.clock(),
    ttl: STATUS_LIST_TTL_MS,
  });
  const signed = await signCredential({
    credential: unsigned,
    signer,
    cryptosuite: 'eddsa-rdfc-2022',
    documentLoader,
    now: deps.clock(),
  });
  return JSON.stringify(signed);
}

export type AllocatedStatus = {
  listNumber: number;
  index: number;
  entries: { revocation: JsonObject; suspension: JsonObject };
};

/**
 * Hands out `count` never-used indexes and, for each, the two status entries (revocation,
 * suspension) that point at it, in lists of the identifier `signer` signs as. The list row is
 * locked while its counter moves by `count` (a few bytes, never the bitstrings): in the caller's
 * transaction, so two allocations never share an index, and an issuance that rolls back leaves
 * its indexes unused, never reused. A block may span two lists when the first fills up.
 */
export async function allocateStatusBlock(
  deps: Deps,
  issuer: Issuer,
  signer: Signer,
  count: number,
): Promise<AllocatedStatus[]> {
  const out: AllocatedStatus[] = [];
  while (out.length < count) {
    const { list, isNew } = await store.lockListWithRoom(deps.db, issuer.id, identifierOfSigner(signer));
    const taken = Math.min(count - out.length, list.size - list.allocated_count);
    await store.advanceAllocation(deps.db, issuer.id, list.list_number, taken);
    if (isNew) {
      const empty = new Uint8Array(list.size / 8);
      await store.saveStatusBits(deps.db, issuer.id, list.list_number, {
        revocationCredential: await signList(deps, issuer, signer, list.list_number, 'revocation', empty),
        suspensionCredential: await signList(deps, issuer, signer, list.list_number, 'suspension', empty),
      });
    }
    const urls = {
      revocation: statusListUrl(deps.publicUrl, issuer.slug, list.list_number, 'revocation'),
      suspension: statusListUrl(deps.publicUrl, issuer.slug, list.list_number, 'suspension'),
    };
    for (const index of permutedIndexes(list.permutation_key, list.size, list.allocated_count, taken)) {
      out.push({
        listNumber: list.list_number,
        index,
        entries: {
          revocation: buildStatusEntry({ listUrl: urls.revocation, index, purpose: 'revocation' }),
          suspension: buildStatusEntry({ listUrl: urls.suspension, index, purpose: 'suspension' }),
        },
      });
    }
  }
  return out;
}

/** One credential's index and entries: `allocateStatusBlock` with a block of one. */
export async function allocateStatusEntries(deps: Deps, issuer: Issuer, signer: Signer): Promise<AllocatedStatus> {
  return (await allocateStatusBlock(deps, issuer, signer, 1))[0]!;
}

/**
 * Sets or clears one bit and republishes that list at once, in the caller's transaction. The list
 * is re-signed as the identifier it belongs to: `signer` when it signs as that identifier (the
 * organisation's active did:web key, usually), else the organisation's key for the list's own.
 */
export async function setStatusBit(
  deps: Deps,
  issuer: Issuer,
  signer: Signer,
  at: { listNumber: number | null; index: number | null },
  purpose: ChangeablePurpose,
  isSet: boolean,
) {
  if (at.listNumber === null || at.index === null) {
    throw new AppError(
      'conflict',
      'This credential carries a status entry its issuer supplied, not one of Cairn’s lists, so Cairn cannot change its status. Change it where that list is published.',
    );
  }
  const list = await store.lockList(deps.db, issuer.id, at.listNumber);
  const listSigner =
    identifierOfSigner(signer) === list.issuer_identifier
      ? signer
      : await loadIssuerSigner(deps, issuer, list.issuer_identifier);
  const bits = new Bitstring({ bytes: purpose === 'revocation' ? list.revocation : list.suspension });
  bits.set(at.index, isSet);
  const credential = await signList(deps, issuer, listSigner, at.listNumber, purpose, bits.bytes);
  await store.saveStatusBits(
    deps.db,
    issuer.id,
    at.listNumber,
    purpose === 'revocation'
      ? { revocation: bits.bytes, revocationCredential: credential }
      : { suspension: bits.bytes, suspensionCredential: credential },
  );
}

/**
 * Takes the status lists of several organisations in a fixed order (by id) before a
 * transaction signs for more than one of them. A transaction signing for one organisation
 * needs nothing: it takes that organisation's list as it goes.
 */
export async function lockStatusListsInOrder(deps: Pick<Deps, 'db'>, orgIds: Iterable<string>) {
  const distinct = [...new Set(orgIds)].sort();
  if (distinct.length > 1) await store.lockListsOfOrganizations(deps.db, distinct);
}

/** The signed list credential as published, or undefined. */
export async function getPublishedStatusList(
  deps: Deps,
  orgId: string,
  listNumber: number,
  purpose: ChangeablePurpose,
) {
  const row = await store.findPublishedList(deps.db, orgId, listNumber);
  const text = purpose === 'revocation' ? row?.revocation_credential : row?.suspension_credential;
  return text ?? undefined;
}
