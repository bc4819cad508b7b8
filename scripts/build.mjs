// `npm run build` / `npm start`: builds the server (credentials + server, tsc to dist/) and the
// web app (Vite to web/dist/), each only when its sources changed since its last build.
// A target is up to date when a hash of its source files equals the hash stored after its last
// build and its output exists; `--force` rebuilds anyway. Usage: node scripts/build.mjs [server|web]… [--force]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const cacheDir = path.join(root, 'node_modules/.cache/cairn-build');

/** What each target reads (files or folders, relative to the root), what proves its output exists, and how it is built. */
const targets = {
  server: {
    sources: [
      'credentials/src',
      'credentials/package.json',
      'credentials/tsconfig.build.json',
      'server/src',
      'server/package.json',
      'server/tsconfig.build.json',
      'tsconfig.base.json',
      'package-lock.json',
    ],
    output: 'server/dist/main.js',
    command: [
      process.execPath,
      [path.join(root, 'node_modules/typescript/bin/tsc'), '-b', 'server/tsconfig.build.json'],
    ],
  },
  web: {
    sources: [
      'web/src',
      'web/public',
      'web/index.html',
      'web/vite.config.ts',
      'web/postcss.config.cjs',
      'web/tsconfig.json',
      'web/package.json',
      'package-lock.json',
    ],
    output: 'web/dist/index.html',
    command: [
      process.execPath,
      [path.join(root, 'node_modules/vite/bin/vite.js'), 'build'],
      { cwd: path.join(root, 'web') },
    ],
  },
};

// Tests are not part of what is built.
const isIgnored = (name) => /\.test\.tsx?$/.test(name) || name === 'node_modules' || name === 'dist';

async function listFiles(entry) {
  const full = path.join(root, entry);
  if (!existsSync(full)) return [];
  const dirents = await readdir(full, { withFileTypes: true, recursive: true }).catch((err) => {
    if (err.code === 'ENOTDIR') return undefined;
    throw err;
  });
  if (!dirents) return [entry];
  return dirents
    .filter(
      (d) => d.isFile() && !path.relative(full, d.parentPath).split(path.sep).some(isIgnored) && !isIgnored(d.name),
    )
    .map((d) => path.relative(root, path.join(d.parentPath, d.name)));
}

async function sourceHash(sources) {
  const files = (await Promise.all(sources.map(listFiles))).flat().sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash
      .update(file)
      .update('\0')
      .update(await readFile(path.join(root, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

async function build(name, { force }) {
  const target = targets[name];
  const hashFile = path.join(cacheDir, `${name}.sha256`);
  const hash = await sourceHash(target.sources);
  const stored = existsSync(hashFile) ? (await readFile(hashFile, 'utf8')).trim() : undefined;
  if (!force && stored === hash && existsSync(path.join(root, target.output))) {
    console.log(`build: ${name} skipped, ${target.output} is up to date with its sources`);
    return;
  }
  const started = Date.now();
  const [cmd, args, options = {}] = target.command;
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`build: ${name} failed`);
    process.exit(result.status ?? 1);
  }
  await mkdir(cacheDir, { recursive: true });
  await writeFile(hashFile, `${hash}\n`);
  console.log(`build: ${name} built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const args = process.argv.slice(2);
const force = args.includes('--force');
const names = args.filter((a) => !a.startsWith('--'));
for (const name of names.length > 0 ? names : Object.keys(targets)) {
  if (!(name in targets)) {
    console.error(`build: unknown target ${name} (known: ${Object.keys(targets).join(', ')})`);
    process.exit(2);
  }
  await build(name, { force });
}
