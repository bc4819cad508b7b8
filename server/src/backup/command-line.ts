import { parseConfig, type Config } from '../config.js';

/** The environment's configuration for a one-off command, `--data-dir` overriding DATA_DIR. */
export function commandConfig(dataDir: string | undefined): Config {
  const result = parseConfig({ ...process.env, ...(dataDir ? { DATA_DIR: dataDir } : {}) });
  if ('problems' in result) {
    console.error('The configuration has problems:');
    for (const p of result.problems) console.error(`  - ${p}`);
    process.exit(1);
  }
  return result.config;
}

/** Prints a refusal or failure as one message and exits; anything else is a bug and shows its stack. */
export function exitWith(err: unknown, expected: (new (...args: never[]) => Error)[]): never {
  const isExpected = expected.some((type) => err instanceof type);
  console.error(
    `\n${isExpected ? (err as Error).message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
