import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { credentialText, refuseHiddenCharactersInJson } from '../http/schemas.js';
import { hiddenCharacterMessage, hiddenCharactersIn } from './hidden-characters.js';

/** Every character the issue names, plus other invisible ones an attacker would reach for. */
const HIDDEN = [
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E', // embeddings and overrides
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069', // isolates
  '\u200E',
  '\u200F',
  '\u061C', // marks
  '\u200B',
  '\u200C',
  '\u200D',
  '\u2060',
  '\uFEFF', // zero-width, word joiner, BOM
  '\u00AD',
  '\u180E',
  '\u2061',
  '\u206F',
  '\u{E0041}',
  '\u{E007F}', // soft hyphen, Mongolian vowel separator, invisible operators, tags
  '\u0000',
  '\u0007',
  '\u001B',
  '\u007F',
  '\u0085', // controls
  '\u2028',
  '\u2029', // line and paragraph separators
  '\u115F',
  '\u3164', // Hangul fillers, which render blank
];
const codeOf = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Ordinary text in many scripts, with no hidden character (the generator fast-check draws from). */
const visibleText = fc.string({
  unit: fc.constantFrom(...'Aa Zz09 -.,:;!?()&’“”éüßøñçłŁ中文日本語한국어العربيةעבריתहिन्दीไทยΩπ€£😀🎓'.split(/(?:)/u)),
  maxLength: 60,
});

describe('hiddenCharactersIn', () => {
  it('finds each hidden character wherever it is, and names its code point', () => {
    fc.assert(
      fc.property(visibleText, fc.constantFrom(...HIDDEN), visibleText, (before, hidden, after) => {
        expect(hiddenCharactersIn(`${before}${hidden}${after}`)).toEqual([codeOf(hidden)]);
      }),
    );
  });

  it('finds nothing in visible text of any script, emoji included', () => {
    fc.assert(
      fc.property(visibleText, (text) => {
        expect(hiddenCharactersIn(text)).toEqual([]);
      }),
    );
  });

  it('allows tab and line breaks only in multi-line text', () => {
    expect(hiddenCharactersIn('Line one\n\tLine two\r\n')).toEqual(['U+000A', 'U+0009', 'U+000D']);
    expect(hiddenCharactersIn('Line one\n\tLine two\r\n', { isMultiline: true })).toEqual([]);
    expect(hiddenCharactersIn('Line one\n\u202Eowt enil', { isMultiline: true })).toEqual(['U+202E']);
  });

  it('lists several distinct characters once each', () => {
    expect(hiddenCharactersIn('a\u202Eb\u202Ec\u200Bd')).toEqual(['U+202E', 'U+200B']);
    expect(hiddenCharacterMessage(['U+202E'])).toBe(
      'Contains an invisible or direction-changing character (U+202E); remove it',
    );
    expect(hiddenCharacterMessage(['U+202E', 'U+200B'])).toMatch(/characters \(U\+202E, U\+200B\); remove them/);
  });
});

describe('credentialText', () => {
  const schema = z.strictObject({
    name: credentialText({ max: 200 }).min(1),
    description: credentialText({ max: 5000, isMultiline: true }).optional(),
  });

  it('refuses a hidden character in the field that holds it, naming the code point', () => {
    fc.assert(
      fc.property(visibleText, fc.constantFrom(...HIDDEN), (text, hidden) => {
        // Between visible letters: at either end, trimming removes those that count as white space.
        const result = schema.safeParse({ name: `North${hidden}wind${text}` });
        expect(result.success).toBe(false);
        expect(result.error!.issues).toContainEqual(
          expect.objectContaining({ path: ['name'], message: expect.stringContaining(codeOf(hidden)) }),
        );
      }),
    );
  });

  it('keeps visible text, trimmed', () => {
    expect(schema.parse({ name: '  Académie du Nord — 北方学院 🎓 ', description: 'Two lines\nof prose.' })).toEqual({
      name: 'Académie du Nord — 北方学院 🎓',
      description: 'Two lines\nof prose.',
    });
  });
});

describe('refuseHiddenCharactersInJson', () => {
  const schema = z.record(z.string(), z.unknown()).superRefine(refuseHiddenCharactersInJson);

  it('reports each string value and key with a hidden character at its path', () => {
    const result = schema.safeParse({
      name: 'Fine',
      credentialSubject: { achievement: { name: 'Data\u202Etxet', tag: ['ok', 'zero\u200Bwidth'] } },
      'ali\u2066as': 1,
    });
    expect(result.success).toBe(false);
    const found = result.error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['credentialSubject.achievement.name', expect.stringContaining('U+202E')],
        ['credentialSubject.achievement.tag.1', expect.stringContaining('U+200B')],
        ['ali\u2066as', expect.stringMatching(/^Property name: .*U\+2066/)],
      ]),
    );
    expect(found).toHaveLength(3);
  });

  it('accepts multi-line prose and survives very deep nesting', () => {
    expect(schema.safeParse({ description: 'Line one\nLine two' }).success).toBe(true);
    let deep: unknown = 'bottom\u202E';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    const result = schema.safeParse({ deep });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toHaveLength(100_001);
  });
});
