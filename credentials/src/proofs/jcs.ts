import type { JsonValue } from '../util/json.js';

/**
 * JSON Canonicalization Scheme (RFC 8785), used by eddsa-jcs-2022. ECMAScript's own number and
 * string serialisation is what the RFC specifies; keys sort by UTF-16 code units.
 */
export function canonicalizeJson(value: JsonValue): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('JCS cannot represent NaN or Infinity');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalizeJson(v)).join(',')}]`;
  const parts: string[] = [];
  for (const key of Object.keys(value).sort()) {
    const item = value[key];
    if (item === undefined) continue;
    parts.push(`${JSON.stringify(key)}:${canonicalizeJson(item)}`);
  }
  return `{${parts.join(',')}}`;
}
