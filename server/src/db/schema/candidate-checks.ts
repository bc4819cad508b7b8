import type { Generated } from 'kysely';
import type { CreatedAt } from './columns.js';

// Bulk candidate verification: an upload of credentials and each one's outcome.

export type CandidateCheckStatus = 'queued' | 'running' | 'succeeded' | 'failed';

/** What a checked credential turned out to be; `pending` until the job reaches it. */
export type CandidateItemStatus =
  | 'pending'
  | 'valid'
  | 'expired'
  | 'revoked'
  | 'suspended'
  | 'signature_invalid'
  | 'issuer_unknown'
  | 'not_addressed_to_candidate'
  | 'unverifiable';

export type CandidateChecksTable = {
  id: string;
  org_id: string;
  status: Generated<CandidateCheckStatus>;
  total: number;
  done: Generated<number>;
  actor_kind: 'user' | 'apiKey' | 'system';
  actor_user_id: string | null;
  actor_api_key_id: string | null;
  error: string | null;
  created_at: CreatedAt;
  started_at: Date | null;
  finished_at: Date | null;
  /** Created + 30 days: the daily clean-up deletes the check, its uploads and results after it. */
  delete_after: Date;
};

export type CandidateCheckItemsTable = {
  check_id: string;
  org_id: string;
  /** 1-based order of the upload (files, ZIP entries, then URLs). */
  position: number;
  /** File name (ZIP entries by their path) or the URL. */
  name: string;
  source: 'file' | 'url';
  url: string | null;
  /** The uploaded bytes; null for a URL. */
  content: Buffer | null;
  /** The candidate the credential must name (hashed or plain email); null when not given. */
  candidate_email: string | null;
  status: Generated<CandidateItemStatus>;
  reason: string | null;
  holder: string | null;
  issuer: string | null;
  achievement: string | null;
  skills: Generated<unknown>;
  checked_at: Date | null;
};
