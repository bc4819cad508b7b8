// @cairn/credentials: the Open Badges 3.0 / CLR 2.0 / W3C VC 2.0 standards core.
// No database, no HTTP, no network: I/O (DID resolution, status lists) and time are passed in.
// The one exception is `net/`, the SSRF guard that every caller's I/O goes through.

export { CONTEXT_URLS, type ContextUrl } from './contexts/context-urls.js';
export { cairnAccreditationContext, cairnCpdContext } from './contexts/cairn-extension-contexts.js';
export {
  createDocumentLoader,
  DocumentNotFoundError,
  type CreateDocumentLoaderOptions,
  type DidResolver,
  type DocumentLoader,
  type RemoteDocument,
} from './contexts/document-loader.js';

export type * from './model/types.js';
export type { JsonObject, JsonPrimitive, JsonValue } from './util/json.js';
export { buildEmailIdentity, hashIdentity, identityMatches, normaliseEmail } from './model/identity.js';
export {
  credentialKind,
  validateAchievementCredential,
  validateClrCredential,
  validateEndorsementCredential,
  type CredentialKind,
  type ValidationIssue,
  type ValidationResult,
} from './model/validation.js';

export {
  generateEd25519Multikey,
  isPublicKeyMultibase,
  publicKeyFromSecret,
  type Ed25519Multikey,
  type PublicKeyMultibase,
  type SecretKeyMultibase,
} from './keys/multikey.js';
export { createSigner, type Signer, type VerificationMethodId } from './keys/signer.js';
export { decryptSecret, encryptSecret, parseMasterKey } from './keys/secret-box.js';
export { didKeyDocument, didKeyFromPublicKey, didKeyVerificationMethod, type DidKey } from './keys/did-key.js';
export { buildDidWebDocument, didWebFromUrl, didWebToUrl, type DidWeb, type DidWebKey } from './keys/did-web.js';

export { jsonldCanonicalizer, referenceCanonicalizer, type Canonicalizer } from './proofs/canonicalizer.js';
export { defaultCanonicalizer, fastCanonicalizer } from './proofs/fast-canonicalizer.js';
export { canonicalizeJson } from './proofs/jcs.js';
export { CRYPTOSUITES, toDateTimeStamp, type Cryptosuite, type DataIntegrityProof } from './proofs/data-integrity.js';
export {
  ED25519_SIGNATURE_2020,
  ed25519Signature2020HashData,
  verifyEd25519Signature2020,
  type VerifyEd25519Signature2020Options,
} from './proofs/ed25519-signature-2020.js';
export {
  signCredential,
  signPresentation,
  type SignCredentialOptions,
  type SignPresentationOptions,
} from './proofs/sign-credential.js';
export { decodeJwt, isCompactJwt, signJwt, type DecodedJwt, type SignJwtOptions } from './proofs/vc-jwt.js';

export { verifyCredential, type VerificationResult, type VerifyCredentialOptions } from './verify/verify-credential.js';
export {
  verifyPresentation,
  type PresentationCheck,
  type PresentationVerificationResult,
  type VerifyPresentationOptions,
} from './verify/verify-presentation.js';
export type { CheckId, CheckStatus, CredentialFormat, VerificationCheck } from './verify/result.js';
export {
  resolveAssertionKey,
  resolveJwtAssertionKey,
  type KeyPurpose,
  type ResolvedJwtKey,
  type ResolvedKey,
} from './verify/key-resolver.js';
export {
  readSignedFacts,
  SignedMeaningError,
  shortTypeName,
  type AchievementFacts,
  type SignedFacts,
  type StatusEntryFacts,
  type SubjectFacts,
} from './verify/signed-meaning.js';
export {
  checkStatusEntries,
  type CheckablePurpose,
  type StatusEntriesOptions,
  type StatusEntryOutcome,
} from './verify/status-entries.js';
export { ALLOWED_JWT_HEADER_FIELDS, JWT_ALGORITHMS } from './verify/jwt-check.js';
export { checkVerifyLimits, VERIFY_LIMITS, type VerifyLimits, type VerifyLimitViolation } from './verify/limits.js';

export { Bitstring, MIN_STATUS_LIST_LENGTH } from './status-list/bitstring.js';
export { decodeList, encodeList } from './status-list/encoded-list.js';
export { allocateIndex, type AllocateIndexOptions } from './status-list/allocate-index.js';
export {
  buildStatusEntry,
  buildStatusListCredential,
  type BuildStatusListCredentialOptions,
  type StatusPurpose,
} from './status-list/status-list-credential.js';
export {
  checkStatus,
  StatusCheckError,
  type CheckStatusOptions,
  type FetchStatusList,
  type StatusCheckResult,
} from './status-list/check-status.js';
export {
  checkRevocationList,
  ONE_EDTECH_REVOCATION_LIST,
  type RevocationListCheckOptions,
  type RevocationListCheckResult,
} from './status-list/one-edtech-revocation-list.js';

export { BakingError, DEFAULT_MAX_BYTES, type BakedCredential, type SizeLimit } from './baking/limits.js';
export { bakePng, extractPng, PNG_KEYWORD } from './baking/png.js';
export { bakeSvg, extractSvg, OPENBADGES_NAMESPACE } from './baking/svg.js';

export {
  blockedRangeOf,
  guardedFetchJson,
  guardedFetchText,
  guardedRequest,
  GuardRefusal,
  isBlockedAddress,
  resolveGuardedTarget,
  systemLookup,
  type GuardedRequestOptions,
  type GuardedResponse,
  type GuardRefusalReason,
  type HostLookup,
  type NetworkPolicy,
  type ResolvedAddress,
} from './net/index.js';
