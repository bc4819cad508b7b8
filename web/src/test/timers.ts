import { afterEach } from 'vitest';

/**
 * Timers a test leaves behind are cleared after it. In the happy-dom environment `window.setTimeout`
 * is Node's own, so a timer still pending when a file's environment is torn down fires afterwards
 * and fails with `window is not defined` (a Mantine transition did that after a form test). Timers
 * that libraries captured before this file ran (React's scheduler, happy-dom itself) are not
 * wrapped, so clearing these never leaves a library waiting for a callback that will not come.
 *
 * Listed first in `setupFiles`, and registering its hook first, so that this `afterEach` runs
 * after the one that unmounts the rendered tree (hooks run in reverse): unmounting clears what
 * components own, this clears what is left.
 */
type TimerId = ReturnType<typeof setTimeout>;

const pendingTimeouts = new Set<TimerId>();
const activeIntervals = new Set<TimerId>();
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;
const realSetInterval = globalThis.setInterval;
const realClearInterval = globalThis.clearInterval;

function trackedSetTimeout(handler: TimerHandler, delay?: number, ...args: unknown[]): TimerId {
  const id: TimerId = realSetTimeout(() => {
    pendingTimeouts.delete(id);
    if (typeof handler === 'function') (handler as (...a: unknown[]) => void)(...args);
  }, delay);
  pendingTimeouts.add(id);
  return id;
}

function trackedSetInterval(handler: TimerHandler, delay?: number, ...args: unknown[]): TimerId {
  const id: TimerId = realSetInterval(() => {
    if (typeof handler === 'function') (handler as (...a: unknown[]) => void)(...args);
  }, delay);
  activeIntervals.add(id);
  return id;
}

function trackedClearTimeout(id: TimerId | string | number | undefined): void {
  if (id !== undefined && typeof id === 'object') pendingTimeouts.delete(id);
  realClearTimeout(id);
}

function trackedClearInterval(id: TimerId | string | number | undefined): void {
  if (id !== undefined && typeof id === 'object') activeIntervals.delete(id);
  realClearInterval(id);
}

/** Clears every timer a test started and did not clear; returns how many there were. */
export function clearLeftoverTimers(): number {
  const count = pendingTimeouts.size + activeIntervals.size;
  for (const id of pendingTimeouts) realClearTimeout(id);
  for (const id of activeIntervals) realClearInterval(id);
  pendingTimeouts.clear();
  activeIntervals.clear();
  return count;
}

globalThis.setTimeout = Object.assign(trackedSetTimeout, {
  __promisify__: realSetTimeout.__promisify__,
}) as unknown as typeof setTimeout;
globalThis.clearTimeout = trackedClearTimeout;
globalThis.setInterval = trackedSetInterval as unknown as typeof setInterval;
globalThis.clearInterval = trackedClearInterval;

afterEach(() => {
  clearLeftoverTimers();
});
