import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Creating a new embedded database runs initdb in a second PostgreSQL instance with a second
 * WebAssembly module, and the memory that costs (about 80 MB) stays with the process that did it
 * long after: the allocator cannot give back what it freed in pieces. A short-lived child process
 * creates the data directory instead, so a server idles as small on its first start as on the
 * next ones. An existing directory is left alone.
 */
export async function createEmbeddedDataDir(dataDir: string): Promise<void> {
  const dir = path.resolve(dataDir);
  if (existsSync(path.join(dir, 'PG_VERSION'))) return;
  const script = [
    "const { PGlite } = await import('@electric-sql/pglite');",
    'const db = await PGlite.create({ dataDir: process.argv[1] });',
    'await db.close();',
  ].join('\n');
  await new Promise<void>((resolve, reject) => {
    // From this module's folder, so the child resolves PGlite exactly as the server does.
    const child = spawn(process.execPath, ['--input-type=module', '--eval', script, dir], {
      cwd: path.dirname(fileURLToPath(import.meta.url)),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `Could not create the embedded database in ${dir} (initdb ${signal ? `stopped by ${signal}` : `exited with ${code}`}): ${stderr.trim()}`,
          ),
        );
    });
  });
}
