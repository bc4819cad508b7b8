import type { Writable } from 'node:stream';
import type { FastifyServerOptions } from 'fastify';
import type { Config } from './config.js';

type LoggerOptions = Exclude<FastifyServerOptions['logger'], boolean | undefined>;

/**
 * The server's logger options: JSON lines for collectors, or readable single lines for a person
 * at a terminal. Pretty printing runs in-process (no transport worker thread, which would cost
 * memory for every server); pino-pretty is a development dependency, so an install without it
 * falls back to JSON.
 */
export async function loggerOptions(
  config: Pick<Config, 'logLevel' | 'logFormat'>,
  redactedPaths: string[],
): Promise<LoggerOptions> {
  const base = { level: config.logLevel, redact: { paths: redactedPaths, censor: '[redacted]' } };
  if (config.logFormat === 'json') return base;
  const stream = await prettyStream();
  return stream ? { ...base, stream } : base;
}

async function prettyStream(): Promise<Writable | undefined> {
  try {
    const { default: pretty } = await import('pino-pretty');
    // Written synchronously, so lines keep their order with the demo banner (written to stdout directly).
    return pretty({
      singleLine: true,
      translateTime: 'HH:MM:ss',
      ignore: 'pid,hostname,reqId',
      colorize: process.stdout.isTTY === true,
      sync: true,
    });
  } catch {
    return undefined;
  }
}

export type DemoLogin = { url: string; emails: string[]; password: string | undefined };

/**
 * The demo world's login, printed once when the seed creates it: a framed block on a terminal,
 * where it must not drown among log lines; one JSON line otherwise. The password appears only
 * when it was generated (it is stored nowhere in clear); a chosen one is named by its variable.
 */
export function demoLoginText(login: DemoLogin, format: Config['logFormat']): string {
  const password = login.password ?? 'the value of CAIRN_DEMO_PASSWORD';
  if (format === 'json') {
    return `${JSON.stringify({ level: 30, time: Date.now(), msg: 'demo world ready', url: login.url, emails: login.emails, password })}\n`;
  }
  const lines = [
    'Demo world ready',
    '',
    `Open      ${login.url}`,
    ...login.emails.map((email, i) => `${i === 0 ? 'Log in as' : '         '} ${email}`),
    `Password  ${password}`,
    ...(login.password ? ['          (generated; set CAIRN_DEMO_PASSWORD to choose it)'] : []),
  ];
  const width = Math.max(...lines.map((l) => l.length));
  const rule = '─'.repeat(width + 2);
  return ['', `┌${rule}┐`, ...lines.map((l) => `│ ${l.padEnd(width)} │`), `└${rule}┘`, '', ''].join('\n');
}
