import { sql, type Kysely } from 'kysely';

/**
 * Issue 13 (industry partners): endorsements, co-development invitations, and what the
 * catalogue copies of accreditation and endorsement.
 *
 * - `endorsements`: a partner organisation's signed EndorsementCredential (`credential_id`, a row
 *   of `credentials`) about a provider's Profile (`subject_type` organization) or the Achievement
 *   of one published programme version (`subject_type` programme). `subject_uri` is the signed
 *   subject id (the provider's DID, or the version's achievement URL). Withdrawal sets the
 *   credential's revocation bit and `withdrawn_at`; at most one endorsement in force per endorser
 *   and subject.
 * - `co_development_invitations` and `co_development_comments`: a provider invites a partner to
 *   co-develop a programme; the partner reads the draft, comments and approves (or declines).
 * - `catalog_entries.accreditor_slugs` / `endorser_slugs`: the organisations whose signed
 *   accreditation or endorsement of the listed programme is in force, for the catalogue's
 *   "Accredited by" and "Endorsed by" filters and facets.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table endorsements (
      id uuid primary key default gen_random_uuid(),
      endorser_org_id uuid not null references organizations (id) on delete cascade,
      subject_type text not null check (subject_type in ('organization', 'programme')),
      subject_org_id uuid not null references organizations (id) on delete cascade,
      subject_microcredential_id uuid references microcredentials (id) on delete cascade,
      subject_version_id uuid references microcredential_versions (id) on delete cascade,
      subject_uri text not null,
      comment text not null,
      credential_id uuid not null references credentials (id) on delete cascade,
      valid_from timestamptz not null,
      withdrawn_at timestamptz,
      withdrawal_reason text,
      created_by uuid references users (id) on delete set null,
      created_at timestamptz not null default now(),
      check (subject_org_id <> endorser_org_id),
      check ((subject_type = 'programme') = (subject_version_id is not null)),
      check ((subject_type = 'programme') = (subject_microcredential_id is not null))
    )`,
    sql`create unique index endorsements_in_force_uniq on endorsements (endorser_org_id, subject_uri) where withdrawn_at is null`,
    sql`create index endorsements_subject_idx on endorsements (subject_org_id, subject_version_id)`,
    sql`create index endorsements_credential_idx on endorsements (credential_id)`,
    sql`create table co_development_invitations (
      id uuid primary key default gen_random_uuid(),
      provider_org_id uuid not null references organizations (id) on delete cascade,
      partner_org_id uuid not null references organizations (id) on delete cascade,
      microcredential_id uuid not null references microcredentials (id) on delete cascade,
      status text not null default 'pending' check (status in ('pending', 'approved', 'declined', 'withdrawn')),
      message text not null default '',
      invited_by uuid references users (id) on delete set null,
      decided_by uuid references users (id) on delete set null,
      decided_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (provider_org_id <> partner_org_id),
      unique (microcredential_id, partner_org_id)
    )`,
    sql`create index co_development_invitations_partner_idx on co_development_invitations (partner_org_id, updated_at desc)`,
    sql`create table co_development_comments (
      id uuid primary key default gen_random_uuid(),
      invitation_id uuid not null references co_development_invitations (id) on delete cascade,
      author_org_id uuid not null references organizations (id) on delete cascade,
      author_user_id uuid references users (id) on delete set null,
      body text not null,
      created_at timestamptz not null default now()
    )`,
    sql`create index co_development_comments_invitation_idx on co_development_comments (invitation_id, created_at)`,
    sql`alter table catalog_entries add column accreditor_slugs text[] not null default '{}'`,
    sql`alter table catalog_entries add column endorser_slugs text[] not null default '{}'`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table catalog_entries drop column if exists endorser_slugs`.execute(db);
  await sql`alter table catalog_entries drop column if exists accreditor_slugs`.execute(db);
  for (const table of ['co_development_comments', 'co_development_invitations', 'endorsements']) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
