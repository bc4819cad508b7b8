import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/** Everything the server reads from its environment, parsed once. Nothing below this file reads `process.env`. */
export type Config = {
  port: number;
  host: string;
  /** Where the embedded database and local files live (ignored for the database when `databaseUrl` is set). */
  dataDir: string;
  /** `postgres://…` for a PostgreSQL server; absent means embedded PGlite under `dataDir`. */
  databaseUrl: string | undefined;
  /** The origin people and verifiers reach Cairn at; DIDs and credential URLs are built from it. */
  publicUrl: URL;
  /** 32-byte key that encrypts organisations' signing keys at rest; absent means a key file under `dataDir` (development only). */
  masterKey: Buffer | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  seed: { isEnabled: boolean; demoPassword: string | undefined };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /**
   * `pretty`: one readable line per entry, for a person at a terminal; `json`: one JSON object
   * per line, for log collectors. LOG_FORMAT chooses; unset, pretty when stdout is a terminal
   * (outside production).
   */
  logFormat: 'pretty' | 'json';
  isProduction: boolean;
  /** Requests per minute per client on the authentication routes. */
  authRateLimit: number;
  /**
   * Addresses or CIDR ranges of reverse proxies whose `X-Forwarded-For` is believed. Empty (the
   * default) means the client is the TCP peer, so no one can choose their address by header.
   */
  trustProxy: string[];
  /** Largest JSON body accepted, in bytes. */
  bodyLimit: number;
  /**
   * The verify pool: worker threads (absent: one per CPU but one, at least 1) and the work one
   * credential may take, in milliseconds, before its check is stopped with 422.
   */
  verifyPool: { workers: number | undefined; budgetMs: number };
  webDistDir: string;
  /**
   * Instance operators: signed-in people whose verified email is listed may see and retry
   * background jobs (`/admin/jobs`). Unset with the demo world on: the demo provider account.
   */
  operatorEmails: string[];
  /** Days the audit log (domain events) is kept before the daily retention job drops it. */
  auditRetentionDays: number;
  /** Bearer token for `GET /metrics`; absent means the route does not exist (404). */
  metricsToken: string | undefined;
  /**
   * Webhook targets: https is required in production; loopback, private, link-local and
   * metadata addresses are refused unless `allowPrivate` (CAIRN_WEBHOOKS_ALLOW_PRIVATE, for development).
   */
  webhooks: { allowPrivate: boolean; requireHttps: boolean };
};

/**
 * The demo account that operates the instance when the demo world is on and
 * CAIRN_OPERATOR_EMAILS is unset (the seed creates it, verified, on a `.test` address nobody
 * can register). Named here so config need not import the seed.
 */
export const DEMO_OPERATOR_EMAIL = 'provider@demo.cairn.test';

const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  CAIRN_PUBLIC_URL: z.url().optional(),
  CAIRN_MASTER_KEY: z
    .string()
    .refine(
      (v) => decodeKey(v) !== undefined,
      'must be 32 bytes as 64 hex characters or base64 (openssl rand -base64 32)',
    )
    .optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().default('Cairn <no-reply@cairn.localhost>'),
  CAIRN_SEED: boolish.default(true),
  CAIRN_DEMO_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['pretty', 'json']).optional(),
  NODE_ENV: z.string().default('development'),
  CAIRN_AUTH_RATE_LIMIT: z.coerce.number().int().positive().default(30),
  CAIRN_BODY_LIMIT: z.coerce.number().int().positive().default(1_048_576),
  CAIRN_VERIFY_WORKERS: z.coerce.number().int().min(1).max(256).optional(),
  CAIRN_VERIFY_BUDGET_MS: z.coerce.number().int().min(100).max(600_000).default(3000),
  CAIRN_TRUST_PROXY: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine(
      (list) => list.every(isProxyAddress),
      'must be a comma-separated list of IP addresses or CIDR ranges (e.g. 10.0.0.0/8, 127.0.0.1), or loopback, linklocal, uniquelocal',
    )
    .default([]),
  CAIRN_OPERATOR_EMAILS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim().toLowerCase())
        .filter(Boolean),
    )
    .refine(
      (list) => list.every((e) => z.email().safeParse(e).success),
      'must be a comma-separated list of email addresses (ops@example.org, ada@example.org)',
    )
    .optional(),
  CAIRN_AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(400),
  CAIRN_METRICS_TOKEN: z.string().min(24, 'must be at least 24 characters (openssl rand -base64 32)').optional(),
  CAIRN_WEBHOOKS_ALLOW_PRIVATE: boolish.default(false),
});

/** An address or range Fastify's `trustProxy` (proxy-addr) understands. */
function isProxyAddress(entry: string): boolean {
  if (entry === 'loopback' || entry === 'linklocal' || entry === 'uniquelocal') return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

function decodeKey(value: string): Buffer | undefined {
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  const buf = Buffer.from(value, 'base64');
  return buf.length === 32 ? buf : undefined;
}

/** Parses the environment; returns every problem at once instead of failing on the first. */
export function parseConfig(
  env: Record<string, string | undefined>,
  output: { isTerminal: boolean } = { isTerminal: false },
): { config: Config } | { problems: string[] } {
  // Empty strings mean "not set", as in most .env files.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    return { problems: parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`) };
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  const problems: string[] = [];
  if (isProduction && !e.CAIRN_MASTER_KEY) problems.push('CAIRN_MASTER_KEY: required when NODE_ENV=production');
  if (problems.length > 0) return { problems };

  const dataDir = path.resolve(e.DATA_DIR);
  const masterKey = e.CAIRN_MASTER_KEY ? decodeKey(e.CAIRN_MASTER_KEY) : undefined;
  const publicUrl = new URL(e.CAIRN_PUBLIC_URL ?? `http://localhost:${e.PORT}`);
  return {
    config: {
      port: e.PORT,
      host: e.HOST,
      dataDir,
      databaseUrl: e.DATABASE_URL,
      publicUrl,
      masterKey,
      smtpUrl: e.SMTP_URL,
      mailFrom: e.MAIL_FROM,
      seed: { isEnabled: e.CAIRN_SEED, demoPassword: e.CAIRN_DEMO_PASSWORD },
      logLevel: e.LOG_LEVEL,
      logFormat: e.LOG_FORMAT ?? (output.isTerminal && !isProduction ? 'pretty' : 'json'),
      isProduction,
      authRateLimit: e.CAIRN_AUTH_RATE_LIMIT,
      trustProxy: e.CAIRN_TRUST_PROXY,
      bodyLimit: e.CAIRN_BODY_LIMIT,
      verifyPool: { workers: e.CAIRN_VERIFY_WORKERS, budgetMs: e.CAIRN_VERIFY_BUDGET_MS },
      webDistDir: path.resolve(import.meta.dirname, '../../web/dist'),
      operatorEmails: e.CAIRN_OPERATOR_EMAILS ?? (e.CAIRN_SEED ? [DEMO_OPERATOR_EMAIL] : []),
      auditRetentionDays: e.CAIRN_AUDIT_RETENTION_DAYS,
      metricsToken: e.CAIRN_METRICS_TOKEN,
      webhooks: { allowPrivate: e.CAIRN_WEBHOOKS_ALLOW_PRIVATE, requireHttps: isProduction },
    },
  };
}

/** Reads `process.env` once; prints every problem and exits when the configuration is unusable. */
export function loadConfig(): Config {
  const result = parseConfig(process.env, { isTerminal: process.stdout.isTTY === true });
  if ('problems' in result) {
    console.error('Cairn cannot start: the configuration has problems:');
    for (const p of result.problems) console.error(`  - ${p}`);
    process.exit(1);
  }
  return result.config;
}
