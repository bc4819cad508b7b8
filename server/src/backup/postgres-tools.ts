import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * pg_dump and pg_restore, run as child processes. The password travels in PGPASSWORD, not on
 * the command line, where every user of the machine could read it in the process list.
 */

export type PgToolOptions = {
  /** `postgres://…` of the database. */
  url: string;
  /** Directory of the PostgreSQL client programs; absent means the PATH. */
  binDir?: string | undefined;
};

function connectionOf(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: password ? { PGPASSWORD: password } : {} };
}

function run(tool: 'pg_dump' | 'pg_restore', args: string[], options: PgToolOptions): Promise<void> {
  const program = options.binDir ? path.join(options.binDir, tool) : tool;
  const { dbname, env } = connectionOf(options.url);
  return new Promise((resolve, reject) => {
    const child = spawn(program, [...args, `--dbname=${dbname}`], {
      env: { ...process.env, ...env, PGAPPNAME: `cairn ${tool}` },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 20_000) stderr += chunk;
    });
    child.on('error', (err: NodeJS.ErrnoException) => {
      reject(
        err.code === 'ENOENT'
          ? new Error(
              `${program} was not found. Install the PostgreSQL client programs of your server's major version (Debian: apt-get install postgresql-client), or pass --pg-bin <directory of ${tool}>.`,
            )
          : err,
      );
    });
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${tool} failed (${signal ?? `exit code ${code}`}): ${stderr.trim() || 'no message'}`));
    });
  });
}

/** Dumps the whole database (Cairn's tables, the `pgboss` job schema, extensions) in pg_dump's custom format. */
export async function pgDump(options: PgToolOptions & { file: string }): Promise<{ size: number; sha256: string }> {
  await run('pg_dump', ['--format=custom', `--file=${options.file}`], options);
  const { size } = await stat(options.file);
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(options.file)) hash.update(chunk as Buffer);
  return { size, sha256: hash.digest('hex') };
}

/**
 * Restores a custom-format dump in one transaction, so a failure leaves the target as empty
 * as it was. Objects are owned by the restoring role, without the original grants: the new
 * server's role need not have the old one's name.
 */
export function pgRestore(options: PgToolOptions & { file: string }): Promise<void> {
  return run(
    'pg_restore',
    ['--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges', options.file],
    options,
  );
}
