/** Types of the learning API (docs/api-learning.md). */
import type { CredentialLifecycle, SignedCredential } from './types';

export type EnrolmentStatus = 'active' | 'completed' | 'withdrawn';

export type EnrolmentSummary = {
  id: string;
  status: EnrolmentStatus;
  programme: { providerSlug: string; providerName: string; slug: string; title: string; versionNumber: number; imageUrl: string | null };
  enrolledAt: string;
  completedAt: string | null;
  progress: { done: number; total: number; percent: number };
  nextModuleId: string | null;
  credentialId: string | null;
};

export type ModuleState = 'todo' | 'done' | 'pending_review' | 'resubmit' | 'failed';

export type LearnerQuestion = {
  id: string;
  kind: 'single' | 'multiple' | 'numeric';
  prompt: string;
  points: number;
  unit?: string;
  options?: { id: string; text: string }[];
};

/** A quiz as a learner sees it: never the answers. */
export type LearnerQuiz = {
  type: 'quiz';
  passMark: number;
  attemptsLimit: number | null;
  attemptsUsed: number;
  bestPercent: number | null;
  isPassed: boolean;
  questions: LearnerQuestion[];
};

export type SubmissionStatus = 'pending' | 'approved' | 'resubmit';

export type Submission = {
  id: string;
  attemptNumber: number;
  status: SubmissionStatus;
  text: string | null;
  link: string | null;
  file: { name: string; mediaType: string; size: number } | null;
  submittedAt: string;
  reviewedAt: string | null;
  feedback: string | null;
  points: number | null;
  maxPoints: number | null;
};

export type LearnerRubric = {
  criteria: { id: string; title: string; description?: string; levels: { id: string; title: string; description?: string; points: number }[] }[];
};

export type LearnerAssignment = {
  type: 'assignment';
  instructions: string;
  rubric: LearnerRubric;
  evidence: { kinds: ('text' | 'link' | 'file')[]; fileTypes: string[]; maxFileBytes: number | null };
  submissions: Submission[];
};

export type LearnerModule = {
  id: string;
  position: number;
  title: string;
  content: string;
  links: { url: string; title?: string; kind: 'link' | 'video' }[];
  estimatedMinutes: number;
  state: ModuleState;
  activity: LearnerQuiz | LearnerAssignment | null;
};

export type EnrolmentDetail = EnrolmentSummary & { modules: LearnerModule[]; overall: { percent: number | null; passMark: number | null } };

export type QuizAnswers = Record<string, string[] | number>;

export type QuizAttemptResult = {
  attemptNumber: number;
  percent: number;
  isPassed: boolean;
  attemptsLeft: number | null;
  questions: { id: string; isCorrect: boolean; feedback?: string }[];
  enrolment: EnrolmentDetail;
};

export type MyCredential = {
  id: string;
  achievementName: string | null;
  issuedAt: string;
  status: CredentialLifecycle;
  verifiableCredential: SignedCredential;
  issuer: { name: string; did: string };
  credentialUrl: string;
};

export type ReviewQueueItem = {
  id: string;
  submittedAt: string;
  attemptNumber: number;
  learner: { name: string };
  programme: { title: string };
  module: { id: string; title: string };
};

export type SubmissionForReview = Submission & {
  learner: { name: string };
  programme: { title: string };
  module: { id: string; title: string };
  instructions: string;
  rubric: LearnerRubric;
  passPoints: number | null;
  maxPoints: number;
  scores: Record<string, string> | null;
};

export type ReviewDecision = 'approve' | 'resubmit';

export type ReviewInput = { scores: Record<string, string>; feedback: string; decision: ReviewDecision };

export type LearningStats = {
  enrolments: number;
  active: number;
  completed: number;
  withdrawn: number;
  completionRate: number | null;
  medianDaysToComplete: number | null;
  reviewQueue: number;
  byProgramme: { microcredentialId: string; title: string; enrolments: number; completed: number }[];
  quizzes: { moduleId: string; title: string; programme: string; attempts: number; passRate: number }[];
  enrolmentsByWeek: { week: string; enrolments: number; completions: number }[];
};

/** A voucher code a provider hands out for its paid programmes (Cairn takes no card payments). */
export type Voucher = {
  id: string;
  code: string;
  /** null: valid for any of the provider's programmes. */
  microcredentialId: string | null;
  maxRedemptions: number;
  redeemed: number;
  expiresAt: string | null;
};

export type VoucherInput = { code?: string; microcredentialId?: string; maxRedemptions: number; expiresAt?: string };
