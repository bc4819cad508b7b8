/**
 * Finds whom a post mentions: `@` followed by the full name of someone in the space, matched
 * without regard to case and only at a word boundary (so `@Ann` does not mention "Anna").
 * Longer names win, so `@Ann Lee` mentions Ann Lee and not also Ann.
 */
export function findMentions(body: string, people: readonly { id: string; name: string }[]): string[] {
  const text = body.toLocaleLowerCase();
  const found = new Set<string>();
  const sorted = [...people].filter((p) => p.name.trim().length > 0).sort((a, b) => b.name.length - a.name.length);
  const taken: [number, number][] = [];
  for (const person of sorted) {
    const needle = `@${person.name.trim().toLocaleLowerCase()}`;
    let from = 0;
    for (;;) {
      const at = text.indexOf(needle, from);
      if (at < 0) break;
      from = at + 1;
      const end = at + needle.length;
      const next = text.charAt(end);
      if (next !== '' && /[\p{L}\p{N}_]/u.test(next)) continue;
      if (taken.some(([s, e]) => at >= s && at < e)) continue;
      taken.push([at, end]);
      found.add(person.id);
    }
  }
  return [...found];
}
