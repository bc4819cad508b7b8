import { sql, type Kysely } from 'kysely';

/**
 * Email verification. An account's email is trusted (credentials linked to it, wallet
 * recipients matched) only once its owner has opened a link mailed to it. Accounts that exist
 * now never proved their address, so they start unverified; only the demo accounts, whose
 * reserved `.test` domain nobody can receive mail for, are marked verified.
 *
 * Credentials get the normalised email they were issued to, so that verifying an address can
 * find and link the credentials waiting for it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users add column email_verified_at timestamptz`.execute(db);
  await sql`update users set email_verified_at = now() where lower(email) like '%@demo.cairn.test'`.execute(db);
  await sql`create table email_verifications (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null references users (id) on delete cascade,
    email text not null,
    token_hash text not null unique,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    used_at timestamptz
  )`.execute(db);
  await sql`create index email_verifications_user_idx on email_verifications (user_id, created_at)`.execute(db);
  await sql`alter table credentials add column recipient_email text`.execute(db);
  // Until now the label held exactly the recipientEmail the issuer gave; linking re-checks the
  // signed document, so a label the document does not carry links nothing.
  await sql`update credentials set recipient_email = lower(trim(recipient_label)) where recipient_label like '%@%'`.execute(
    db,
  );
  await sql`create index credentials_unclaimed_email_idx on credentials (recipient_email) where recipient_user_id is null and recipient_email is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists credentials_unclaimed_email_idx`.execute(db);
  await sql`alter table credentials drop column if exists recipient_email`.execute(db);
  await sql`drop table if exists email_verifications`.execute(db);
  await sql`alter table users drop column if exists email_verified_at`.execute(db);
}
