/**
 * Types of the catalogue, authoring and skills API (server/src/catalog/*.schemas.ts,
 * server/src/skills/skills.schemas.ts). Hand-written until `schema.d.ts` is generated.
 */

export type LearningFormat = 'self_paced' | 'cohort' | 'blended';

/** Price in integer minor units (cents, pence); null means free. */
export type Cost = { amountMinor: number; currency: string } | null;

export type FacetValue = { value: string; label: string; count: number };

export type CatalogItem = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  provider: { slug: string; name: string };
  skills: { id: string; name: string }[];
  cost: Cost;
  effortHours: number;
  cpdHours: number;
  level: number | null;
  format: LearningFormat;
  language: string;
  durationWeeks: number;
  imageUrl: string | null;
  partners: { slug: string; name: string }[];
  publishedAt: string;
};

export type CatalogFacets = Record<'skill' | 'provider' | 'level' | 'format' | 'language' | 'partner', FacetValue[]>;

export type CatalogSearchResult = {
  items: CatalogItem[];
  total: number;
  page: number;
  pageSize: number;
  facets: CatalogFacets;
};

export type QuizOutline = { type: 'quiz'; questionCount: number; passMark: number; attemptsLimit: number | null };
export type AssignmentOutline = { type: 'assignment'; criteria: string[]; evidenceKinds: string[]; maxPoints: number };

export type Programme = {
  id: string;
  slug: string;
  versionId: string;
  versionNumber: number;
  title: string;
  summary: string;
  description: string;
  outcomes: string[];
  skills: { id: string; code: string; name: string; description: string; framework: string }[];
  level: number | null;
  effortHours: number;
  durationWeeks: number;
  cost: Cost;
  cpdHours: number;
  format: LearningFormat;
  language: string;
  imageUrl: string | null;
  provider: { slug: string; name: string; did: string; profileUrl: string };
  partners: { slug: string; name: string }[];
  criteriaNarrative: string;
  validityMonths: number | null;
  modules: { id: string; position: number; title: string; estimatedMinutes: number; activity: QuizOutline | AssignmentOutline | null }[];
  totalMinutes: number;
  assessment: { passMark: number; quizCount: number; assignmentCount: number; summary: string };
  publishedAt: string;
  /** The OB 3.0 Achievement a learner earns. */
  achievement: Record<string, unknown>;
};

// ---- Authoring ----

export type ChoiceOption = { id?: string; text: string; isCorrect: boolean; feedback?: string };
export type QuestionFeedback = { correct?: string; incorrect?: string };
export type ChoiceQuestion = {
  id?: string;
  kind: 'single' | 'multiple';
  prompt: string;
  options: ChoiceOption[];
  points: number;
  feedback?: QuestionFeedback;
};
export type NumericQuestion = {
  id?: string;
  kind: 'numeric';
  prompt: string;
  answer: number;
  tolerance: number;
  unit?: string;
  points: number;
  feedback?: QuestionFeedback;
};
export type Question = ChoiceQuestion | NumericQuestion;
export type Quiz = { type: 'quiz'; passMark: number; attemptsLimit: number | null; questions: Question[] };

export type RubricLevel = { id?: string; title: string; description?: string; points: number };
export type RubricCriterion = { id?: string; title: string; description?: string; levels: RubricLevel[] };
export type Rubric = { criteria: RubricCriterion[] };
export type EvidenceKind = 'text' | 'link' | 'file';
export type Assignment = {
  type: 'assignment';
  instructions: string;
  rubric: Rubric;
  evidence: { kinds: EvidenceKind[]; fileTypes: string[]; maxFileBytes: number | null };
  passPoints: number | null;
};
export type Activity = Quiz | Assignment;

export type ModuleLink = { url: string; title?: string; kind: 'link' | 'video' };

export type AuthoringModule = {
  id: string;
  position: number;
  title: string;
  content: string;
  links: ModuleLink[];
  estimatedMinutes: number;
  activity: Activity | null;
};

export type ModuleInput = Omit<AuthoringModule, 'id' | 'position'>;

export type VersionStatus = 'draft' | 'published';

export type MicrocredentialVersion = {
  id: string;
  microcredentialId: string;
  versionNumber: number;
  status: VersionStatus;
  title: string;
  summary: string;
  description: string;
  outcomes: string[];
  skills: { id: string; code: string; name: string; framework: string }[];
  level: number | null;
  effortHours: number | null;
  durationWeeks: number | null;
  cost: Cost;
  cpdHours: number | null;
  format: LearningFormat | null;
  language: string | null;
  imageFileId: string | null;
  imageUrl: string | null;
  partners: { id: string; slug: string; name: string }[];
  criteriaNarrative: string;
  passMark: number | null;
  validityMonths: number | null;
  modules: AuthoringModule[];
  achievement: Record<string, unknown> | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type VersionPatch = Partial<{
  title: string;
  summary: string;
  description: string;
  outcomes: string[];
  skillIds: string[];
  level: number | null;
  effortHours: number | null;
  durationWeeks: number | null;
  cost: Cost;
  cpdHours: number | null;
  format: LearningFormat | null;
  language: string | null;
  imageFileId: string | null;
  partnerOrgIds: string[];
  criteriaNarrative: string;
  passMark: number | null;
  validityMonths: number | null;
}>;

export type VersionSummary = { id: string; versionNumber: number; status: VersionStatus; title: string; publishedAt: string | null; updatedAt: string };

export type MicrocredentialStatus = 'draft' | 'published' | 'published_with_draft';

export type Microcredential = {
  id: string;
  slug: string;
  status: MicrocredentialStatus;
  versions: VersionSummary[];
  /** The draft when there is one, else the latest published version. */
  current: MicrocredentialVersion;
  catalogUrl: string | null;
  createdAt: string;
};

export type MicrocredentialListItem = {
  id: string;
  slug: string;
  title: string;
  status: MicrocredentialStatus;
  latestVersion: VersionSummary;
  publishedVersion: VersionSummary | null;
  updatedAt: string;
};

export type UploadedImage = { id: string; url: string; mediaType: string; width: number; height: number; byteSize: number };

// ---- Skills ----

export type SkillSource = 'cairn' | 'esco' | 'onet' | 'custom';

export type Skill = {
  id: string;
  code: string;
  name: string;
  description: string;
  group: string | null;
  skillType: string | null;
  uri: string | null;
  altLabels: string[];
  framework: { id: string; name: string; source: SkillSource };
};

export type SkillCsvFormat = 'esco' | 'onet' | 'cairn';

export type SkillImportPreview = {
  format: SkillCsvFormat | null;
  columns: string[];
  rowCount: number;
  rows: { line: number; code: string; name: string; description: string; group: string | null; altLabels: string[]; skillType: string | null; uri: string | null }[];
  isTruncated: boolean;
  errors: { line: number; field: string; message: string }[];
  isValid: boolean;
};

export type SkillImportResult = {
  framework: { id: string; name: string; source: SkillSource };
  format: SkillCsvFormat;
  created: number;
  updated: number;
  total: number;
};

export type SkillFramework = { id: string; name: string; source: SkillSource; isStarter: boolean; skillCount: number; createdAt: string; updatedAt: string };
