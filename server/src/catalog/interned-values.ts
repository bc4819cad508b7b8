/** Interns strings as small integers, so the per-row work is array indexing. */
export class InternedValues {
  readonly values: string[] = [];
  readonly #ids = new Map<string, number>();
  idOf(value: string): number {
    let id = this.#ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.#ids.set(value, id);
    }
    return id;
  }
  find(value: string): number | undefined {
    return this.#ids.get(value);
  }
  /** A membership mask of the given values (unknown ones match nothing). */
  mask(values: readonly string[]): Uint8Array | null {
    if (values.length === 0) return null;
    const mask = new Uint8Array(this.values.length + 1);
    for (const v of values) {
      const id = this.#ids.get(v);
      if (id !== undefined) mask[id] = 1;
    }
    return mask;
  }
}
