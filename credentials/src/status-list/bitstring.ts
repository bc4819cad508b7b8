/** The smallest list the Bitstring Status List spec allows (16 KB): it hides who is revoked. */
export const MIN_STATUS_LIST_LENGTH = 131_072;

/**
 * A fixed-length bitstring as the Bitstring Status List spec lays it out: index 0 is the most
 * significant bit of byte 0.
 */
export class Bitstring {
  readonly bytes: Uint8Array;

  constructor({ length = MIN_STATUS_LIST_LENGTH, bytes }: { length?: number; bytes?: Uint8Array } = {}) {
    if (bytes) {
      this.bytes = bytes;
      return;
    }
    if (!Number.isInteger(length) || length < MIN_STATUS_LIST_LENGTH || length % 8 !== 0) {
      throw new RangeError(
        `A status list has at least ${MIN_STATUS_LIST_LENGTH} entries and a multiple of 8; got ${length}`,
      );
    }
    this.bytes = new Uint8Array(length / 8);
  }

  /** Number of bits. */
  get length(): number {
    return this.bytes.length * 8;
  }

  get(index: number): boolean {
    this.assertIndex(index);
    return ((this.bytes[index >> 3] ?? 0) & (0x80 >> (index & 7))) !== 0;
  }

  set(index: number, isSet: boolean): void {
    this.assertIndex(index);
    const mask = 0x80 >> (index & 7);
    const byte = this.bytes[index >> 3] ?? 0;
    this.bytes[index >> 3] = isSet ? byte | mask : byte & ~mask;
  }

  private assertIndex(index: number): void {
    if (!Number.isInteger(index) || index < 0 || index >= this.length) {
      throw new RangeError(`Status list index ${index} is outside 0..${this.length - 1}`);
    }
  }
}
