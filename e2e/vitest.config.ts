import { defineConfig } from 'vitest/config';

// Browser flows: each file starts its own server on a fresh data directory and drives
// Debian's Chromium through playwright-core. Run after `npm run build` (the web app is served).
export default defineConfig({
  test: {
    name: 'e2e',
    root: import.meta.dirname,
    include: ['src/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
