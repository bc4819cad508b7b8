import { sql, type Kysely } from 'kysely';

/**
 * Issue 15 (research and networking): programme reviews, cohorts, discussions, peer profiles
 * and direct messages. Every table keeps the providing organisation's `org_id` (the tenant key)
 * so it can be distributed with the rest of that organisation's data.
 *
 * - `programme_reviews`: one per (programme, author); only credential holders write one; the
 *   provider moderates (pending → approved | hidden); a report hides an approved review until
 *   the provider looks again (status `reported`).
 * - `cohorts` / `cohort_members`: runs of a cohort-format programme with dates, capacity and a
 *   facilitator; learners are placed in one cohort per programme.
 * - `discussion_threads` / `discussion_posts`: a cohort's discussion, or a programme-wide one
 *   (`cohort_id` null) for programmes that do not run cohorts.
 * - `community_reports`: what people reported (a review, thread, post or message).
 * - `community_notifications`: mentions, replies and messages waiting for the daily digest mail.
 * - `peer_profiles`: the opt-in directory card; `direct_messages`: between members of a cohort.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table programme_reviews (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references organizations (id) on delete cascade,
      microcredential_id uuid not null references microcredentials (id) on delete cascade,
      author_id uuid not null references users (id) on delete cascade,
      credential_row_id uuid references credentials (id) on delete set null,
      rating smallint not null check (rating between 1 and 5),
      title text not null,
      body text not null,
      status text not null default 'pending' check (status in ('pending', 'approved', 'hidden', 'reported')),
      moderated_by uuid references users (id) on delete set null,
      moderated_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (microcredential_id, author_id)
    )`,
    sql`create index programme_reviews_org_status_idx on programme_reviews (org_id, status, updated_at desc)`,
    sql`create index programme_reviews_approved_idx on programme_reviews (microcredential_id) where status = 'approved'`,
    sql`create table cohorts (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references organizations (id) on delete cascade,
      microcredential_id uuid not null references microcredentials (id) on delete cascade,
      name text not null,
      starts_on date not null,
      ends_on date not null,
      capacity integer not null check (capacity between 1 and 10000),
      facilitator_id uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      check (ends_on >= starts_on)
    )`,
    sql`create index cohorts_programme_idx on cohorts (microcredential_id, starts_on)`,
    sql`create table cohort_members (
      cohort_id uuid not null references cohorts (id) on delete cascade,
      org_id uuid not null references organizations (id) on delete cascade,
      microcredential_id uuid not null references microcredentials (id) on delete cascade,
      learner_id uuid not null references users (id) on delete cascade,
      joined_at timestamptz not null default now(),
      removed_at timestamptz,
      removed_by uuid references users (id) on delete set null,
      primary key (cohort_id, learner_id)
    )`,
    // One cohort per learner per programme (a removed member stays removed, and is not re-placed).
    sql`create unique index cohort_members_one_per_programme on cohort_members (microcredential_id, learner_id)`,
    sql`create table discussion_threads (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references organizations (id) on delete cascade,
      microcredential_id uuid not null references microcredentials (id) on delete cascade,
      cohort_id uuid references cohorts (id) on delete cascade,
      author_id uuid not null references users (id) on delete cascade,
      title text not null,
      body text not null,
      is_locked boolean not null default false,
      hidden_at timestamptz,
      hidden_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      last_post_at timestamptz not null default now()
    )`,
    sql`create index discussion_threads_space_idx on discussion_threads (microcredential_id, cohort_id, last_post_at desc)`,
    sql`create table discussion_posts (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references organizations (id) on delete cascade,
      thread_id uuid not null references discussion_threads (id) on delete cascade,
      author_id uuid not null references users (id) on delete cascade,
      body text not null,
      hidden_at timestamptz,
      hidden_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now()
    )`,
    sql`create index discussion_posts_thread_idx on discussion_posts (thread_id, created_at)`,
    sql`create table direct_messages (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references organizations (id) on delete cascade,
      cohort_id uuid not null references cohorts (id) on delete cascade,
      sender_id uuid not null references users (id) on delete cascade,
      recipient_id uuid not null references users (id) on delete cascade,
      body text not null,
      created_at timestamptz not null default now(),
      read_at timestamptz
    )`,
    sql`create index direct_messages_pair_idx on direct_messages (cohort_id, sender_id, recipient_id, created_at)`,
    sql`create table community_reports (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references organizations (id) on delete cascade,
      reporter_id uuid not null references users (id) on delete cascade,
      review_id uuid references programme_reviews (id) on delete cascade,
      thread_id uuid references discussion_threads (id) on delete cascade,
      post_id uuid references discussion_posts (id) on delete cascade,
      message_id uuid references direct_messages (id) on delete cascade,
      reason text not null,
      created_at timestamptz not null default now(),
      resolved_at timestamptz,
      check (num_nonnulls(review_id, thread_id, post_id, message_id) = 1)
    )`,
    sql`create unique index community_reports_once on community_reports
      (reporter_id, coalesce(review_id, thread_id, post_id, message_id))`,
    sql`create index community_reports_open_idx on community_reports (org_id, created_at) where resolved_at is null`,
    sql`create table community_notifications (
      id uuid primary key default gen_random_uuid(),
      org_id uuid not null references organizations (id) on delete cascade,
      user_id uuid not null references users (id) on delete cascade,
      kind text not null check (kind in ('mention', 'reply', 'message')),
      actor_id uuid references users (id) on delete set null,
      thread_id uuid references discussion_threads (id) on delete cascade,
      message_id uuid references direct_messages (id) on delete cascade,
      created_at timestamptz not null default now(),
      mailed_at timestamptz
    )`,
    sql`create index community_notifications_unmailed_idx on community_notifications (user_id, created_at) where mailed_at is null`,
    sql`create table peer_profiles (
      user_id uuid primary key references users (id) on delete cascade,
      is_listed boolean not null default false,
      headline text not null default '',
      skills text[] not null default '{}',
      shows_credentials boolean not null default false,
      updated_at timestamptz not null default now()
    )`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'peer_profiles',
    'community_notifications',
    'community_reports',
    'direct_messages',
    'discussion_posts',
    'discussion_threads',
    'cohort_members',
    'cohorts',
    'programme_reviews',
  ])
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
}
