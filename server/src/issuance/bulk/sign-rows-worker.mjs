// Entry of a bulk signing pool worker thread (as verify-worker.mjs): the worker module is
// TypeScript, so under a runtime that does not load .ts itself tsx is registered here first.
let workerModule;
try {
  workerModule = await import('./sign-rows-worker.ts');
} catch (error) {
  if (error?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
  const { register } = await import('tsx/esm/api');
  register();
  // Another specifier: the failed import above stays cached under the plain one.
  workerModule = await import('./sign-rows-worker.ts?tsx');
}

export default workerModule.default;
