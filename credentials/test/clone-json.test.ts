import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloneJson } from '../src/util/json.js';

describe('cloneJson', () => {
  it('gives an equal value that shares no object or array with the original (property-based)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copy = cloneJson(value);
        expect(copy).toStrictEqual(value);
        const shared = (a: unknown, b: unknown): boolean =>
          typeof a === 'object' &&
          a !== null &&
          (a === b || Object.keys(a).some((k) => shared((a as never)[k], (b as never)[k])));
        expect(shared(copy, value)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a "__proto__" key from JSON.parse as data, never as the copy’s prototype', () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": true}, "a": [1, {"__proto__": null}]}') as object;
    const copy = cloneJson(parsed);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(JSON.stringify(copy)).toBe(JSON.stringify(parsed));
    expect((copy as { polluted?: unknown }).polluted).toBeUndefined();
  });
});
