import { buildDidWebDocument, type JsonObject } from '@cairn/credentials';
import type { Deps } from '../deps.js';
import { readIssuerState, readPublishedList, type IssuerStateRow } from './stores/issuer-state.store.js';

/**
 * One of this Cairn's issuers as a verification sees it: read once per verification (one small
 * statement: the organisation, its keys, its lists' published versions), with its DID document
 * and published status lists served from memory when the database says they are unchanged.
 * Nothing is believed longer than the read that confirms it, so a revocation or a key rotation
 * is seen by the very next verification, on any server sharing the database.
 */
export type IssuerState = {
  id: string;
  slug: string;
  name: string;
  did: string;
  /** Whether any signed accreditation names it: when not, it has none in force at any time. */
  hasAccreditations: boolean;
  /** Its did:web DID document, every key listed (frozen: shared between verifications). */
  didDocument: () => JsonObject;
  /** A list's published credential as stored (JSON text); undefined when there is no such list. */
  statusList: (listNumber: number, purpose: 'revocation' | 'suspension') => Promise<string | undefined>;
};

/** Issuers by slug, each read at most once: the lookups of one verification (and of what it embeds). */
export type IssuerLookups = { issuer: (slug: string) => Promise<IssuerState | undefined> };

// Bounded: an entry is only a copy of what the database holds, so evicting one costs a read.
const MAX_CACHED = 1024;

type CachedDocument = { fingerprint: string; document: JsonObject };
type CachedList = { version: string; revocation: string | null; suspension: string | null };

const documents = new Map<string, CachedDocument>();
const lists = new Map<string, CachedList>();
/** Reads of a list version already under way, so concurrent verifications share one. */
const listReads = new Map<string, Promise<CachedList | undefined>>();

function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  cache.delete(key);
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(key, value);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}

/** The DID document for these keys, built once per set of keys. */
function didDocumentOf(row: IssuerStateRow): JsonObject {
  const fingerprint = JSON.stringify([row.did, row.keys]);
  const cached = documents.get(row.id);
  if (cached?.fingerprint === fingerprint) return cached.document;
  const document = deepFreeze(
    buildDidWebDocument({
      did: row.did,
      keys: row.keys.map(([id, publicKeyMultibase, isActive]) => ({ id, publicKeyMultibase, isActive })),
    }),
  );
  remember(documents, row.id, { fingerprint, document });
  return document;
}

/** A list's published credentials at `version` or later: from memory when that version is held. */
async function publishedList(deps: Deps, orgId: string, listNumber: number, version: string) {
  const key = `${orgId} ${listNumber}`;
  const cached = lists.get(key);
  if (cached?.version === version) return cached;
  const readKey = `${key} ${version}`;
  let read = listReads.get(readKey);
  if (!read) {
    read = readPublishedList(deps.db, orgId, listNumber)
      .then((row) => {
        if (!row) return undefined;
        // Read with its own version: newer than `version` if it changed in between, never older.
        const list = {
          version: row.published_version,
          revocation: row.revocation_credential,
          suspension: row.suspension_credential,
        };
        remember(lists, key, list);
        return list;
      })
      .finally(() => listReads.delete(readKey));
    listReads.set(readKey, read);
  }
  return read;
}

function stateOf(deps: Deps, row: IssuerStateRow): IssuerState {
  const versions = new Map(row.lists);
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    did: row.did,
    hasAccreditations: row.has_accreditations,
    didDocument: () => didDocumentOf(row),
    statusList: async (listNumber, purpose) => {
      const version = versions.get(listNumber);
      if (version === undefined) return undefined;
      const list = await publishedList(deps, row.id, listNumber, version);
      return (purpose === 'revocation' ? list?.revocation : list?.suspension) ?? undefined;
    },
  };
}

/** Lookups for one verification: each issuer read once, through the version-checked caches. */
export function createIssuerLookups(deps: Deps): IssuerLookups {
  const read = new Map<string, Promise<IssuerState | undefined>>();
  return {
    issuer: (slug) => {
      let state = read.get(slug);
      if (!state) {
        state = readIssuerState(deps.db, slug).then((row) => (row ? stateOf(deps, row) : undefined));
        read.set(slug, state);
      }
      return state;
    },
  };
}

/**
 * Lookups that read the issuer on every call: for a resolver or list fetcher that may be kept
 * beyond one verification (the wallet's, a candidate check's), so it never answers from a read
 * made for an earlier one. The DID document and list texts still come from the checked caches.
 */
export function createFreshIssuerLookups(deps: Deps): IssuerLookups {
  return {
    issuer: async (slug) => {
      const row = await readIssuerState(deps.db, slug);
      return row ? stateOf(deps, row) : undefined;
    },
  };
}
