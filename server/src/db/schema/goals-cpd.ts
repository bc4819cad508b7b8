import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Timestamp } from './columns.js';

// Learners' goals and CPD record, exchange rates, drawn quiz attempts and reading time.

/** numeric columns come back from pg as strings; write numbers or strings. */
type Numeric = ColumnType<string, number | string, number | string>;
type NullableNumeric = ColumnType<string | null, number | string | null | undefined, number | string | null>;
/** date columns: written as 'YYYY-MM-DD', read back as a Date (pg) or string (PGlite): use `isoDate()`. */
type DateColumn = ColumnType<Date | string, string, string>;

export type GoalKind = 'role' | 'pathway' | 'skills';

export type LearnerGoalsTable = {
  id: Generated<string>;
  learner_id: string;
  kind: GoalKind;
  ref: string;
  skill_ids: ColumnType<string[], string[] | undefined, string[]>;
  title: string;
  target_date: ColumnType<Date | string | null, string | null | undefined, string | null>;
  weekly_hours: NullableNumeric;
  wants_nudges: Generated<boolean>;
  /** The occupation a skills goal was started from (migration 0030). */
  occupation_id: Generated<string | null>;
  created_at: CreatedAt;
};

export type GoalNudgesTable = { goal_id: string; week: string; sent_at: CreatedAt };

export type ExchangeRatesTable = {
  from_currency: string;
  to_currency: string;
  valid_on: DateColumn;
  rate: Numeric;
  note: string | null;
};

export type CpdSchemesTable = {
  learner_id: string;
  preset: string | null;
  name: string;
  body: Generated<string>;
  unit: Generated<'hours' | 'points'>;
  target: Numeric;
  period_start_month: Generated<number>;
  structured_cap: NullableNumeric;
  self_directed_cap: NullableNumeric;
  carry_over_max: ColumnType<string, number | string | undefined, number | string>;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
};

export type CpdEvidenceFilesTable = {
  id: Generated<string>;
  learner_id: string;
  filename: string;
  media_type: string;
  size: number;
  sha256: string;
  bytes: Uint8Array;
  created_at: CreatedAt;
};

export type CpdCategory = 'structured' | 'self-directed';

export type CpdEntriesTable = {
  id: Generated<string>;
  learner_id: string;
  activity_date: DateColumn;
  title: string;
  hours: Numeric;
  category: CpdCategory;
  source: 'credential' | 'self';
  credential_id: string | null;
  wallet_credential_id: string | null;
  evidence_link: string | null;
  evidence_file_id: string | null;
  learned: string | null;
  application: string | null;
  created_at: CreatedAt;
};

export type QuizDrawsTable = {
  id: Generated<string>;
  org_id: string;
  enrolment_id: string;
  module_id: string;
  questions: ColumnType<unknown, string, string>;
  started_at: CreatedAt;
  expires_at: Timestamp | null;
  closed_at: Timestamp | null;
};

export type ModuleTimeSpentTable = {
  enrolment_id: string;
  module_id: string;
  org_id: string;
  seconds: number;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
};
