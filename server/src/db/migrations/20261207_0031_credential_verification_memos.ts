import { sql, type Kysely } from 'kysely';

/**
 * Issue 14: what a shared credential's signature proved, remembered so a gap report need not
 * check it again.
 *
 * A signature and the binding of its key to the issuer do not change for the same bytes: once a
 * stored credential has verified for its holder, `credential_verification_memos` keeps, per holder
 * and SHA-256 of the stored document, the facts read from its signed meaning (issuer, the keys
 * that signed, status entries, dates, the skills it evidences). A report re-checks only what can
 * change: status lists, dates, and that each signing key (`signing_keys`: id and key material) is
 * still the issuer's. A different document
 * (one byte changed) has another hash and is verified in full; `email_hash` ties the recipient
 * check to the holder's email as it was, so a changed email is verified again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table credential_verification_memos (
      user_id uuid not null references users (id) on delete cascade,
      content_hash text not null check (content_hash ~ '^[0-9a-f]{64}$'),
      email_hash text not null check (email_hash ~ '^[0-9a-f]{64}$'),
      issuer_id text not null,
      signing_keys jsonb not null,
      credential_uri text,
      status_entries jsonb not null,
      valid_from timestamptz,
      valid_until timestamptz,
      achievement_name text,
      skills jsonb not null,
      verified_at timestamptz not null default now(),
      primary key (user_id, content_hash)
    )`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists credential_verification_memos`.execute(db);
}
