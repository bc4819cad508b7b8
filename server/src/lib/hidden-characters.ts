/**
 * Characters that change how text displays or reads without being seen ("Trojan Source",
 * CVE-2021-42574): controls (Cc), format characters (Cf: bidi embeddings, overrides, isolates
 * and marks, zero-width characters, word joiner, BOM, tag characters), line and paragraph
 * separators, and the Hangul fillers that render blank. In a signed credential they would make
 * a name read differently from what was signed.
 */
const HIDDEN_CHARACTER = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\u115F\u1160\u3164\uFFA0]/gu;
const LINE_BREAKS_AND_TABS = new Set(['\t', '\n', '\r']);

export type HiddenCharacterOptions = {
  /** Tab, LF and CR are allowed (descriptions, narratives); everything else hidden is not. */
  isMultiline?: boolean;
};

/** The hidden characters in `value` as code points ("U+202E"), each once, in order of appearance. */
export function hiddenCharactersIn(value: string, options: HiddenCharacterOptions = {}): string[] {
  const found = new Set<string>();
  for (const [char] of value.matchAll(HIDDEN_CHARACTER)) {
    if (options.isMultiline && LINE_BREAKS_AND_TABS.has(char)) continue;
    found.add(`U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  }
  return [...found];
}

/** What to tell a person whose text contains hidden characters. */
export function hiddenCharacterMessage(codePoints: string[]): string {
  const listed = codePoints.slice(0, 5).join(', ') + (codePoints.length > 5 ? ', …' : '');
  return codePoints.length === 1
    ? `Contains an invisible or direction-changing character (${listed}); remove it`
    : `Contains invisible or direction-changing characters (${listed}); remove them`;
}
