import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Timestamp } from './columns.js';

// Learning: vouchers, enrolments, completions, quiz attempts, evidence and submissions.

export type VouchersTable = {
  id: Generated<string>;
  org_id: string;
  code: string;
  microcredential_id: string | null;
  max_redemptions: number;
  redeemed: Generated<number>;
  expires_at: Timestamp | null;
  created_by: string | null;
  created_at: CreatedAt;
};

export type EnrolmentStatus = 'active' | 'completed' | 'withdrawn';

export type EnrolmentsTable = {
  id: Generated<string>;
  org_id: string;
  microcredential_id: string;
  version_id: string;
  learner_id: string;
  status: Generated<EnrolmentStatus>;
  voucher_id: string | null;
  enrolled_at: CreatedAt;
  completed_at: Timestamp | null;
  withdrawn_at: Timestamp | null;
  last_module_id: string | null;
  credential_row_id: string | null;
};

export type ModuleCompletionsTable = {
  enrolment_id: string;
  module_id: string;
  org_id: string;
  completed_at: CreatedAt;
};

export type QuizAttemptsTable = {
  id: Generated<string>;
  org_id: string;
  enrolment_id: string;
  module_id: string;
  attempt_number: number;
  answers: ColumnType<unknown, string, string>;
  points: number;
  max_points: number;
  percent: number;
  is_passed: boolean;
  submitted_at: CreatedAt;
};

export type EvidenceFilesTable = {
  id: Generated<string>;
  org_id: string;
  learner_id: string;
  filename: string;
  media_type: string;
  size: number;
  sha256: string;
  bytes: Uint8Array;
  created_at: CreatedAt;
};

export type SubmissionStatus = 'pending' | 'approved' | 'resubmit';

export type SubmissionsTable = {
  id: Generated<string>;
  org_id: string;
  enrolment_id: string;
  module_id: string;
  attempt_number: number;
  text: string | null;
  link: string | null;
  file_id: string | null;
  status: Generated<SubmissionStatus>;
  scores: ColumnType<unknown, string | null | undefined, string | null>;
  points: number | null;
  max_points: number | null;
  feedback: string | null;
  reviewer_id: string | null;
  submitted_at: CreatedAt;
  reviewed_at: Timestamp | null;
};
