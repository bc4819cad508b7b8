import { AppError } from '../http/app-error.js';
import type { Deps } from '../deps.js';
import { transaction } from '../db/transaction.js';
import { hashToken, randomToken } from '../lib/tokens.js';
import { claimCredentialsForEmail } from '../issuance/recipient-delivery.js';
import { queueMail } from '../mail/queue-mail.js';
import { burnPasswordCheck, hashPassword, passwordWeakness, verifyPassword } from './password.js';
import {
  consumeEmailVerification,
  consumePasswordReset,
  deleteSession,
  deleteSessionsOfUser,
  findLiveSession,
  findUserByEmail,
  findUserById,
  insertEmailVerification,
  insertPasswordReset,
  listEmailVerificationTimes,
  markEmailVerified,
  insertSession,
  insertUser,
  touchSession,
  updatePasswordHash,
} from './identity.store.js';

export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;
const RESET_TTL_MS = 60 * 60 * 1000;
export const VERIFICATION_TTL_MS = 24 * 60 * 60 * 1000;
/** Resending a verification link: at most one a minute and five an hour per account. */
export const RESEND_INTERVAL_MS = 60 * 1000;
const RESENDS_PER_HOUR = 5;
// Refresh a session's expiry at most this often, so reads do not write on every request.
const TOUCH_INTERVAL_MS = 60 * 60 * 1000;

export type PublicUser = { id: string; email: string; name: string; createdAt: Date; emailVerified: boolean };

function toPublicUser(u: {
  id: string;
  email: string;
  name: string;
  created_at: Date;
  email_verified_at: Date | null;
}): PublicUser {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    createdAt: u.created_at,
    emailVerified: u.email_verified_at !== null,
  };
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

async function startSession(deps: Deps, userId: string, userAgent: string | null) {
  const token = randomToken();
  const expiresAt = new Date(deps.clock().getTime() + SESSION_TTL_MS);
  await insertSession(deps.db, {
    userId,
    tokenHash: hashToken(token),
    expiresAt,
    userAgent: userAgent?.slice(0, 300) ?? null,
  });
  return { token, expiresAt };
}

export type SignUpOptions = { email: string; password: string; name: string; userAgent: string | null };

/** Registers a person and opens their first session. */
export async function signUp(deps: Deps, options: SignUpOptions) {
  const email = normaliseEmail(options.email);
  const weakness = passwordWeakness(options.password, email);
  if (weakness)
    throw new AppError('validation_failed', `Choose a stronger password. ${weakness}`, {
      fields: [{ field: 'password', message: weakness }],
    });
  const passwordHash = await hashPassword(options.password);
  return transaction(deps.db, async (trx) => {
    const user = await insertUser(trx, { email, name: options.name.trim(), passwordHash });
    if (!user) {
      throw new AppError('conflict', 'An account with this email already exists. Log in, or reset your password.', {
        fields: [{ field: 'email', message: 'Already registered' }],
      });
    }
    const session = await startSession({ ...deps, db: trx }, user.id, options.userAgent);
    await mailVerificationLink(
      { ...deps, db: trx },
      { userId: user.id, email: user.email, name: user.name, isWelcome: true },
    );
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
    await insertPasswordReset(trx, {
      userId: user.id,
      tokenHash: hashToken(token),
      expiresAt: new Date(deps.clock().getTime() + RESET_TTL_MS),
    });
    await queueMail(deps, trx, {
      to: user.email,
      subject: 'Reset your Cairn password',
      text: `Hello ${user.name},\n\nSomeone (hopefully you) asked to reset the password of your Cairn account.\nOpen this link within an hour to choose a new one:\n\n${link}\n\nIf it was not you, ignore this mail: your password stays as it is.\n`,
    });
  });
}

/** Sets a new password from a reset link and ends every session of that account. */
/** Sets the new password; answers the account's email (a reset proves it, so its log-in pause can end). */
export async function confirmPasswordReset(
  deps: Deps,
  options: { token: string; password: string },
): Promise<{ email: string }> {
  const hashed = await hashPassword(options.password);
  return transaction(deps.db, async (trx) => {
    const reset = await consumePasswordReset(trx, hashToken(options.token), deps.clock());
    if (!reset)
      throw new AppError(
        'validation_failed',
        'This reset link is invalid, expired or already used. Ask for a new one.',
        { fields: [{ field: 'token', message: 'Invalid or expired' }] },
      );
    const user = await findUserById(trx, reset.user_id);
    const weakness = passwordWeakness(options.password, user?.email);
    if (weakness)
      throw new AppError('validation_failed', `Choose a stronger password. ${weakness}`, {
        fields: [{ field: 'password', message: weakness }],
      });
    await updatePasswordHash(trx, reset.user_id, hashed);
    await deleteSessionsOfUser(trx, reset.user_id);
    return { email: user?.email ?? '' };
  });
}

/**
 * Writes a single-use verification link (hashed at rest, valid 24 hours) and queues its mail,
 * in the caller's transaction.
 */
async function mailVerificationLink(
  deps: Deps,
  options: { userId: string; email: string; name: string; isWelcome: boolean },
) {
  const token = randomToken();
  const now = deps.clock();
  await insertEmailVerification(deps.db, {
    userId: options.userId,
    email: options.email,
    tokenHash: hashToken(token),
    createdAt: now,
    expiresAt: new Date(now.getTime() + VERIFICATION_TTL_MS),
  });
  const link = new URL(`/verify-email?token=${token}`, deps.publicUrl).toString();
  const opening = options.isWelcome ? `Welcome to Cairn, ${options.name}.` : `Hello ${options.name},`;
  await queueMail(deps, deps.db, {
    to: options.email,
    subject: 'Confirm your email for Cairn',
    text: `${opening}\n\nOpen this link within 24 hours to confirm that ${options.email} is yours:\n\n${link}\n\nUntil you do, credentials issued to this address are not added to your account and credentials from elsewhere cannot be added to your wallet.\n\nIf you did not sign up for Cairn, ignore this mail: nothing is confirmed without the link.\n`,
  });
}

/**
 * Confirms the address a verification link was sent to, and in the same transaction adds to
 * the account every credential already issued to it. A link is used once; an expired, used or
 * unknown link, or one for an address the account no longer has, is refused alike.
 */
export async function verifyEmail(deps: Deps, options: { token: string }) {
  const refused = new AppError(
    'validation_failed',
    'This confirmation link is invalid, expired or already used. Log in and ask for a new one.',
    {
      fields: [{ field: 'token', message: 'Invalid, expired or already used' }],
    },
  );
  return transaction(deps.db, async (trx) => {
    const now = deps.clock();
    const verification = await consumeEmailVerification(trx, hashToken(options.token), now);
    if (!verification) throw refused;
    const user = await findUserById(trx, verification.user_id);
    if (!user) throw refused;
    const wasVerified = user.email_verified_at !== null;
    if (!(await markEmailVerified(trx, user.id, verification.email, now))) throw refused;
    const { claimed } = await claimCredentialsForEmail(
      { ...deps, db: trx },
      { userId: user.id, email: verification.email },
    );
    return { email: verification.email, wasVerified, claimedCredentials: claimed };
  });
}

/**
 * Mails a new verification link to the signed-in person's address. Limited per account, in
 * the database so every server process shares the count.
 */
export async function resendEmailVerification(deps: Deps, options: { userId: string }) {
  const user = await findUserById(deps.db, options.userId);
  if (!user) throw new AppError('unauthenticated', 'Your account no longer exists. Sign up again.');
  if (user.email_verified_at)
    throw new AppError('conflict', `${user.email} is already confirmed; there is nothing to resend.`);
  const now = deps.clock();
  await transaction(deps.db, async (trx) => {
    const recent = await listEmailVerificationTimes(trx, user.id, new Date(now.getTime() - 60 * 60 * 1000));
    const last = recent[0];
    if (last && now.getTime() - last.getTime() < RESEND_INTERVAL_MS) {
      const wait = Math.ceil((RESEND_INTERVAL_MS - (now.getTime() - last.getTime())) / 1000);
      throw new AppError(
        'rate_limited',
        `A link was sent less than a minute ago; check your inbox and spam folder. Wait ${wait} seconds to ask for another.`,
        { retryAfterSeconds: wait },
      );
    }
    if (recent.length >= RESENDS_PER_HOUR) {
      const oldest = recent[recent.length - 1]!;
      const minutes = Math.ceil((oldest.getTime() + 60 * 60 * 1000 - now.getTime()) / 60_000);
      throw new AppError(
        'rate_limited',
        `${RESENDS_PER_HOUR} links were sent in the last hour. Check your inbox and spam folder for ${user.email}, or wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
        {
          retryAfterSeconds: minutes * 60,
        },
      );
    }
    await mailVerificationLink(
      { ...deps, db: trx },
      { userId: user.id, email: user.email, name: user.name, isWelcome: false },
    );
  });
  return { email: user.email };
}

/**
 * Refuses what needs a proven address (matching wallet credentials to the account's email)
 * with a 403 that says how to fix it.
 */
export async function requireVerifiedEmail(deps: Deps, userId: string) {
  const user = await findUserById(deps.db, userId);
  if (!user) throw new AppError('unauthenticated', 'Your account no longer exists. Sign up again.');
  if (!user.email_verified_at) {
    throw new AppError(
      'email_unverified',
      `Verify your email first: open the link Cairn sent to ${user.email}, or ask for a new one (POST /api/v1/auth/verify-email/resend). Until then, Cairn cannot tell that credentials issued to that address are yours.`,
    );
  }
}
