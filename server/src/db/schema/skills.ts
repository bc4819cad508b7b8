import type { Generated } from 'kysely';
import type { CreatedAt } from './columns.js';

// Skill frameworks and their skills.

export type SkillFrameworkSource = 'cairn' | 'esco' | 'onet' | 'custom';

export type SkillFrameworksTable = {
  id: Generated<string>;
  org_id: string | null;
  name: string;
  source: SkillFrameworkSource;
  content_version: string | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
};

export type SkillsTable = {
  id: Generated<string>;
  framework_id: string;
  org_id: string | null;
  code: string;
  name: string;
  description: Generated<string>;
  group_name: string | null;
  skill_type: string | null;
  uri: string | null;
  alt_labels: Generated<string[]>;
  search: string;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
};

export type OccupationsTable = {
  id: Generated<string>;
  framework_id: string;
  org_id: string | null;
  uri: string;
  code: Generated<string>;
  title: string;
  description: Generated<string>;
  alt_labels: Generated<string[]>;
  isco_group: string | null;
  search: string;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
};

export type OccupationRelation = 'essential' | 'optional';

export type OccupationSkillsTable = {
  occupation_id: string;
  skill_id: string;
  relation: OccupationRelation;
};
