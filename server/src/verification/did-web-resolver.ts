import { didWebToUrl, guardedFetchJson, type HostLookup } from '@cairn/credentials';

export { isBlockedAddress, type HostLookup } from '@cairn/credentials';

export type GuardedFetchOptions = {
  /** Where Cairn itself is reached: its own URLs may be fetched even on a private address. */
  publicUrl: URL;
  lookup?: HostLookup;
  timeoutMs?: number;
  maxBytes?: number;
};

export type GuardedFetch = (url: string) => Promise<unknown>;

/**
 * GETs JSON from another server the careful way (the shared SSRF guard of
 * `@cairn/credentials`): https only; the host is resolved once and refused when any address is
 * private, loopback or link-local, and the connection goes to the checked address; 5 s for
 * everything; 1 MB cap; no redirects. Cairn's own public URL is the one exception.
 */
export function createGuardedFetch(options: GuardedFetchOptions): GuardedFetch {
  const timeoutMs = options.timeoutMs ?? 5000;
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  return async (url: string) => {
    const isOwn = URL.canParse(url) && new URL(url).origin === options.publicUrl.origin;
    return guardedFetchJson(url, {
      timeoutMs,
      maxBytes,
      allowHttp: isOwn,
      allowPrivate: isOwn,
      accept: 'application/did+json, application/json, application/vc+ld+json',
      ...(options.lookup ? { lookup: options.lookup } : {}),
    });
  };
}

export type DidWebResolverOptions = {
  fetch: GuardedFetch;
  /** Resolves Cairn's own issuers without the network (their keys are in the database). */
  resolveOwn?: (did: string) => Promise<unknown>;
  /** `did:web:{host}` prefix of Cairn's own DIDs. */
  ownPrefix?: string;
};

/** A did:web resolver for credentials from elsewhere: own issuers locally, the rest through the guarded fetch. */
export function createDidWebResolver(options: DidWebResolverOptions) {
  return async (did: string): Promise<unknown> => {
    if (!did.startsWith('did:web:')) throw new Error(`${did} is not a did:web DID`);
    if (options.resolveOwn && options.ownPrefix && did.startsWith(options.ownPrefix)) return options.resolveOwn(did);
    return options.fetch(didWebToUrl(did));
  };
}
