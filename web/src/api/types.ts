/**
 * Types of the foundation API (docs/api-foundation.md). Hand-written until the server's
 * /openapi.json drives `schema.d.ts` (npm run gen:api -w web).
 */

export type User = {
  id: string;
  email: string;
  name: string;
  createdAt: string;
  /** Confirmed from the mailed link; until then credentials issued to the email are not linked. */
  emailVerified: boolean;
};

export type OrgRole = 'provider' | 'employer' | 'accreditor' | 'partner';

export type MemberRole = 'owner' | 'admin' | 'author' | 'assessor' | 'manager' | 'viewer';

export type Org = {
  id: string;
  slug: string;
  name: string;
  roles: OrgRole[];
  did: string;
  createdAt: string;
};

/** The identifiers an organisation signs as: its did:web (keys rotate) and its did:key (null until first used or created). */
export type OrgIdentifiers = { web: string; key: string | null };
export type OrgWithMyRole = Org & { myRole: MemberRole; dids?: OrgIdentifiers };
export type IssuerIdentifier = 'did:web' | 'did:key';
/** `POST /api/v1/orgs/{slug}/did-key`: the organisation's did:key, created on first request. */
export type DidKeyIdentifier = { did: string; publicKeyMultibase: string; createdAt: string };

export type Membership = { org: Org; role: MemberRole };

/** A signed-in person's session. `isOperator`: may see and retry the instance's background jobs. */
export type Session = { user: User; memberships: Membership[]; isOperator: boolean };

export type Member = { userId: string; name: string; email: string; role: MemberRole; joinedAt: string };

export type Invitation = {
  id: string;
  email: string;
  role: MemberRole;
  expiresAt: string;
  createdAt: string;
  invitedBy: string | { id?: string; name?: string; email?: string } | null;
};

export type CreatedInvitation = { id: string; email: string; role: MemberRole; expiresAt: string; acceptUrl: string };

export type InvitationPreview = {
  orgName: string;
  orgSlug: string;
  role: MemberRole;
  email: string;
  expiresAt: string;
};

export type ApiKey = {
  id: string;
  name: string;
  role: MemberRole;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  issuerIdentifier?: IssuerIdentifier;
};

export type CreatedApiKey = { id: string; name: string; role: MemberRole; prefix: string; token: string };

export type Items<T> = { items: T[] };

export type CheckStatus = 'passed' | 'failed' | 'warning' | 'skipped';

export type VerificationCheck = { id: string; label: string; status: CheckStatus; message: string };

/** What was verified, as far as the credential says; any field may be missing. */
export type VerificationSummary = {
  issuerName: string | null;
  issuerId: string | null;
  achievementName: string | null;
  achievementDescription: string | null;
  achievementType: string | null;
  image?: string | null;
  recipient?: string | null;
  validFrom: string | null;
  validUntil: string | null;
};

export type VerificationResult = {
  verified: boolean;
  checks: VerificationCheck[];
  warnings: string[];
  errors: string[];
  summary?: VerificationSummary | null;
};

/** Where an issued credential stands; revocation wins over suspension, both over expiry. */
export type CredentialLifecycle = 'active' | 'revoked' | 'suspended' | 'expired';

export type CredentialFormat = 'ldp' | 'jwt';

export type Cryptosuite = 'eddsa-rdfc-2022' | 'eddsa-jcs-2022';

/** One row of `GET /api/v1/orgs/{slug}/credentials`: `id` is the row's UUID, `credentialId` its URL. */
export type IssuedCredential = {
  id: string;
  credentialId: string;
  format: CredentialFormat;
  achievementName: string | null;
  recipient: string | null;
  issuedAt: string;
  validUntil: string | null;
  status: CredentialLifecycle;
  /** The status entries it was issued with; without "suspension" it can only be revoked. Older servers omit it. */
  statusPurposes?: ('revocation' | 'suspension')[];
};

/** The answer to revoke, suspend and unsuspend. */
export type CredentialStatusChange = {
  id: string;
  credentialId: string;
  status: CredentialLifecycle;
  revokedAt: string | null;
  revocationReason: string | null;
  suspendedAt: string | null;
  suspensionReason: string | null;
};

/** A signed credential as issued: a JSON-LD object, or a compact VC-JWT for the jwt format. */
export type SignedCredential = Record<string, unknown> | string;

/** The public part of an organisation's signing key; `id` is the verification method (`did#key`). */
export type SigningKey = { id: string; publicKeyMultibase: string; createdAt: string; retiredAt: string | null };
