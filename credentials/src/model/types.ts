// The Open Badges 3.0 / CLR 2.0 data model, as Cairn writes it. Readers must still treat
// incoming documents as unknown JSON: these types describe what we produce, not what we accept.
import type { JsonObject, JsonValue } from '../util/json.js';
import type { BitstringStatusListEntry } from '../status-list/status-list-credential.js';

export type { BitstringStatusListEntry };

export type OneOrMany<T> = T | T[];

export type Image = { id: string; type: 'Image'; caption?: string };

export type Profile = {
  id: string;
  type: OneOrMany<string>;
  name?: string;
  url?: string;
  email?: string;
  description?: string;
  image?: Image;
  endorsement?: EndorsementCredential[];
};

export type Criteria = { id?: string; narrative?: string };

export type AlignmentTargetType =
  | 'ceasn:Competency'
  | 'ceterms:Credential'
  | 'CFItem'
  | 'CFRubric'
  | 'CFRubricCriterion'
  | 'CFRubricCriterionLevel'
  | 'CTDL'
  | (string & {});

export type Alignment = {
  type: OneOrMany<string>;
  targetName: string;
  targetUrl: string;
  targetDescription?: string;
  targetType?: AlignmentTargetType;
  targetFramework?: string;
  targetCode?: string;
};

export type ResultType =
  | 'GradePointAverage'
  | 'LetterGrade'
  | 'Percent'
  | 'PerformanceLevel'
  | 'PredictedScore'
  | 'RawScore'
  | 'Result'
  | 'RubricCriterion'
  | 'RubricCriterionLevel'
  | 'RubricScore'
  | 'ScaledScore'
  | 'Status'
  | (string & {});

export type RubricCriterionLevel = {
  id: string;
  type: OneOrMany<string>;
  name: string;
  description?: string;
  level?: string;
  points?: string;
};

export type ResultDescription = {
  id: string;
  type: OneOrMany<string>;
  name: string;
  resultType: ResultType;
  allowedValue?: string[];
  requiredLevel?: string;
  requiredValue?: string;
  rubricCriterionLevel?: RubricCriterionLevel[];
  valueMin?: string;
  valueMax?: string;
};

export type ResultStatus = 'Completed' | 'Enrolled' | 'Failed' | 'InProgress' | 'OnHold' | 'Provisional' | 'Withdrew';

export type Result = {
  type: OneOrMany<string>;
  resultDescription?: string;
  value?: string;
  achievedLevel?: string;
  status?: ResultStatus;
  alignment?: Alignment[];
};

export type AchievementType =
  | 'Achievement'
  | 'ApprenticeshipCertificate'
  | 'Assessment'
  | 'Assignment'
  | 'AssociateDegree'
  | 'Award'
  | 'Badge'
  | 'BachelorDegree'
  | 'Certificate'
  | 'CertificateOfCompletion'
  | 'Certification'
  | 'CommunityService'
  | 'Competency'
  | 'Course'
  | 'CoCurricular'
  | 'Degree'
  | 'Diploma'
  | 'DoctoralDegree'
  | 'Fieldwork'
  | 'GeneralEducationDevelopment'
  | 'JourneymanCertificate'
  | 'LearningProgram'
  | 'License'
  | 'Membership'
  | 'ProfessionalDoctorate'
  | 'QualityAssuranceCredential'
  | 'MasterCertificate'
  | 'MasterDegree'
  | 'MicroCredential'
  | 'ResearchDoctorate'
  | 'SecondarySchoolDiploma'
  | `ext:${string}`;

export type Achievement = {
  id: string;
  type: OneOrMany<string>;
  name: string;
  description: string;
  criteria: Criteria;
  achievementType?: AchievementType;
  alignment?: Alignment[];
  creditsAvailable?: number;
  resultDescription?: ResultDescription[];
  creator?: Profile;
  endorsement?: EndorsementCredential[];
  tag?: string[];
  version?: string;
  related?: { id: string; type: OneOrMany<string>; version?: string }[];
  image?: Image;
  humanCode?: string;
  fieldOfStudy?: string;
  specialization?: string;
};

export type IdentityObject = {
  type: 'IdentityObject';
  hashed: boolean;
  /** `sha256$<hex>` of identifier + salt when hashed, else the identifier itself. */
  identityHash: string;
  identityType: 'emailAddress' | 'sourcedId' | 'studentId' | 'name' | 'url' | 'phoneNumber' | (string & {});
  salt?: string;
};

export type AchievementSubject = {
  id?: string;
  type: OneOrMany<string>;
  achievement: Achievement;
  identifier?: IdentityObject[];
  result?: Result[];
  creditsEarned?: number;
  activityStartDate?: string;
  activityEndDate?: string;
  role?: string;
  term?: string;
};

export type Evidence = {
  id?: string;
  type: OneOrMany<string>;
  name?: string;
  description?: string;
  narrative?: string;
  genre?: string;
  audience?: string;
};

export type CredentialSchema = { id: string; type: '1EdTechJsonSchemaValidator2019' | (string & {}) };

type CredentialBase = {
  '@context': string[];
  id: string;
  type: string[];
  name?: string;
  description?: string;
  issuer: Profile;
  validFrom: string;
  validUntil?: string;
  awardedDate?: string;
  credentialSchema?: CredentialSchema[];
  credentialStatus?: BitstringStatusListEntry | BitstringStatusListEntry[];
  proof?: JsonObject[];
};

/** An Open Badge: `type` holds `VerifiableCredential` and `OpenBadgeCredential` (or `AchievementCredential`). */
export type AchievementCredential = CredentialBase & {
  credentialSubject: AchievementSubject;
  evidence?: Evidence[];
  endorsement?: EndorsementCredential[];
  image?: Image;
};
export type OpenBadgeCredential = AchievementCredential;

export type EndorsementSubject = { id: string; type: OneOrMany<string>; endorsementComment?: string };

/** A third party vouching for an issuer, an achievement or a credential. `name` is required. */
export type EndorsementCredential = CredentialBase & { name: string; credentialSubject: EndorsementSubject };

export type AssociationType =
  'exactMatchOf' | 'isChildOf' | 'isParentOf' | 'isPartOf' | 'isPeerOf' | 'isRelatedTo' | 'precedes' | 'replacedBy';

export type Association = { type: 'Association'; associationType: AssociationType; sourceId: string; targetId: string };

export type ClrSubject = {
  id?: string;
  type: OneOrMany<string>;
  identifier?: IdentityObject[];
  verifiableCredential: (AchievementCredential | JsonObject)[];
  achievement?: Achievement[];
  association?: Association[];
};

/** A Comprehensive Learner Record: signed credentials bundled and signed again by the issuer. */
export type ClrCredential = CredentialBase & { name: string; credentialSubject: ClrSubject; partial?: boolean };

/** Any credential value this library hands back (as JSON). */
export type CredentialJson = JsonObject & { [key: string]: JsonValue };
