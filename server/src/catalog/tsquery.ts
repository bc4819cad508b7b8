/**
 * The parts of a PostgreSQL `tsquery` (as printed by `tsquery::text`) that the in-memory text
 * index evaluates: lexemes joined by `&`, `|` and `!`. Phrase operators (`<->`, `<N>`), prefix
 * (`:*`) and weight (`:AB`) markers need positions or more than a set of lexemes, so a query
 * with any of them parses to `null` and is left to PostgreSQL.
 */
export type TsQueryNode =
  | { op: 'term'; lexeme: string }
  | { op: 'not'; arg: TsQueryNode }
  | { op: 'and' | 'or'; left: TsQueryNode; right: TsQueryNode };

class Unsupported extends Error {}

/** Parses printed tsquery text; `{ op: 'empty' }` for a query of stop words only. */
export function parseTsQuery(text: string): TsQueryNode | { op: 'empty' } | null {
  let at = 0;
  const skip = () => {
    while (text[at] === ' ') at += 1;
  };
  const term = (): TsQueryNode => {
    skip();
    const ch = text[at];
    if (ch === '!') {
      at += 1;
      return { op: 'not', arg: term() };
    }
    if (ch === '(') {
      at += 1;
      const inner = or();
      skip();
      if (text[at] !== ')') throw new Unsupported();
      at += 1;
      return inner;
    }
    if (ch !== "'") throw new Unsupported();
    let lexeme = '';
    at += 1;
    for (;;) {
      if (at >= text.length) throw new Unsupported();
      if (text[at] === "'") {
        if (text[at + 1] === "'") {
          lexeme += "'";
          at += 2;
          continue;
        }
        at += 1;
        break;
      }
      if (text[at] === '\\' && at + 1 < text.length) at += 1;
      lexeme += text[at];
      at += 1;
    }
    // A prefix or weight marker changes what matches: not ours to guess.
    if (text[at] === ':') throw new Unsupported();
    return { op: 'term', lexeme };
  };
  const phrase = (): TsQueryNode => {
    const left = term();
    skip();
    if (text[at] === '<') throw new Unsupported();
    return left;
  };
  const and = (): TsQueryNode => {
    let left = phrase();
    for (;;) {
      skip();
      if (text[at] !== '&') return left;
      at += 1;
      left = { op: 'and', left, right: phrase() };
    }
  };
  const or = (): TsQueryNode => {
    let left = and();
    for (;;) {
      skip();
      if (text[at] !== '|') return left;
      at += 1;
      left = { op: 'or', left, right: and() };
    }
  };
  if (text.trim() === '') return { op: 'empty' };
  try {
    const node = or();
    skip();
    return at === text.length ? node : null;
  } catch (err) {
    if (err instanceof Unsupported) return null;
    throw err;
  }
}
