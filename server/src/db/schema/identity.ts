import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Timestamp } from './columns.js';
import type { IssuerIdentifier } from './issuance.js';
import type { MemberRole } from './organisations.js';

// People and how they sign in: users, sessions, resets, verifications, API keys, rate limits.

export type UsersTable = {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
  /** When the owner opened a verification link; null while the address is unproven. */
  email_verified_at: Timestamp | null;
};

export type SessionsTable = {
  id: Generated<string>;
  user_id: string;
  token_hash: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  last_seen_at: Generated<Date>;
  user_agent: string | null;
};

export type PasswordResetsTable = {
  id: Generated<string>;
  user_id: string;
  token_hash: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: Timestamp | null;
};

export type EmailVerificationsTable = {
  id: Generated<string>;
  user_id: string;
  /** The address the link confirms, so a link for an earlier address confirms nothing. */
  email: string;
  token_hash: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: Timestamp | null;
};

export type ApiKeysTable = {
  id: Generated<string>;
  org_id: string;
  name: string;
  role: MemberRole;
  prefix: string;
  token_hash: string;
  created_by: string;
  created_at: CreatedAt;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
  /** The identifier credentials issued with this key are signed as, unless a request says otherwise. */
  issuer_identifier: Generated<IssuerIdentifier>;
};

/** Rate-limit counters, written by rate-limiter-flexible (server/src/identity/rate-limit.ts). */
export type RateLimitsTable = {
  key: string;
  points: number;
  /** Epoch milliseconds; int8 comes back as a string from pg. */
  expire: ColumnType<string | null, number | null, number | null>;
};
