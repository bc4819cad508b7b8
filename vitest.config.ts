import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// One runner for every workspace. `npm test` runs all projects; the server project
// runs against PGlite, or against PostgreSQL when TEST_DATABASE_URL is set.
export default defineConfig({
  test: {
    // Vitest's default for `run` is one worker fewer than the cores: a single worker on a 2-core
    // laptop, leaving a core idle while the runner itself mostly waits. Test files share nothing
    // (each opens its own database copy), so every core runs one.
    maxWorkers: availableParallelism(),
    projects: [
      {
        test: {
          name: 'credentials',
          root: './credentials',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'server',
          root: './server',
          include: ['src/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['./src/db/testing/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      './web/vitest.config.ts',
    ],
  },
});
