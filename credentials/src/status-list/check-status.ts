import type { DocumentLoader } from '../contexts/document-loader.js';
import type { Canonicalizer } from '../proofs/canonicalizer.js';
import { proofsOf, verifyProofSignature } from '../proofs/data-integrity.js';
import { idOf, isJsonObject, show, typesOf, type JsonObject } from '../util/json.js';
import { resolveAssertionKey } from '../verify/key-resolver.js';
import { bundledContexts } from '../contexts/bundled-contexts.js';
import { servesBundledContexts } from '../contexts/document-loader.js';
import { MIN_STATUS_LIST_LENGTH, type Bitstring } from './bitstring.js';
import { decodeList } from './encoded-list.js';

/** Fetches a status list credential by URL (the caller decides how; the library never fetches). */
export type FetchStatusList = (url: string) => Promise<unknown>;

export type CheckStatusOptions = {
  /** Needed to verify the list credential's proof. */
  documentLoader?: DocumentLoader;
  /** The issuer of the credential being checked; a list from someone else is refused. */
  issuerId?: string;
  now?: Date;
  canonicalizer?: Canonicalizer;
};

export type StatusCheckResult = {
  purpose: string;
  index: number;
  /** True when the bit is set: revoked, suspended, … depending on the purpose. */
  isSet: boolean;
  /** Whether the list credential carried a proof that verified. */
  isListSigned: boolean;
  warnings: string[];
};

/** Thrown when the status cannot be determined; the message says why in plain words. */
export class StatusCheckError extends Error {
  override name = 'StatusCheckError';
}

/**
 * Reads a credential's bit in a Bitstring Status List. Verifies the list credential's proof
 * when it has one, checks the purposes match and the list is long enough. Accepts
 * `statusListIndex` as a string (the spec) or a number (as some 1EdTech fixtures write it).
 */
export async function checkStatus(
  entry: unknown,
  fetchStatusList: FetchStatusList,
  options: CheckStatusOptions = {},
): Promise<StatusCheckResult> {
  if (typeof fetchStatusList !== 'function') throw new TypeError('fetchStatusList must be a function');
  if (!isJsonObject(entry) || !typesOf(entry).includes('BitstringStatusListEntry')) {
    throw new StatusCheckError('The status entry is not a BitstringStatusListEntry');
  }
  const purpose = entry.statusPurpose;
  if (typeof purpose !== 'string') throw new StatusCheckError('The status entry has no statusPurpose');
  const index = parseIndex(entry.statusListIndex);
  const size = entry.statusSize === undefined ? 1 : entry.statusSize;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 1 || size > 8) {
    throw new StatusCheckError('The status entry has an invalid statusSize');
  }
  const listUrl = entry.statusListCredential;
  if (typeof listUrl !== 'string' || listUrl === '')
    throw new StatusCheckError('The status entry names no status list');

  const list = await fetchListDocument(fetchStatusList, listUrl, 'status list');
  if (!isJsonObject(list) || !typesOf(list).includes('BitstringStatusListCredential')) {
    throw new StatusCheckError('The status list is not a BitstringStatusListCredential');
  }
  const warnings: string[] = [];
  // The list answers for the credential only if it is the list the credential names, signed by
  // the credential's own issuer: anyone can sign a list that says "not revoked".
  if (list.id !== listUrl) {
    throw new StatusCheckError(`The status list fetched from ${listUrl} says it is ${show(list.id)}`);
  }
  const listIssuer = idOf(list.issuer);
  if (options.issuerId && listIssuer !== options.issuerId) {
    throw new StatusCheckError(`The status list was published by ${show(listIssuer)}, not by the credential's issuer`);
  }
  const isListSigned = await verifyListProof(list, options, warnings);
  if (!isListSigned) throw new StatusCheckError(`The status list could not be trusted: ${warnings.join('; ')}`);
  checkListDates(list, options.now ?? new Date(), warnings);

  const subject = list.credentialSubject;
  if (!isJsonObject(subject)) throw new StatusCheckError('The status list has no credentialSubject');
  if (subject.statusPurpose !== purpose) {
    throw new StatusCheckError(`The status list is for "${show(subject.statusPurpose)}", not "${purpose}"`);
  }
  let bits;
  try {
    bits = decodedList(show(subject.encodedList), MIN_STATUS_LIST_LENGTH * size);
  } catch (error) {
    throw new StatusCheckError((error as Error).message);
  }
  if ((index + 1) * size > bits.length)
    throw new StatusCheckError(`Index ${index} is beyond the end of the status list`);
  let isSet = false;
  for (let bit = index * size; bit < (index + 1) * size; bit++) isSet ||= bits.get(bit);
  return { purpose, index, isSet, isListSigned, warnings };
}

/**
 * Fetches a list (status list or revocation list) through the caller's fetcher and parses it
 * when it comes as text. Throws StatusCheckError with `what` named when either step fails.
 */
export async function fetchListDocument(
  fetchStatusList: FetchStatusList,
  listUrl: string,
  what: string,
): Promise<unknown> {
  let list: unknown;
  try {
    list = await fetchStatusList(listUrl);
  } catch (error) {
    throw new StatusCheckError(`The ${what} could not be fetched: ${(error as Error).message}`);
  }
  if (typeof list !== 'string') return list;
  try {
    return JSON.parse(list) as unknown;
  } catch {
    throw new StatusCheckError(`The ${what} is not JSON`);
  }
}

function parseIndex(value: unknown): number {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || !/^\d+$/.test(text))
    throw new StatusCheckError('The status entry has no valid statusListIndex');
  const index = Number(text);
  if (!Number.isSafeInteger(index)) throw new StatusCheckError('The statusListIndex is too large');
  return index;
}

async function verifyListProof(list: JsonObject, options: CheckStatusOptions, warnings: string[]): Promise<boolean> {
  const proofs = proofsOf(list);
  if (proofs.length === 0) {
    warnings.push('The status list is not signed');
    return false;
  }
  if (!options.documentLoader) {
    warnings.push('The status list signature was not checked (no document loader)');
    return false;
  }
  // Computed once per call, only where a remembered answer may be used.
  let text: string | undefined;
  for (const proof of proofs) {
    try {
      const key = await resolveAssertionKey(idOf(proof.verificationMethod) ?? '', options.documentLoader);
      if (key.controller !== idOf(list.issuer)) throw new Error('the key does not belong to the list issuer');
      text ??= isMemoisable(list, options) ? JSON.stringify(list) : '';
      const memoKey =
        text === '' || text.length > MAX_MEMO_TEXT ? undefined : `${key.id}\n${key.publicKeyMultibase}\n${text}`;
      if (memoKey !== undefined && verifiedLists.has(memoKey)) return true;
      const isValid = await verifyProofSignature({
        document: list,
        proof,
        publicKeyMultibase: key.publicKeyMultibase,
        documentLoader: options.documentLoader,
        ...(options.canonicalizer ? { canonicalizer: options.canonicalizer } : {}),
      });
      if (isValid && memoKey !== undefined) remember(verifiedLists, memoKey, true);
      if (isValid) return true;
    } catch (error) {
      throw new StatusCheckError(`The status list signature could not be checked: ${(error as Error).message}`);
    }
  }
  throw new StatusCheckError('The status list signature is invalid: it may have been tampered with');
}

// A verifier checks the same few lists again and again. A list whose signature verified once
// verifies again when it is the same text under the same key (the contexts being the bundled
// ones, read by a loader that serves them as bundled, with the default canonicaliser): that
// answer is remembered. Only successes are; the key is still resolved on every check, so a key
// taken out of the issuer's DID document stops counting at once. Decoding a list is pure too.
const MEMO_SIZE = 256;
// Larger lists are checked every time: the memo stays small whatever lists it is shown.
const MAX_MEMO_TEXT = 64 * 1024;
const verifiedLists = new Map<string, true>();
const decodedLists = new Map<string, Bitstring>();

function remember<V>(memo: Map<string, V>, key: string, value: V): void {
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!);
  memo.set(key, value);
}

function isMemoisable(list: JsonObject, options: CheckStatusOptions): boolean {
  if (options.canonicalizer !== undefined || !options.documentLoader || !servesBundledContexts(options.documentLoader))
    return false;
  const contexts = bundledContexts();
  const context = list['@context'];
  return Array.isArray(context) && context.every((c) => typeof c === 'string' && contexts.has(c));
}

/** `decodeList`, remembered; a Bitstring is only read here. */
function decodedList(encodedList: string, minLength: number): Bitstring {
  if (encodedList.length > MAX_MEMO_TEXT) return decodeList(encodedList, { minLength });
  const key = `${minLength} ${encodedList}`;
  let bits = decodedLists.get(key);
  if (!bits) {
    bits = decodeList(encodedList, { minLength });
    remember(decodedLists, key, bits);
  }
  return bits;
}

function checkListDates(list: JsonObject, now: Date, warnings: string[]): void {
  if (typeof list.validUntil === 'string' && Date.parse(list.validUntil) < now.getTime()) {
    warnings.push('The status list has expired; its answer may be out of date');
  }
  if (typeof list.validFrom === 'string' && Date.parse(list.validFrom) > now.getTime()) {
    throw new StatusCheckError('The status list is not valid yet');
  }
}
