/** The context URLs Cairn bundles (a credential never needs any other fetched); it writes the VC 2.0 ones. */
export const CONTEXT_URLS = {
  credentialsV2: 'https://www.w3.org/ns/credentials/v2',
  /** VC Data Model 1.1: read when verifying older credentials, never written. */
  credentialsV1: 'https://www.w3.org/2018/credentials/v1',
  credentialsExamplesV2: 'https://www.w3.org/ns/credentials/examples/v2',
  openBadgesV3: 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  openBadgesExtensions: 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
  clrV2: 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json',
  dataIntegrityV2: 'https://w3id.org/security/data-integrity/v2',
  multikeyV1: 'https://w3id.org/security/multikey/v1',
  /** Ed25519Signature2020 proofs and Ed25519VerificationKey2020 keys: verification only. */
  ed25519Signature2020V1: 'https://w3id.org/security/suites/ed25519-2020/v1',
  bitstringStatusListV1: 'https://www.w3.org/ns/credentials/status/v1',
  didV1: 'https://www.w3.org/ns/did/v1',
  /** Cairn's own: the accreditation extension (docs/accreditation.md); written embedded since v0.9, read by URL. */
  cairnAccreditationV1: 'https://cairn.dev/contexts/accreditation/v1',
  /** Cairn's own: CPD hours on an AchievementSubject (docs/cpd.md); written embedded since v0.9, read by URL. */
  cairnCpdV1: 'https://cairn.dev/contexts/cpd/v1',
} as const;

export type ContextUrl = (typeof CONTEXT_URLS)[keyof typeof CONTEXT_URLS];
