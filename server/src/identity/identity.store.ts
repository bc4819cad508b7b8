import { sql } from 'kysely';
import type { Db } from '../db/transaction.js';

const userColumns = ['id', 'email', 'name', 'created_at', 'email_verified_at'] as const;

export function findUserByEmail(db: Db, email: string) {
  return db
    .selectFrom('users')
    .select([...userColumns, 'password_hash'])
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

export function findUserById(db: Db, id: string) {
  return db.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst();
}

/** Inserts a user; returns undefined when the email is already registered. */
export async function insertUser(
  db: Db,
  user: { email: string; name: string; passwordHash: string; emailVerifiedAt?: Date },
) {
  return db
    .insertInto('users')
    .values({
      email: user.email,
      name: user.name,
      password_hash: user.passwordHash,
      email_verified_at: user.emailVerifiedAt ?? null,
    })
    .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
    .returning(userColumns)
    .executeTakeFirst();
}

export async function updatePasswordHash(db: Db, userId: string, passwordHash: string) {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, updated_at: sql`now()` })
    .where('id', '=', userId)
    .execute();
}

export async function insertSession(
  db: Db,
  session: { userId: string; tokenHash: string; expiresAt: Date; userAgent: string | null },
) {
  return db
    .insertInto('sessions')
    .values({
      user_id: session.userId,
      token_hash: session.tokenHash,
      expires_at: session.expiresAt,
      user_agent: session.userAgent,
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
}

/** The live session for a token hash, with its user, or undefined when unknown or expired. */
export function findLiveSession(db: Db, tokenHash: string, now: Date) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id as sessionId', 'sessions.last_seen_at', 'users.id as userId'])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.expires_at', '>', now)
    .executeTakeFirst();
}

export async function touchSession(db: Db, sessionId: string, now: Date, expiresAt: Date) {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now, expires_at: expiresAt })
    .where('id', '=', sessionId)
    .execute();
}

export async function deleteSession(db: Db, sessionId: string) {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteSessionsOfUser(db: Db, userId: string) {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function insertPasswordReset(db: Db, reset: { userId: string; tokenHash: string; expiresAt: Date }) {
  await db
    .insertInto('password_resets')
    .values({ user_id: reset.userId, token_hash: reset.tokenHash, expires_at: reset.expiresAt })
    .execute();
}

/** Marks an unused, unexpired reset as used and returns its user; undefined when it cannot be used. */
export function consumePasswordReset(db: Db, tokenHash: string, now: Date) {
  return db
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['user_id'])
    .executeTakeFirst();
}

export async function insertEmailVerification(
  db: Db,
  verification: { userId: string; email: string; tokenHash: string; createdAt: Date; expiresAt: Date },
) {
  await db
    .insertInto('email_verifications')
    .values({
      user_id: verification.userId,
      email: verification.email,
      token_hash: verification.tokenHash,
      created_at: verification.createdAt,
      expires_at: verification.expiresAt,
    })
    .execute();
}

/**
 * Marks an unused, unexpired verification as used and returns its user and address; undefined
 * when it cannot be used. Single use holds under concurrency: the update takes the row.
 */
export function consumeEmailVerification(db: Db, tokenHash: string, now: Date) {
  return db
    .updateTable('email_verifications')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning(['user_id', 'email'])
    .executeTakeFirst();
}

/** When the last verification links were sent to a user, newest first, since `since`. */
export async function listEmailVerificationTimes(db: Db, userId: string, since: Date) {
  const rows = await db
    .selectFrom('email_verifications')
    .select('created_at')
    .where('user_id', '=', userId)
    .where('created_at', '>', since)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => r.created_at);
}

/** Sets the verification time when the account still has `email`; false when it does not. */
export async function markEmailVerified(db: Db, userId: string, email: string, now: Date) {
  const row = await db
    .updateTable('users')
    .set({ email_verified_at: sql<Date>`coalesce(email_verified_at, ${now})`, updated_at: sql`now()` })
    .where('id', '=', userId)
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .returning(['id'])
    .executeTakeFirst();
  return row !== undefined;
}

/** The account that owns `email` and has proven it, if any. */
export function findVerifiedUserByEmail(db: Db, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'email'])
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .where('email_verified_at', 'is not', null)
    .executeTakeFirst();
}
