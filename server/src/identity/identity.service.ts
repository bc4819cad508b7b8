import { AppError } from '../http/app-error.js';
import type { Deps } from '../deps.js';
import { transaction } from '../db/transaction.js';
import { hashToken, randomToken } from '../lib/tokens.js';
import { insertMail } from '../mail/mail.store.js';
import { burnPasswordCheck, hashPassword, passwordWeakness, verifyPassword } from './password.js';
import {
  consumePasswordReset,
  deleteSession,
  deleteSessionsOfUser,
  findLiveSession,
  findUserByEmail,
  findUserById,
  insertPasswordReset,
  insertSession,
  insertUser,
  touchSession,
  updatePasswordHash,
} from './identity.store.js';

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
const RESET_TTL_MS = 60 * 60 * 1000;
// Refresh a session's expiry at most this often, so reads do not write on every request.
const TOUCH_INTERVAL_MS = 60 * 60 * 1000;

export type PublicUser = { id: string; email: string; name: string; createdAt: Date };

function toPublicUser(u: { id: string; email: string; name: string; created_at: Date }): PublicUser {
  return { id: u.id, email: u.email, name: u.name, createdAt: u.created_at };
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

async function startSession(deps: Deps, userId: string, userAgent: string | null) {
  const token = randomToken();
  const expiresAt = new Date(deps.clock().getTime() + SESSION_TTL_MS);
  await insertSession(deps.db, { userId, tokenHash: hashToken(token), expiresAt, userAgent: userAgent?.slice(0, 300) ?? null });
  return { token, expiresAt };
}

export type SignUpOptions = { email: string; password: string; name: string; userAgent: string | null };

/** Registers a person and opens their first session. */
export async function signUp(deps: Deps, options: SignUpOptions) {
  const email = normaliseEmail(options.email);
  const weakness = passwordWeakness(options.password, email);
  if (weakness) throw new AppError('validation_failed', `Choose a stronger password. ${weakness}`, { fields: [{ field: 'password', message: weakness }] });
  const passwordHash = await hashPassword(options.password);
  return transaction(deps.db, async (trx) => {
    const user = await insertUser(trx, { email, name: options.name.trim(), passwordHash });
    if (!user) {
      throw new AppError('conflict', 'An account with this email already exists. Log in, or reset your password.', {
        fields: [{ field: 'email', message: 'Already registered' }],
      });
    }
    const session = await startSession({ ...deps, db: trx }, user.id, options.userAgent);
    return { user: toPublicUser(user), session };
  });
}

export type LogInOptions = { email: string; password: string; userAgent: string | null };

/** Checks a password and opens a session. Unknown email and wrong password fail alike. */
export async function logIn(deps: Deps, options: LogInOptions) {
  const user = await findUserByEmail(deps.db, normaliseEmail(options.email));
  if (!user) {
    await burnPasswordCheck(options.password);
    throw new AppError('unauthenticated', 'The email or password is not right.');
  }
  if (!(await verifyPassword(user.password_hash, options.password))) {
    throw new AppError('unauthenticated', 'The email or password is not right.');
  }
  const session = await startSession(deps, user.id, options.userAgent);
  return { user: toPublicUser(user), session };
}

export async function logOut(deps: Deps, sessionId: string) {
  await deleteSession(deps.db, sessionId);
}

/** The user behind a session token, sliding its expiry; undefined for unknown or expired tokens. */
export async function resolveSessionToken(deps: Deps, token: string) {
  const now = deps.clock();
  const session = await findLiveSession(deps.db, hashToken(token), now);
  if (!session) return undefined;
  if (now.getTime() - session.last_seen_at.getTime() > TOUCH_INTERVAL_MS) {
    await touchSession(deps.db, session.sessionId, now, new Date(now.getTime() + SESSION_TTL_MS));
  }
  return { userId: session.userId, sessionId: session.sessionId };
}

export async function getUser(deps: Deps, userId: string): Promise<PublicUser> {
  const user = await findUserById(deps.db, userId);
  if (!user) throw new AppError('unauthenticated', 'Your account no longer exists. Sign up again.');
  return toPublicUser(user);
}

/**
 * Mails a one-time reset link when the email is registered. Says nothing either way, so the
 * answer cannot be used to find out who has an account.
 */
export async function requestPasswordReset(deps: Deps, options: { email: string }) {
  const user = await findUserByEmail(deps.db, normaliseEmail(options.email));
  if (!user) return;
  const token = randomToken();
  const link = new URL(`/reset-password?token=${token}`, deps.publicUrl).toString();
  await transaction(deps.db, async (trx) => {
    await insertPasswordReset(trx, { userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(deps.clock().getTime() + RESET_TTL_MS) });
    await insertMail(trx, {
      to: user.email,
      subject: 'Reset your Cairn password',
      text: `Hello ${user.name},\n\nSomeone (hopefully you) asked to reset the password of your Cairn account.\nOpen this link within an hour to choose a new one:\n\n${link}\n\nIf it was not you, ignore this mail: your password stays as it is.\n`,
    });
  });
}

/** Sets a new password from a reset link and ends every session of that account. */
export async function confirmPasswordReset(deps: Deps, options: { token: string; password: string }) {
  const hashed = await hashPassword(options.password);
  await transaction(deps.db, async (trx) => {
    const reset = await consumePasswordReset(trx, hashToken(options.token), deps.clock());
    if (!reset) throw new AppError('validation_failed', 'This reset link is invalid, expired or already used. Ask for a new one.', { fields: [{ field: 'token', message: 'Invalid or expired' }] });
    const user = await findUserById(trx, reset.user_id);
    const weakness = passwordWeakness(options.password, user?.email);
    if (weakness) throw new AppError('validation_failed', `Choose a stronger password. ${weakness}`, { fields: [{ field: 'password', message: weakness }] });
    await updatePasswordHash(trx, reset.user_id, hashed);
    await deleteSessionsOfUser(trx, reset.user_id);
  });
}
