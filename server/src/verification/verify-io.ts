// What a verify worker may ask the main thread for, shared by both sides. Kept apart from
// verify-worker.ts, whose import starts a worker's warm-up.

/** What the worker may ask the main thread for. */
export type IoKind = 'resolveDid' | 'fetchStatusList';

/** An I/O answer as sent: a value, or the error message of a failed lookup. */
export type IoAnswerValue = { value: unknown } | { error: string };

/** The key of an answer looked up before a task starts (`VerifyTask.prefetched`). */
export function ioKey(kind: IoKind, argument: string): string {
  return `${kind} ${argument}`;
}
