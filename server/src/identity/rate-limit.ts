import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';
import type { FastifyRequest } from 'fastify';
import { CompiledQuery } from 'kysely';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { Db } from '../db/transaction.js';
import { AppError } from '../http/app-error.js';
import { normaliseEmail } from './identity.service.js';

/**
 * Limits on the authentication routes, counted in PostgreSQL (table `rate_limits`) so every
 * server process shares them. We use rate-limiter-flexible's PostgreSQL store rather than a
 * counter table of our own: its atomic upsert is the whole algorithm, and it only needs a
 * `query({ text, values })` client, which we hand it as a thin adapter over our Kysely instance
 * so the same code runs on PGlite and on a PostgreSQL pool. Its clock is `Date.now()`, not
 * `deps.clock`: limits are about real time, whatever time the domain is told.
 */

export type AuthAction =
  'signup' | 'login' | 'verify-email' | 'verify-email-resend' | 'password-reset' | 'password-reset-confirm';

/** The fixed parts of the policy; the per-minute figure comes from configuration. */
export const authLimitPolicy = {
  /** Failed log-ins for one email within `failureWindowSeconds` before log-in is paused for it. */
  failuresBeforeLockout: 5,
  failureWindowSeconds: 15 * 60,
  /** The first pause; each further one in `lockoutMemorySeconds` doubles it, up to `maxLockoutSeconds`. */
  firstLockoutSeconds: 15 * 60,
  maxLockoutSeconds: 24 * 60 * 60,
  lockoutMemorySeconds: 7 * 24 * 60 * 60,
  /** Reset mails to one address per hour, so the route cannot be used to flood someone's inbox. */
  resetMailsPerHour: 5,
} as const;

const TABLE = 'rate_limits';
// Expired rows are swept every this many checks, by whichever process makes the check, instead
// of a timer in every process.
const SWEEP_EVERY = 500;

/** What rate-limiter-flexible's PostgreSQL store calls: `query({ text, values })` like a `pg` Pool. */
export function storeClientFor(db: Db) {
  return {
    async query(q: { text: string; values?: unknown[] }) {
      const result = await db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(q.text, q.values ?? []));
      // `expire` is int8: pg gives a string, PGlite a bigint; the store does arithmetic on it.
      const rows = result.rows.map((row) =>
        'expire' in row && row.expire !== null ? { ...row, expire: Number(row.expire) } : row,
      );
      return { rows, rowCount: result.numAffectedRows === undefined ? rows.length : Number(result.numAffectedRows) };
    },
  };
}

/**
 * The key for a client address. An IPv6 client is counted by its /64, the block a single
 * subscriber is usually given, so cycling addresses inside it does not reset the count.
 */
export function clientAddressKey(ip: string): string {
  const address = ip.split('%')[0] ?? ip;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const expand = (part: string) =>
    part ? part.split(':').flatMap((g) => (g.includes('.') ? dottedToGroups(g) : [g])) : [];
  const [head = '', tail] = address.split('::');
  const left = expand(head);
  const right = tail === undefined ? [] : expand(tail);
  const groups = [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

function dottedToGroups(dotted: string): string[] {
  const [a = 0, b = 0, c = 0, d = 0] = dotted.split('.').map(Number);
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}

/** The key for an account: the normalised email, hashed so the table holds no addresses. */
export function accountKey(email: string): string {
  return createHash('sha256').update(normaliseEmail(email)).digest('hex').slice(0, 40);
}

function waitPhrase(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return seconds < 120 ? `Wait ${seconds} seconds` : `Wait ${Math.ceil(seconds / 60)} minutes`;
}

/** Runs a limiter call; a refusal becomes a 429 with Retry-After, a store error passes through. */
export async function consumeOrRefuse(
  call: () => Promise<RateLimiterRes>,
  message: (wait: string) => string,
): Promise<RateLimiterRes> {
  try {
    return await call();
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      throw new AppError('rate_limited', message(waitPhrase(rejection.msBeforeNext)), {
        retryAfterSeconds: rejection.msBeforeNext / 1000,
      });
    }
    throw rejection;
  }
}

export type AuthLimitsOptions = {
  db: Db;
  /** Requests per minute on each action, per client address and per account. */
  perMinute: number;
};

export type AuthLimits = ReturnType<typeof createAuthLimits>;

/** Builds the limiters of the authentication routes over one database. */
export function createAuthLimits({ db, perMinute }: AuthLimitsOptions) {
  const storeClient = storeClientFor(db);
  const limiter = (keyPrefix: string, points: number, duration: number) =>
    new RateLimiterPostgres({
      storeClient,
      storeType: 'pool',
      tableName: TABLE,
      tableCreated: true,
      clearExpiredByTimeout: false,
      keyPrefix,
      points,
      duration,
    });

  const actions: AuthAction[] = [
    'signup',
    'login',
    'verify-email',
    'verify-email-resend',
    'password-reset',
    'password-reset-confirm',
  ];
  const perClient = {} as Record<AuthAction, RateLimiterPostgres>;
  for (const action of actions) perClient[action] = limiter(`auth_client_${action}`, perMinute, 60);
  // The confirm step carries a token, not an email; the token itself is unguessable.
  const perAccount: Partial<Record<AuthAction, RateLimiterPostgres>> = {
    signup: limiter('auth_account_signup', perMinute, 60),
    login: limiter('auth_account_login', perMinute, 60),
    'password-reset': limiter(
      'auth_account_password-reset',
      Math.min(perMinute, authLimitPolicy.resetMailsPerHour),
      60 * 60,
    ),
  };
  const p = authLimitPolicy;
  const loginFailures = limiter('login_failures', p.failuresBeforeLockout, p.failureWindowSeconds);
  const loginLockouts = limiter('login_lockouts', 1_000_000, p.lockoutMemorySeconds);

  let checks = 0;
  function sweepNowAndThen() {
    checks += 1;
    if (checks % SWEEP_EVERY !== 0) return;
    // Rows expired an hour ago are read by no limiter; losing a sweep costs nothing.
    void db
      .deleteFrom('rate_limits')
      .where('expire', '<', String(Date.now() - 60 * 60 * 1000))
      .execute()
      .catch(() => undefined);
  }

  /** Counts a request from the client's address (the TCP peer, or what a trusted proxy says). */
  async function checkClient(action: AuthAction, ip: string): Promise<void> {
    sweepNowAndThen();
    await consumeOrRefuse(
      () => perClient[action].consume(clientAddressKey(ip)),
      (wait) => `Too many attempts from your network. ${wait} and try again.`,
    );
  }

  /** Counts a request naming an account, whichever address it comes from. */
  async function checkAccount(action: AuthAction, email: string): Promise<void> {
    const accountLimiter = perAccount[action];
    if (!accountLimiter) return;
    await consumeOrRefuse(
      () => accountLimiter.consume(accountKey(email)),
      (wait) => `Too many attempts for this account. ${wait} and try again.`,
    );
  }

  /**
   * Runs a log-in attempt under the per-account backoff. The attempt is counted before the
   * password is checked, so parallel guesses cannot slip past the count; after
   * `failuresBeforeLockout` failures in the window, log-in for that email is paused (even
   * with the right password, from any address) for a period that doubles each time. A
   * success clears both counts.
   */
  async function guardLogIn<T>(email: string, attempt: () => Promise<T>): Promise<T> {
    const key = accountKey(email);
    const counted = await consumeOrRefuse(
      () => loginFailures.consume(key),
      (wait) =>
        `Too many failed log-ins for this account, so log-in is paused for it. ${wait} and try again, or reset your password.`,
    );
    let result: T;
    try {
      result = await attempt();
    } catch (err) {
      if (err instanceof AppError && err.code === 'unauthenticated') {
        if (counted.consumedPoints >= p.failuresBeforeLockout) {
          const lockouts = await loginLockouts.penalty(key);
          const seconds = Math.min(
            p.maxLockoutSeconds,
            p.firstLockoutSeconds * 2 ** Math.min(20, lockouts.consumedPoints - 1),
          );
          await loginFailures.block(key, seconds);
        }
      } else {
        // Not a wrong password (the database failed, say): do not count it against the account.
        await loginFailures.reward(key).catch(() => undefined);
      }
      throw err;
    }
    await Promise.all([loginFailures.delete(key), loginLockouts.delete(key)]);
    return result;
  }

  /** Route hooks: the client limit on every request, the account limit once the body is valid. */
  function hooks(action: AuthAction) {
    return {
      onRequest: async (request: FastifyRequest) => checkClient(action, request.ip),
      preHandler: async (request: FastifyRequest) => {
        const body = request.body as { email?: unknown } | undefined;
        if (typeof body?.email === 'string') await checkAccount(action, body.email);
      },
    };
  }

  /**
   * Ends an account's log-in pause. Called after a password reset: the reset link went to the
   * account's mailbox, so whoever failed those log-ins cannot keep its owner locked out.
   */
  async function clearLogInBackoff(email: string): Promise<void> {
    const key = accountKey(email);
    await Promise.all([loginFailures.delete(key), loginLockouts.delete(key)]);
  }

  return { checkClient, checkAccount, guardLogIn, clearLogInBackoff, hooks };
}
