import { sql, type Kysely } from 'kysely';

/**
 * Issue 16, part 6: wallet pickup through VC-API exchanges.
 *
 * - `credential_exchanges`: one pickup of one credential by its holder into a wallet. The holder
 *   opens it (10 minutes), a wallet asks for the DIDAuthentication request and answers it; the
 *   exchange is collected once. `interaction_id` and `exchange_id` are the two opaque parts of
 *   its URLs (the interaction URL shown as a QR code, the VC-API exchange URL the wallet posts
 *   to); `challenge` is the one-time challenge the wallet must sign, burnt by the first
 *   presentation that answers it (`challenge_used_at`). `issued_credential_id` is the copy
 *   issued to the wallet's DID: it carries the original's status entries, so revoking or
 *   suspending the original does the same to it. `org_id` is the issuer's, the tenant key.
 * - `credential_exchange_steps`: what happened, for the holder ("picked up by did:key:… on …").
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`create table credential_exchanges (
      id uuid primary key,
      org_id uuid not null references organizations (id) on delete cascade,
      credential_id uuid not null references credentials (id) on delete cascade,
      holder_user_id uuid not null references users (id) on delete cascade,
      interaction_id text not null unique,
      exchange_id text not null unique,
      challenge text not null,
      challenge_used_at timestamptz,
      state text not null default 'pending' check (state in ('pending', 'collected')),
      expires_at timestamptz not null,
      holder_did text,
      issued_credential_id uuid references credentials (id) on delete set null,
      created_at timestamptz not null,
      collected_at timestamptz
    )`,
    sql`create index credential_exchanges_holder_idx on credential_exchanges (holder_user_id, credential_id, created_at desc)`,
    sql`create index credential_exchanges_org_idx on credential_exchanges (org_id)`,
    sql`create table credential_exchange_steps (
      id uuid primary key,
      exchange_id uuid not null references credential_exchanges (id) on delete cascade,
      org_id uuid not null references organizations (id) on delete cascade,
      step text not null check (step in ('created', 'requested', 'refused', 'collected')),
      did text,
      detail text,
      at timestamptz not null
    )`,
    sql`create index credential_exchange_steps_exchange_idx on credential_exchange_steps (exchange_id, at)`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists credential_exchange_steps`.execute(db);
  await sql`drop table if exists credential_exchanges`.execute(db);
}
