import { isJsonObject, show } from '../util/json.js';
import { fetchListDocument, StatusCheckError, type FetchStatusList } from './check-status.js';

/** The status entry type of 1EdTech's Revocation List Status Method (used by OB 3.0 and CLR 2.0). */
export const ONE_EDTECH_REVOCATION_LIST = '1EdTechRevocationList';

export type RevocationListCheckOptions = {
  /** The list URL: the status entry's `id`. */
  listUrl: string;
  /** The id of the credential being checked, from its signed meaning. */
  credentialId: string | undefined;
  /** The credential's issuer; a list that names another issuer is refused. */
  issuerId?: string;
};

export type RevocationListCheckResult = {
  isRevoked: boolean;
  /** The issuer's stated reason, when the credential is revoked and the list gives one. */
  reason?: string;
};

/**
 * Looks the credential up in a 1EdTech Revocation List: the JSON document at the entry's `id`,
 * whose `revokedCredentials` lists `{id, revoked?, revocationReason?}`. The credential is revoked
 * when its id is listed and `revoked` is true or absent. A list that cannot be fetched or read,
 * or that says it is another list or another issuer's, throws StatusCheckError: the caller must
 * fail the credential, because a revoked credential would otherwise pass.
 */
export async function checkRevocationList(
  fetchStatusList: FetchStatusList,
  { listUrl, credentialId, issuerId }: RevocationListCheckOptions,
): Promise<RevocationListCheckResult> {
  if (typeof fetchStatusList !== 'function') throw new TypeError('fetchStatusList must be a function');
  if (typeof listUrl !== 'string' || listUrl === '')
    throw new StatusCheckError('The revocation list entry names no list (its id)');
  if (credentialId === undefined)
    throw new StatusCheckError('The credential has no id, so it cannot be looked up in its revocation list');
  const list = await fetchListDocument(fetchStatusList, listUrl, 'revocation list');
  if (!isJsonObject(list)) throw new StatusCheckError('The revocation list is not a JSON object');
  // The list is not signed: all that binds it to the credential is the URL the issuer signed.
  // A list that names itself or its issuer differently is someone else's answer.
  if (list.id !== undefined && list.id !== listUrl) {
    throw new StatusCheckError(`The revocation list fetched from ${listUrl} says it is ${show(list.id)}`);
  }
  if (list.issuer !== undefined && issuerId !== undefined) {
    const listIssuer = isJsonObject(list.issuer) ? list.issuer.id : list.issuer;
    if (listIssuer !== issuerId)
      throw new StatusCheckError(
        `The revocation list was published by ${show(listIssuer)}, not by the credential's issuer`,
      );
  }
  const { revokedCredentials } = list;
  if (!Array.isArray(revokedCredentials))
    throw new StatusCheckError('The revocation list has no revokedCredentials list');
  for (const item of revokedCredentials) {
    if (!isJsonObject(item) || typeof item.id !== 'string')
      throw new StatusCheckError('The revocation list has an entry without an id');
    if (item.id !== credentialId) continue;
    if (item.revoked !== undefined && typeof item.revoked !== 'boolean') {
      throw new StatusCheckError('The revocation list entry for this credential says neither true nor false');
    }
    if (item.revoked === false) continue;
    return { isRevoked: true, ...(typeof item.revocationReason === 'string' ? { reason: item.revocationReason } : {}) };
  }
  return { isRevoked: false };
}
