import { hash } from 'node:crypto';

/**
 * A keyed permutation of a status list's positions 0..size-1: the index handed out at
 * position p is `permutedIndex(key, size, p)`. Distinct positions give distinct indexes, so a
 * list hands out each index once by counting positions, without reading which are taken; and
 * without the key the order is unpredictable, as random allocation was (herd privacy).
 *
 * A four-round Feistel network over the smallest even number of bits that covers `size`,
 * with SHA-256 of (key, round, half) as round function; values outside the list are walked
 * through the network again until they land inside it (cycle walking keeps it a bijection).
 */
export function permutedIndex(key: Uint8Array, size: number, position: number): number {
  return permutedIndexes(key, size, position, 1)[0]!;
}

/** The indexes at positions from..from+count-1, in order. */
export function permutedIndexes(key: Uint8Array, size: number, from: number, count: number): number[] {
  if (!Number.isInteger(from) || !Number.isInteger(count) || from < 0 || count < 0 || from + count > size) {
    throw new RangeError(`positions ${from}..${from + count - 1} are outside 0..${size - 1}`);
  }
  const { half, rounds } = roundTables(key, size);
  const mask = (1 << half) - 1;
  const out: number[] = [];
  for (let position = from; position < from + count; position++) {
    let value = position;
    do {
      let left = value >>> half;
      let right = value & mask;
      for (const table of rounds) {
        const next = left ^ table[right]!;
        left = right;
        right = next;
      }
      value = (left << half) | right;
    } while (value >= size);
    out.push(value);
  }
  return out;
}

const ROUNDS = 4;
type Tables = { half: number; rounds: Uint32Array[] };
// Each half has at most a few hundred values, so the round function is tabulated once per key.
const cache = new Map<string, Tables>();

function roundTables(key: Uint8Array, size: number): Tables {
  const id = `${Buffer.from(key).toString('hex')}:${size}`;
  const cached = cache.get(id);
  if (cached) return cached;
  const log = Math.ceil(Math.log2(size));
  const half = Math.max(1, Math.ceil(log / 2));
  const mask = (1 << half) - 1;
  const input = Buffer.alloc(key.length + 5);
  input.set(key, 0);
  const rounds: Uint32Array[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const table = new Uint32Array(1 << half);
    input[key.length] = round;
    for (let right = 0; right <= mask; right++) {
      input.writeUInt32BE(right, key.length + 1);
      table[right] = hash('sha256', input, 'buffer').readUInt32BE(0) & mask;
    }
    rounds.push(table);
  }
  const tables = { half, rounds };
  if (cache.size >= 256) cache.delete(cache.keys().next().value!);
  cache.set(id, tables);
  return tables;
}
