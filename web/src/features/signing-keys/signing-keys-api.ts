import { client, data, seg } from '../../api/client';
import { useItemsQuery, useRefreshingMutation } from '../../api/hooks';
import { orgKey } from '../orgs/orgs-api';

const signingKeysKey = (slug: string) => ['org', slug, 'signing-keys'] as const;

/** The organisation's signing keys (public parts), newest first. */
export function useSigningKeys(slug: string) {
  return useItemsQuery(signingKeysKey(slug), (signal) =>
    data(client.GET('/api/v1/orgs/{slug}/keys', { params: { path: { slug } }, signal })),
  );
}

/** Makes a new active key; the previous one is retired but stays in the DID document. */
export function useRotateSigningKey(slug: string) {
  return useRefreshingMutation(
    () => data(client.POST('/api/v1/orgs/{slug}/keys/rotate', { params: { path: { slug } }, body: {} })),
    [signingKeysKey(slug)],
    'settled',
  );
}

/** Creates the organisation's did:key (otherwise made when first used); the organisation then lists it. */
export function useCreateDidKey(slug: string) {
  return useRefreshingMutation(
    () => data(client.POST('/api/v1/orgs/{slug}/did-key', { params: { path: { slug } }, body: {} })),
    [orgKey(slug)],
    'settled',
  );
}

/** Where the organisation's public documents live on this site. */
export const didDocumentPath = (slug: string) => `/orgs/${seg(slug)}/did.json`;
export const issuerProfilePath = (slug: string) => `/orgs/${seg(slug)}/profile`;

/** The fragment after `#` names the key within the DID document. */
export const keyFragment = (id: string) => (id.includes('#') ? id.slice(id.indexOf('#') + 1) : id);
