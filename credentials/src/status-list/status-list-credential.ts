import { CONTEXT_URLS } from '../contexts/context-urls.js';
import { toDateTimeStamp } from '../proofs/data-integrity.js';
import type { JsonObject } from '../util/json.js';
import type { Bitstring } from './bitstring.js';
import { encodeList } from './encoded-list.js';

export type StatusPurpose = 'revocation' | 'suspension' | 'refresh' | 'message';

/** A status entry as it appears in a credential's `credentialStatus`. */
export type BitstringStatusListEntry = {
  id: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: StatusPurpose;
  /** A base-10 integer as a string, per the W3C spec. */
  statusListIndex: string;
  statusListCredential: string;
  statusSize?: number;
};

export type BuildStatusListCredentialOptions = {
  /** The URL the list credential is served at. */
  id: string;
  issuer: string | JsonObject;
  statusPurpose: StatusPurpose;
  bitstring: Bitstring;
  validFrom: Date;
  /** How long (ms) a verifier may cache the list. */
  ttl?: number;
  validUntil?: Date;
};

/** An unsigned BitstringStatusListCredential; sign it with `signCredential` before publishing. */
export function buildStatusListCredential({
  id,
  issuer,
  statusPurpose,
  bitstring,
  validFrom,
  ttl,
  validUntil,
}: BuildStatusListCredentialOptions): JsonObject {
  const subject: JsonObject = {
    id: `${id}#list`,
    type: 'BitstringStatusList',
    statusPurpose,
    encodedList: encodeList(bitstring),
  };
  if (ttl !== undefined) subject.ttl = ttl;
  const credential: JsonObject = {
    '@context': [CONTEXT_URLS.credentialsV2],
    id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer,
    validFrom: toDateTimeStamp(validFrom),
    credentialSubject: subject,
  };
  if (validUntil) credential.validUntil = toDateTimeStamp(validUntil);
  return credential;
}

/** The `credentialStatus` entry for a credential at `index` in the list at `listUrl`. */
export function buildStatusEntry({
  listUrl,
  index,
  purpose,
}: {
  listUrl: string;
  index: number;
  purpose: StatusPurpose;
}): BitstringStatusListEntry {
  if (!Number.isInteger(index) || index < 0) throw new RangeError('index must be a non-negative integer');
  return {
    id: `${listUrl}#${index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: purpose,
    statusListIndex: String(index),
    statusListCredential: listUrl,
  };
}
