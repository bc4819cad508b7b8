import type { Generated } from 'kysely';
import type { CreatedAt, Timestamp } from './columns.js';

// Learners together (migration 0025): programme reviews, cohorts, discussions, messages, peer profiles.

export type ProgrammeReviewStatus = 'pending' | 'approved' | 'hidden' | 'reported';

export type ProgrammeReviewsTable = {
  id: Generated<string>;
  org_id: string;
  microcredential_id: string;
  author_id: string;
  credential_row_id: string | null;
  rating: number;
  title: string;
  body: string;
  status: Generated<ProgrammeReviewStatus>;
  moderated_by: string | null;
  moderated_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Generated<Date>;
};

export type CohortsTable = {
  id: Generated<string>;
  org_id: string;
  microcredential_id: string;
  name: string;
  /** `date` columns: ISO `YYYY-MM-DD` strings (the stores cast them to text). */
  starts_on: string;
  ends_on: string;
  capacity: number;
  facilitator_id: string | null;
  created_at: CreatedAt;
};

export type CohortMembersTable = {
  cohort_id: string;
  org_id: string;
  microcredential_id: string;
  learner_id: string;
  joined_at: CreatedAt;
  removed_at: Timestamp | null;
  removed_by: string | null;
};

export type DiscussionThreadsTable = {
  id: Generated<string>;
  org_id: string;
  microcredential_id: string;
  cohort_id: string | null;
  author_id: string;
  title: string;
  body: string;
  is_locked: Generated<boolean>;
  hidden_at: Timestamp | null;
  hidden_by: string | null;
  created_at: CreatedAt;
  last_post_at: Generated<Date>;
};

export type DiscussionPostsTable = {
  id: Generated<string>;
  org_id: string;
  thread_id: string;
  author_id: string;
  body: string;
  hidden_at: Timestamp | null;
  hidden_by: string | null;
  created_at: CreatedAt;
};

export type DirectMessagesTable = {
  id: Generated<string>;
  org_id: string;
  cohort_id: string;
  sender_id: string;
  recipient_id: string;
  body: string;
  created_at: CreatedAt;
  read_at: Timestamp | null;
};

export type CommunityReportsTable = {
  id: Generated<string>;
  org_id: string;
  reporter_id: string;
  review_id: string | null;
  thread_id: string | null;
  post_id: string | null;
  message_id: string | null;
  reason: string;
  created_at: CreatedAt;
  resolved_at: Timestamp | null;
};

export type CommunityNotificationKind = 'mention' | 'reply' | 'message';

export type CommunityNotificationsTable = {
  id: Generated<string>;
  org_id: string;
  user_id: string;
  kind: CommunityNotificationKind;
  actor_id: string | null;
  thread_id: string | null;
  message_id: string | null;
  created_at: CreatedAt;
  mailed_at: Timestamp | null;
};

export type PeerProfilesTable = {
  user_id: string;
  is_listed: Generated<boolean>;
  headline: Generated<string>;
  skills: Generated<string[]>;
  shows_credentials: Generated<boolean>;
  updated_at: Generated<Date>;
};
