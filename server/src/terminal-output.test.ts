import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.js';
import { demoLoginText, loggerOptions } from './terminal-output.js';

const login = {
  url: 'http://localhost:3000',
  emails: ['provider@demo.cairn.test', 'learner@demo.cairn.test'],
  password: 'generated-secret-1',
};

describe('log format', () => {
  it('is pretty on a terminal, JSON otherwise, and JSON in production whatever the output', () => {
    const formatOf = (env: Record<string, string>, isTerminal: boolean) => {
      const result = parseConfig(env, { isTerminal });
      if ('problems' in result) throw new Error(result.problems.join('; '));
      return result.config.logFormat;
    };
    expect(formatOf({}, true)).toBe('pretty');
    expect(formatOf({}, false)).toBe('json');
    expect(formatOf({ NODE_ENV: 'production', CAIRN_MASTER_KEY: 'a'.repeat(64) }, true)).toBe('json');
    expect(formatOf({ LOG_FORMAT: 'pretty' }, false)).toBe('pretty');
    expect(parseConfig({ LOG_FORMAT: 'xml' })).toHaveProperty('problems');
  });

  it('writes pretty lines in-process and JSON without a stream, redacting the same paths', async () => {
    const pretty = await loggerOptions({ logLevel: 'info', logFormat: 'pretty' }, ['*.password']);
    const json = await loggerOptions({ logLevel: 'info', logFormat: 'json' }, ['*.password']);
    expect(pretty).toHaveProperty('stream');
    expect(pretty).not.toHaveProperty('transport');
    expect(json).not.toHaveProperty('stream');
    expect(json).toMatchObject({ level: 'info', redact: { paths: ['*.password'] } });
  });
});

describe('demo login', () => {
  it('frames the address, every account and a generated password on a terminal', () => {
    const text = demoLoginText(login, 'pretty');
    const lines = text.split('\n').filter((l) => l.length > 0);
    expect(lines[0]).toMatch(/^┌─+┐$/);
    expect(lines.at(-1)).toMatch(/^└─+┘$/);
    // Every line of the frame is as wide as the others.
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    for (const part of [login.url, ...login.emails, login.password]) expect(text).toContain(part);
  });

  it('names the variable instead of a chosen password, and is one JSON line off a terminal', () => {
    const text = demoLoginText({ ...login, password: undefined }, 'json');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(text)).toMatchObject({
      msg: 'demo world ready',
      url: login.url,
      emails: login.emails,
      password: 'the value of CAIRN_DEMO_PASSWORD',
    });
  });
});
