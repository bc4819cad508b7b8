// The one guard for requests Cairn makes on someone else's behalf (SSRF): did:web documents,
// status lists, webhooks. Everything that fetches a URL a user chose goes through here.
export { blockedRangeOf, isBlockedAddress } from './blocked-addresses.js';
export {
  guardedFetchJson,
  guardedFetchText,
  guardedRequest,
  GuardRefusal,
  resolveGuardedTarget,
  systemLookup,
  type GuardedRequestOptions,
  type GuardedResponse,
  type GuardRefusalReason,
  type HostLookup,
  type NetworkPolicy,
  type ResolvedAddress,
} from './guarded-request.js';
