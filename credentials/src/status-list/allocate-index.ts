import { randomInt } from 'node:crypto';

export type AllocateIndexOptions = {
  /** Number of entries in the list. */
  size: number;
  /** True when an index was ever handed out (indexes are never reused). */
  isTaken: (index: number) => boolean;
  /** Uniform integer in [0, max); defaults to node:crypto's randomInt. */
  random?: (max: number) => number;
};

/**
 * Picks a random, never-used index in a status list. Random placement stops neighbouring
 * credentials from revealing each other's issue order. Throws when the list is full.
 */
export function allocateIndex({ size, isTaken, random = randomInt }: AllocateIndexOptions): number {
  if (!Number.isInteger(size) || size <= 0) throw new RangeError('size must be a positive integer');
  // Random probes first; when the list is nearly full fall back to a scan from a random start.
  for (let attempt = 0; attempt < 64; attempt++) {
    const index = random(size);
    if (!Number.isInteger(index) || index < 0 || index >= size)
      throw new RangeError(`random() returned ${index}, outside 0..${size - 1}`);
    if (!isTaken(index)) return index;
  }
  const start = random(size);
  for (let offset = 0; offset < size; offset++) {
    const index = (start + offset) % size;
    if (!isTaken(index)) return index;
  }
  throw new Error('The status list is full: start a new list');
}
