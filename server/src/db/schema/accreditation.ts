import type { Generated } from 'kysely';
import type { CreatedAt, Timestamp } from './columns.js';

// Accrediting bodies: schemes, applications and their review, accreditations (migration 0020).

export type AccreditationSubjectType = 'organization' | 'programme';

export type AccreditationStatus = 'candidate' | 'accredited' | 'expired' | 'withdrawn' | 'suspended' | 'refused';

export type ApplicationState = 'submitted' | 'information_requested' | 'resubmitted' | 'decided';

export type AccreditationDecision = 'candidate' | 'accredited' | 'refused';

export type AccreditationSchemesTable = {
  id: Generated<string>;
  accreditor_org_id: string;
  slug: string;
  name: string;
  summary: Generated<string>;
  criteria_markdown: Generated<string>;
  checklist: Generated<string[]>;
  evidence_items: Generated<string[]>;
  validity_months: number;
  review_interval_months: number | null;
  scope_fields: Generated<string[]>;
  scope_eqf_levels: Generated<number[]>;
  scope_jurisdictions: Generated<string[]>;
  scope_credential_types: Generated<string[]>;
  fee_note: Generated<string>;
  is_open: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
};

export type AccreditationApplicationsTable = {
  id: Generated<string>;
  accreditor_org_id: string;
  provider_org_id: string;
  scheme_id: string;
  subject_type: AccreditationSubjectType;
  statement: string;
  jurisdiction: string | null;
  state: Generated<ApplicationState>;
  decision: AccreditationDecision | null;
  decision_reasons: string | null;
  public_report_url: string | null;
  renews_id: string | null;
  submitted_by: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
};

export type AccreditationApplicationProgrammesTable = {
  application_id: string;
  provider_org_id: string;
  microcredential_id: string;
};

export type AccreditationApplicationEvidenceTable = {
  application_id: string;
  provider_org_id: string;
  file_id: string;
  evidence_item: string | null;
  created_at: CreatedAt;
};

export type ReviewOutcome = 'met' | 'not_met' | 'unclear';

export type AccreditationReviewChecksTable = {
  application_id: string;
  accreditor_org_id: string;
  criterion: string;
  outcome: ReviewOutcome;
  note: Generated<string>;
  updated_by: string | null;
  updated_at: Generated<Date>;
};

export type AccreditationMessageKind = 'comment' | 'information_request' | 'answer' | 'decision';

export type AccreditationMessagesTable = {
  id: Generated<string>;
  /** Insertion order (several messages may share a timestamp). */
  seq: Generated<string>;
  application_id: string;
  author_org_id: string;
  author_user_id: string | null;
  kind: AccreditationMessageKind;
  body: string;
  created_at: CreatedAt;
};

export type AccreditationsTable = {
  id: Generated<string>;
  accreditor_org_id: string;
  scheme_id: string;
  application_id: string | null;
  subject_type: AccreditationSubjectType;
  subject_org_id: string;
  /** Set when `subject_type` is 'programme'. */
  subject_microcredential_id: string | null;
  status: AccreditationStatus;
  decision_reasons: string | null;
  public_report_url: string | null;
  jurisdiction: string | null;
  valid_from: Timestamp;
  valid_until: Timestamp | null;
  review_date: Timestamp | null;
  status_changed_at: Generated<Date>;
  status_reason: string | null;
  withdrawn_at: Timestamp | null;
  /** The signed accreditation credential (a row in `credentials`). */
  credential_id: string | null;
  verification_code: string;
  reminder_60_sent_at: Timestamp | null;
  reminder_14_sent_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
};

export type AccreditationStatusChangesTable = {
  id: Generated<string>;
  /** Insertion order: of two changes at the same instant, the later one counts. */
  seq: Generated<string>;
  accreditation_id: string;
  accreditor_org_id: string;
  status: AccreditationStatus;
  reason: string | null;
  changed_at: Timestamp;
};
