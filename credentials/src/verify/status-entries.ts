import type { DocumentLoader } from '../contexts/document-loader.js';
import type { Canonicalizer } from '../proofs/canonicalizer.js';
import { checkStatus, type FetchStatusList } from '../status-list/check-status.js';
import { checkRevocationList, ONE_EDTECH_REVOCATION_LIST } from '../status-list/one-edtech-revocation-list.js';
import type { SignedFacts, StatusEntryFacts } from './signed-meaning.js';

/** The purposes Cairn can act on; any other purpose in a present entry fails the check. */
export type CheckablePurpose = 'revocation' | 'suspension';

/** What one status entry said, or why it could not be read. Never "not checked". */
export type StatusEntryOutcome =
  | { purpose: CheckablePurpose; state: 'set' | 'clear'; warnings: string[] }
  | { purpose: string; state: 'unreadable'; reason: string };

export type StatusEntriesOptions = {
  fetchStatusList: FetchStatusList | undefined;
  documentLoader: DocumentLoader;
  now: Date;
  canonicalizer?: Canonicalizer;
};

/**
 * Reads every status entry of a credential, from its signed meaning. An entry that is present
 * but cannot be checked (unknown type or purpose, list unreachable, offline) is `unreadable`:
 * callers must treat that as a failure, because a revoked credential would otherwise pass.
 */
export async function checkStatusEntries(
  facts: SignedFacts,
  options: StatusEntriesOptions,
): Promise<StatusEntryOutcome[]> {
  const outcomes: StatusEntryOutcome[] = [];
  for (const entry of facts.statusEntries) {
    const isRevocationList = entry.types.includes(ONE_EDTECH_REVOCATION_LIST);
    const isBitstring = entry.types.includes('BitstringStatusListEntry');
    if (isRevocationList && isBitstring) {
      outcomes.push({
        purpose: entry.purpose ?? 'revocation',
        state: 'unreadable',
        reason: 'It has a status entry that claims to be of two kinds at once',
      });
    } else if (isRevocationList) {
      outcomes.push(await checkRevocationListEntry(entry, facts, options));
    } else {
      outcomes.push(await checkOneEntry(entry, facts.issuerId, options));
    }
  }
  return outcomes;
}

/** A 1EdTechRevocationList entry: `{id: <list URL>, type}`, always about revocation. */
async function checkRevocationListEntry(
  entry: StatusEntryFacts,
  facts: SignedFacts,
  options: StatusEntriesOptions,
): Promise<StatusEntryOutcome> {
  if (entry.purpose !== undefined && entry.purpose !== 'revocation') {
    return {
      purpose: entry.purpose,
      state: 'unreadable',
      reason: `It has a revocation list entry whose purpose (${entry.purpose}) Cairn cannot act on`,
    };
  }
  if (!options.fetchStatusList)
    return { purpose: 'revocation', state: 'unreadable', reason: 'Its revocation list could not be checked offline' };
  try {
    const outcome = await checkRevocationList(options.fetchStatusList, {
      listUrl: entry.id ?? '',
      credentialId: facts.id,
      ...(facts.issuerId ? { issuerId: facts.issuerId } : {}),
    });
    return { purpose: 'revocation', state: outcome.isRevoked ? 'set' : 'clear', warnings: [] };
  } catch (error) {
    return {
      purpose: 'revocation',
      state: 'unreadable',
      reason: `Its revocation status could not be checked: ${(error as Error).message}`,
    };
  }
}

async function checkOneEntry(
  entry: StatusEntryFacts,
  issuerId: string | undefined,
  options: StatusEntriesOptions,
): Promise<StatusEntryOutcome> {
  const purpose = entry.purpose ?? '(none)';
  if (!entry.types.includes('BitstringStatusListEntry')) {
    const type = entry.types.length === 0 ? 'no type' : entry.types.join(', ');
    return { purpose, state: 'unreadable', reason: `It has a status entry of a kind Cairn cannot check (${type})` };
  }
  if (entry.purpose !== 'revocation' && entry.purpose !== 'suspension') {
    return {
      purpose,
      state: 'unreadable',
      reason: `It has a status entry whose purpose (${purpose}) Cairn cannot act on`,
    };
  }
  if (!options.fetchStatusList) {
    return { purpose, state: 'unreadable', reason: `Its ${entry.purpose} list could not be checked offline` };
  }
  const asJson = {
    type: 'BitstringStatusListEntry',
    statusPurpose: entry.purpose,
    ...(entry.index !== undefined ? { statusListIndex: entry.index } : {}),
    ...(entry.size !== undefined ? { statusSize: entry.size } : {}),
    ...(entry.listCredential !== undefined ? { statusListCredential: entry.listCredential } : {}),
  };
  try {
    const outcome = await checkStatus(asJson, options.fetchStatusList, {
      documentLoader: options.documentLoader,
      now: options.now,
      ...(issuerId ? { issuerId } : {}),
      ...(options.canonicalizer ? { canonicalizer: options.canonicalizer } : {}),
    });
    return { purpose: entry.purpose, state: outcome.isSet ? 'set' : 'clear', warnings: outcome.warnings };
  } catch (error) {
    return {
      purpose: entry.purpose,
      state: 'unreadable',
      reason: `Its ${entry.purpose} status could not be checked: ${(error as Error).message}`,
    };
  }
}
