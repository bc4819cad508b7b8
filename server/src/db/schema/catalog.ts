import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Timestamp } from './columns.js';

// Micro-credential authoring and the catalogue: uploaded images, versions, modules, catalogue entries.

export type MediaType = 'image/png' | 'image/jpeg' | 'image/svg+xml';

export type MediaFilesTable = {
  id: Generated<string>;
  org_id: string;
  media_type: MediaType;
  bytes: Uint8Array;
  byte_size: number;
  width: number;
  height: number;
  sha256: string;
  original_name: string | null;
  created_by: string | null;
  created_at: CreatedAt;
};

export type MicrocredentialsTable = {
  id: Generated<string>;
  org_id: string;
  slug: string;
  /** A private programme, listed only to this organisation's members (migration 0022); null: public. */
  audience_org_id: Generated<string | null>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
};

export type VersionStatus = 'draft' | 'published';

export type LearningFormat = 'self_paced' | 'cohort' | 'blended';

export type MicrocredentialVersionsTable = {
  id: Generated<string>;
  org_id: string;
  microcredential_id: string;
  version_number: number;
  status: VersionStatus;
  title: Generated<string>;
  summary: Generated<string>;
  description: Generated<string>;
  outcomes: Generated<string[]>;
  skill_ids: Generated<string[]>;
  level: number | null;
  effort_hours: number | null;
  duration_weeks: number | null;
  cost_amount_minor: number | null;
  cost_currency: string | null;
  cpd_hours: number | null;
  /** OB 3.0 `Achievement.fieldOfStudy` (migration 0029). */
  field_of_study: string | null;
  format: LearningFormat | null;
  language: string | null;
  image_file_id: string | null;
  partner_org_ids: Generated<string[]>;
  criteria_narrative: Generated<string>;
  pass_mark: number | null;
  validity_months: number | null;
  achievement: ColumnType<unknown, string | null | undefined, string | null>;
  created_by: string | null;
  published_by: string | null;
  published_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
};

export type MicrocredentialModulesTable = {
  id: Generated<string>;
  org_id: string;
  version_id: string;
  position: number;
  title: string;
  content: Generated<string>;
  links: ColumnType<unknown, string, string>;
  estimated_minutes: number;
  activity_type: 'quiz' | 'assignment' | null;
  activity: ColumnType<unknown, string | null, string | null>;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
};

export type CatalogEntriesTable = {
  microcredential_id: string;
  org_id: string;
  version_id: string;
  slug: string;
  provider_slug: string;
  provider_name: string;
  title: string;
  summary: string;
  skill_ids: string[];
  skills: ColumnType<unknown, string, string>;
  partner_slugs: string[];
  partners: ColumnType<unknown, string, string>;
  /** Organisations whose signed accreditation / endorsement of the programme is in force (migration 0021). */
  accreditor_slugs: Generated<string[]>;
  endorser_slugs: Generated<string[]>;
  level: number | null;
  format: LearningFormat;
  language: string;
  cost_amount_minor: number | null;
  cost_currency: string | null;
  cost_major: number;
  effort_hours: number;
  cpd_hours: number;
  /** The listed version's field of study (migration 0029). */
  field_of_study: Generated<string | null>;
  duration_weeks: number;
  image_url: string | null;
  published_at: Timestamp;
  search: string;
  change_seq: Generated<string>;
};
