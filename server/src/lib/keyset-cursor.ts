import { AppError } from '../http/app-error.js';

/**
 * The position after which the next page of a list newest-first starts: the last row's
 * timestamp as PostgreSQL prints it (`occurred_at::text`, microseconds kept — a JS Date would
 * drop them and skip rows written in the same millisecond) and its id, which breaks ties.
 */
export type KeysetPosition = { at: string; id: string };

const POSTGRES_TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An opaque cursor for clients (`nextCursor`). */
export function encodeKeysetCursor(position: KeysetPosition): string {
  return Buffer.from(JSON.stringify([position.at, position.id])).toString('base64url');
}

/** Reads a cursor given out by `encodeKeysetCursor`; anything else is a 400 on `field`. */
export function decodeKeysetCursor(value: string, field = 'before'): KeysetPosition {
  try {
    const [at, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown[];
    if (typeof at === 'string' && POSTGRES_TIMESTAMP.test(at) && typeof id === 'string' && UUID.test(id))
      return { at, id };
  } catch {
    // Not JSON: reported below like any other foreign value.
  }
  throw new AppError(
    'validation_failed',
    'The paging cursor is not one this server gave out. Pass nextCursor from the previous page unchanged.',
    {
      fields: [{ field, message: 'Not a cursor from this list' }],
    },
  );
}
