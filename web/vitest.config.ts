import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineProject({
  test: {
    name: 'web',
    root: webRoot,
    environment: 'happy-dom',
    include: ['src/**/*.test.tsx', 'src/**/*.test.ts'],
    // timers.ts first: its afterEach then runs last, after the rendered tree is unmounted.
    setupFiles: ['./src/test/timers.ts', './src/test/setup.ts'],
    css: false,
    // Rendering Mantine forms in happy-dom on a busy two-core CI machine can take seconds; these
    // are behaviour tests, so give them room rather than fail on load.
    testTimeout: 30_000,
  },
});
