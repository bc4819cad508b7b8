/** JSON values as they come out of `JSON.parse`: what credentials are made of. */
export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | JsonObject;
export type JsonObject = { [key: string]: JsonValue };

/** True for a plain JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A deep copy that also drops `undefined` and anything JSON cannot hold. */
export function cloneJson<T>(value: T): T {
  return structuredClone(value);
}

/** `value` as an array: JSON-LD lets most properties be one item or many. */
export function asArray<T>(value: T | T[] | undefined | null): T[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** The `id` of a node that may be written as a bare IRI string or as an object with `id`. */
export function idOf(value: JsonValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (isJsonObject(value) && typeof value.id === 'string') return value.id;
  return undefined;
}

/** The `type` values of a node, always as an array of strings. */
export function typesOf(value: JsonValue | undefined): string[] {
  if (!isJsonObject(value)) return [];
  return asArray(value.type).filter((t): t is string => typeof t === 'string');
}

/** A short printable form of any JSON value, for error messages. */
export function show(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return 'undefined';
  const text = JSON.stringify(value) ?? typeof value;
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
