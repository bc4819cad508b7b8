import { CONTEXT_URLS } from '../contexts/context-urls.js';
import type { JsonObject } from '../util/json.js';
import { isPublicKeyMultibase } from './multikey.js';

export type DidWeb = `did:web:${string}`;

/**
 * The did:web for a base URL plus path segments, e.g. (`http://localhost:3000`, ['orgs','acme'])
 * → `did:web:localhost%3A3000:orgs:acme`. The scheme is dropped: did:web always means https.
 */
export function didWebFromUrl(baseUrl: string, pathSegments: readonly string[] = []): DidWeb {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TypeError(`Not a URL: "${baseUrl}"`);
  }
  const segments = [
    ...url.pathname
      .split('/')
      .filter((s) => s.length > 0)
      .map((s) => decodeURIComponent(s)),
    ...pathSegments,
  ];
  for (const segment of segments) {
    if (segment.length === 0) throw new TypeError('did:web path segments must not be empty');
  }
  const host = encodeURIComponent(url.host);
  return `did:web:${[host, ...segments.map((s) => encodeURIComponent(s))].join(':')}`;
}

/** The https URL of a did:web's DID document, per the did:web method specification. */
export function didWebToUrl(did: string): string {
  if (typeof did !== 'string' || !did.startsWith('did:web:')) throw new TypeError(`Not a did:web: "${did}"`);
  const [hostPart, ...segments] = did.slice('did:web:'.length).split('#')[0]!.split(':');
  if (!hostPart) throw new TypeError(`did:web without a host: "${did}"`);
  const host = decodeURIComponent(hostPart);
  if (!/^[A-Za-z0-9.-]+(:\d+)?$/.test(host) && !/^\[[0-9a-fA-F:]+\](:\d+)?$/.test(host)) {
    throw new TypeError(`did:web has an invalid host: "${host}"`);
  }
  const path =
    segments.length === 0
      ? '/.well-known/did.json'
      : `/${segments.map((s) => encodeURIComponent(decodeURIComponent(s))).join('/')}/did.json`;
  return `https://${host}${path}`;
}

export type DidWebKey = {
  /** A full verification method id (`did:web:…#key-1`) or just the fragment (`key-1`). */
  id: string;
  publicKeyMultibase: string;
  /** The key new credentials are signed with; retired keys stay listed so old credentials verify. */
  isActive: boolean;
};

/**
 * The DID document an issuer publishes at its did:web URL. Every key, active or retired, is a
 * Multikey verification method and an assertion method: rotation must not break old credentials.
 */
export function buildDidWebDocument({ did, keys }: { did: string; keys: readonly DidWebKey[] }): JsonObject {
  if (!did.startsWith('did:web:')) throw new TypeError(`Not a did:web: "${did}"`);
  const ordered = [...keys].sort((a, b) => Number(b.isActive) - Number(a.isActive));
  const methods = ordered.map((key) => {
    if (!isPublicKeyMultibase(key.publicKeyMultibase)) {
      throw new TypeError(`Key "${key.id}" is not an Ed25519 Multikey public key`);
    }
    const id = key.id.startsWith(`${did}#`) ? key.id : `${did}#${key.id.replace(/^#/, '')}`;
    return { id, type: 'Multikey', controller: did, publicKeyMultibase: key.publicKeyMultibase };
  });
  const ids = methods.map((m) => m.id);
  return {
    '@context': [CONTEXT_URLS.didV1, CONTEXT_URLS.multikeyV1],
    id: did,
    verificationMethod: methods,
    assertionMethod: ids,
    authentication: ids.slice(0, ordered.filter((k) => k.isActive).length),
  };
}
