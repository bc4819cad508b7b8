// Entry of a verify-pool worker thread. The worker module is TypeScript: under a runtime that
// loads .ts itself it is imported directly; otherwise (Node 20 worker threads do not inherit
// `--import tsx`, and vitest runs without that loader) tsx is registered here first.
let workerModule;
try {
  workerModule = await import('./verify-worker.ts');
} catch (error) {
  if (error?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
  const { register } = await import('tsx/esm/api');
  register();
  // Another specifier: the failed import above stays cached under the plain one.
  workerModule = await import('./verify-worker.ts?tsx');
}

export default workerModule.default;
