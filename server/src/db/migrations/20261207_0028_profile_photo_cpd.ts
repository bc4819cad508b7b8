import { sql, type Kysely } from 'kysely';

/**
 * Showcase gaps on the public profile.
 *
 * - `photo`, `photo_media_type`, `photo_updated_at`: the learner's profile photo, checked and
 *   resized by the image pipeline (PNG or JPEG). It is kept on the profile rather than in
 *   `media_files`, whose images belong to an organisation and are public by id: a photo belongs to
 *   no organisation and is served only where the profile itself may be seen.
 * - `is_cpd_shown`: the learner's choice to show the current period's CPD summary on the profile;
 *   off by default.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    sql`alter table public_profiles add column photo bytea`,
    sql`alter table public_profiles add column photo_media_type text
      check (photo_media_type in ('image/png', 'image/jpeg'))`,
    sql`alter table public_profiles add column photo_updated_at timestamptz`,
    sql`alter table public_profiles add constraint public_profiles_photo_complete
      check ((photo is null) = (photo_media_type is null) and (photo is null) = (photo_updated_at is null))`,
    sql`alter table public_profiles add column is_cpd_shown boolean not null default false`,
  ];
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table public_profiles drop constraint if exists public_profiles_photo_complete`.execute(db);
  await sql`alter table public_profiles drop column if exists is_cpd_shown`.execute(db);
  await sql`alter table public_profiles drop column if exists photo_updated_at`.execute(db);
  await sql`alter table public_profiles drop column if exists photo_media_type`.execute(db);
  await sql`alter table public_profiles drop column if exists photo`.execute(db);
}
