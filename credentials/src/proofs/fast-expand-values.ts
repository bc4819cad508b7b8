// The value side of the fast expansion walk: scalars, value objects, language maps and JSON literals.
import type { CompiledContext } from './compiled-contexts.js';
import { Unsupported } from './fast-expand-stops.js';
import { coercionOf, expandIri, vocabIri } from './fast-expand-terms.js';
import { isAbsoluteIri, isKeyword, REGEX_BCP47, type ExpandedNode } from './jsonld-values.js';

export const isPlainNode = (value: unknown): value is ExpandedNode =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A JSON scalar the reference handles like JSON (finite numbers only). */
export function checkScalar(value: unknown): asserts value is string | number | boolean {
  if (typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number' && Number.isFinite(value)) return;
  throw new Unsupported(`a ${typeof value} value is not JSON`);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

export const isDropped = (node: ExpandedNode, count: number): boolean =>
  count === 0 || '@value' in node || '@list' in node || (count === 1 && '@id' in node);

/** The checks jsonld.js makes of a finished value object; each failure is an error or a safe-mode event there. */
export function checkValueObject(out: ExpandedNode, count: number): void {
  const has = (key: string): number => (key in out ? 1 : 0);
  if (has('@type') && (has('@language') || has('@direction')))
    throw new Unsupported('a value object with @type and @language');
  if (count - 1 - has('@type') - has('@index') - has('@language') - has('@direction') !== 0)
    throw new Unsupported('a value object with other members');
  const value = out['@value'];
  const types = out['@type'] === undefined ? [] : [out['@type']].flat();
  if (types.length === 1 && types[0] === '@json') return;
  if (value === null) throw new Unsupported('a null @value');
  if (typeof value !== 'string' && '@language' in out)
    throw new Unsupported('a language-tagged value that is not a string');
  if (!types.every((t) => typeof t === 'string' && isAbsoluteIri(t) && !t.startsWith('_:')))
    throw new Unsupported('a value object whose @type is not an IRI');
}

/** jsonld.js `_expandValue`: a scalar under a property, with that property's coercion. */
export function expandValue(
  ctx: CompiledContext,
  activeProperty: string,
  value: string | number | boolean,
): ExpandedNode {
  const { type, language, direction } = coercionOf(ctx, activeProperty);
  if ((type === '@id' || type === '@vocab') && typeof value === 'string') {
    const id = expandIri(ctx, value, type === '@vocab', true);
    if (id === null || isKeyword(id)) throw new Unsupported('a reserved IRI value');
    return { '@id': id };
  }
  if (type !== null && type !== '@id' && type !== '@vocab' && type !== '@none')
    return { '@type': type, '@value': value };
  if (typeof value !== 'string' || (language === null && direction === null)) return { '@value': value };
  const out: ExpandedNode = {};
  if (language !== null) out['@language'] = language;
  if (direction !== null) out['@direction'] = direction;
  out['@value'] = value;
  return out;
}

/** jsonld.js `_expandLanguageMap`: `{"en": "…", "fr": ["…"]}` as language-tagged values. */
export function expandLanguageMap(
  termCtx: CompiledContext,
  term: string,
  map: Record<string, unknown>,
): ExpandedNode[] {
  const definition = termCtx.term(term);
  const direction =
    definition !== undefined && Object.hasOwn(definition, '@direction')
      ? definition['@direction']
      : '@direction' in termCtx.raw
        ? termCtx.raw['@direction']
        : null;
  const out: ExpandedNode[] = [];
  for (const language of Object.keys(map).sort()) {
    if (language === '__proto__') throw new Unsupported('a "__proto__" key');
    const expandedKey = vocabIri(termCtx, language);
    const items = map[language];
    for (const item of Array.isArray(items) ? (items as unknown[]) : [items]) {
      if (item === null) continue;
      if (typeof item !== 'string') throw new Unsupported('a language map value that is not a string');
      const value: ExpandedNode = { '@value': item };
      if (expandedKey !== '@none') {
        if (!REGEX_BCP47.test(language)) throw new Unsupported('a language map key that is not BCP 47');
        value['@language'] = language.toLowerCase();
      }
      if (direction) value['@direction'] = direction;
      out.push(value);
    }
  }
  return out;
}

/** A JSON literal's value, checked to be JSON and copied (the reference expands a copy). */
export function jsonCopy(value: unknown): unknown {
  const check = (v: unknown): void => {
    if (v === null || v === undefined || typeof v === 'string' || typeof v === 'boolean') return;
    if (typeof v === 'number') return checkScalar(v);
    if (Array.isArray(v)) return v.forEach(check);
    if (!isPlainObject(v) || Object.hasOwn(v, '__proto__'))
      throw new Unsupported('a JSON literal that is not plain JSON');
    Object.values(v).forEach(check);
  };
  check(value);
  return structuredClone(value);
}
