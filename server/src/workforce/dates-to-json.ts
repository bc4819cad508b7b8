/** A value with every Date replaced by its ISO string: what the JSON answer carries. */
export type DatesAsStrings<T> = T extends Date
  ? string
  : T extends readonly (infer U)[]
    ? DatesAsStrings<U>[]
    : T extends Map<unknown, unknown>
      ? never
      : T extends object
        ? { [K in keyof T]: DatesAsStrings<T[K]> }
        : T;

/** Replaces every Date in a plain value with its ISO string, so route answers match their schemas. */
export function datesToJson<T>(value: T): DatesAsStrings<T> {
  if (value instanceof Date) return value.toISOString() as DatesAsStrings<T>;
  if (Array.isArray(value)) return value.map((v: unknown) => datesToJson(v)) as DatesAsStrings<T>;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, datesToJson(v)])) as DatesAsStrings<T>;
  }
  return value as DatesAsStrings<T>;
}
