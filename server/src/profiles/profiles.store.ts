import type { Db } from '../db/transaction.js';

/** The SQL of learners' public profiles, the credentials they show, and their share links. */

/** A profile with its owner's name, as every reader of a profile sees it. */
function selectProfiles(db: Db) {
  return db
    .selectFrom('public_profiles as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select([
      'p.user_id',
      'p.handle',
      'p.is_public',
      'p.is_name_shown',
      'p.is_cpd_shown',
      'p.headline',
      'p.photo_media_type',
      'p.photo_updated_at',
      'u.name',
    ]);
}

export function findProfileOfUser(db: Db, userId: string) {
  return selectProfiles(db).where('p.user_id', '=', userId).executeTakeFirst();
}

export function findProfileByHandle(db: Db, handle: string) {
  return selectProfiles(db).where('p.handle', '=', handle).executeTakeFirst();
}

export function findHandleOwner(db: Db, handle: string) {
  return db.selectFrom('public_profiles').select('user_id').where('handle', '=', handle).executeTakeFirst();
}

export async function saveProfile(
  db: Db,
  userId: string,
  values: { handle: string; isPublic: boolean; isNameShown: boolean; isCpdShown?: boolean; headline: string },
  now: Date,
) {
  const row = {
    handle: values.handle,
    is_public: values.isPublic,
    is_name_shown: values.isNameShown,
    // Left out, the choice stays as it was (clients that predate the switch keep it off).
    ...(values.isCpdShown === undefined ? {} : { is_cpd_shown: values.isCpdShown }),
    headline: values.headline,
    updated_at: now,
  };
  await db
    .insertInto('public_profiles')
    .values({ user_id: userId, ...row })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(row))
    .execute();
}

/** Replaces the credentials shown on the profile, in the order given. */
export async function replaceProfileCredentials(db: Db, userId: string, credentialIds: string[]) {
  await db.deleteFrom('public_profile_credentials').where('user_id', '=', userId).execute();
  if (credentialIds.length === 0) return;
  await db
    .insertInto('public_profile_credentials')
    .values(credentialIds.map((id, position) => ({ user_id: userId, credential_id: id, position })))
    .execute();
}

export async function listProfileCredentialIds(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('public_profile_credentials')
    .select('credential_id')
    .where('user_id', '=', userId)
    .orderBy('position')
    .execute();
  return rows.map((r) => r.credential_id);
}

/** Of `ids`, those the person holds. */
export async function heldAmong(db: Db, userId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('credentials')
    .select('id')
    .where('recipient_user_id', '=', userId)
    .where('id', 'in', ids)
    .execute();
  return new Set(rows.map((r) => r.id));
}

export function insertShareLink(
  db: Db,
  link: { id: string; userId: string; credentialId: string | null; tokenHash: string; expiresAt: Date | null },
) {
  return db
    .insertInto('showcase_share_links')
    .values({
      id: link.id,
      user_id: link.userId,
      credential_id: link.credentialId,
      token_hash: link.tokenHash,
      expires_at: link.expiresAt,
    })
    .execute();
}

export function listShareLinks(db: Db, userId: string) {
  return db
    .selectFrom('showcase_share_links as s')
    .leftJoin('credentials as c', 'c.id', 's.credential_id')
    .select([
      's.id',
      's.credential_id',
      's.expires_at',
      's.view_count',
      's.created_at',
      's.revoked_at',
      'c.achievement_name',
    ])
    .where('s.user_id', '=', userId)
    .orderBy('s.created_at', 'desc')
    .execute();
}

export async function revokeShareLink(db: Db, userId: string, id: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('showcase_share_links')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Counts a view of a live link and returns it; undefined for an unknown, withdrawn or expired token. */
export function countShareLinkView(db: Db, tokenHash: string, now: Date) {
  return db
    .updateTable('showcase_share_links as s')
    .set((eb) => ({ view_count: eb('s.view_count', '+', 1) }))
    .where('s.token_hash', '=', tokenHash)
    .where('s.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('s.expires_at', 'is', null), eb('s.expires_at', '>', now)]))
    .returning(['s.id', 's.user_id', 's.credential_id'])
    .executeTakeFirst();
}

export function findShareLinkByTokenHash(db: Db, tokenHash: string) {
  return db
    .selectFrom('showcase_share_links')
    .select(['id', 'user_id', 'credential_id', 'expires_at', 'revoked_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export function findAccount(db: Db, userId: string) {
  return db.selectFrom('users').select(['name', 'email']).where('id', '=', userId).executeTakeFirst();
}

/** Sets or clears the profile photo; false when the person has no profile yet. */
export async function setProfilePhoto(
  db: Db,
  userId: string,
  photo: { bytes: Buffer; mediaType: 'image/png' | 'image/jpeg' } | null,
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('public_profiles')
    .set({
      photo: photo?.bytes ?? null,
      photo_media_type: photo?.mediaType ?? null,
      photo_updated_at: photo ? now : null,
      updated_at: now,
    })
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export function findProfilePhoto(db: Db, userId: string) {
  return db
    .selectFrom('public_profiles')
    .select(['photo', 'photo_media_type', 'photo_updated_at'])
    .where('user_id', '=', userId)
    .where('photo', 'is not', null)
    .executeTakeFirst();
}
