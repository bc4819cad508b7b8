// The context side of the fast expansion walk: what keys, types and IRIs mean in a compiled context.
import {
  ContextMiss,
  contextUrlsOf,
  isBundledContextUrl,
  type CompiledContext,
  type TermDefinition,
} from './compiled-contexts.js';
import { LoaderCheck, Unsupported, type Walk } from './fast-expand-stops.js';
import { isAbsoluteIri, isKeyword, REGEX_KEYWORD } from './jsonld-values.js';

export function ownEntry<K extends keyof TermDefinition>(
  definition: TermDefinition | undefined,
  key: K,
): TermDefinition[K] | undefined {
  return definition !== undefined && Object.hasOwn(definition, key) ? definition[key] : undefined;
}

export function containerOf(ctx: CompiledContext, term: string | null): readonly string[] {
  if (term === null) return [];
  return ownEntry(ctx.term(term), '@container') ?? [];
}

/** jsonld.js `_expandIri` without a local context (expansion, not context processing). */
export function expandIri(ctx: CompiledContext, value: string, vocab: boolean, base: boolean): string | null {
  if (isKeyword(value)) return value;
  if (REGEX_KEYWORD.test(value)) return null;
  if (vocab) {
    const mapping = ctx.term(value);
    if (mapping !== undefined && '@id' in mapping) return mapping['@id'] ?? null;
  }
  const colon = value.indexOf(':');
  if (colon > 0) {
    const prefix = value.slice(0, colon);
    const suffix = value.slice(colon + 1);
    if (prefix === '_' || suffix.startsWith('//')) return value;
    const mapping = ctx.term(prefix);
    if (mapping?._prefix) return `${mapping['@id']}${suffix}`;
    if (isAbsoluteIri(value)) return value;
  }
  const raw = ctx.raw;
  if (vocab && '@vocab' in raw) return `${raw['@vocab']}${value}`;
  // With base null a relative IRI stays as it is, unless a context sets @base.
  if (base && ctx.hasBase) throw new Unsupported('a context sets @base');
  return value;
}

/** A key or vocabulary-relative value expanded (remembered per context: keys repeat across documents). */
export function vocabIri(ctx: CompiledContext, value: string): string | null {
  const known = ctx.recall<string | null>('iri', value);
  return known === undefined ? ctx.remember('iri', value, expandIri(ctx, value, true, false)) : known;
}

const SUPPORTED_KEYWORDS = new Set(['@id', '@type', '@value', '@language', '@direction']);
const SUPPORTED_CONTAINERS = new Set(['@set', '@list', '@graph', '@language']);

/** What a member key means in a context: a supported keyword, or a property with its term's facts. */
export type Member =
  | { kind: 'keyword'; keyword: string }
  | {
      kind: 'property';
      property: string;
      definition: TermDefinition | undefined;
      scoped: unknown;
      container: readonly string[];
      isJson: boolean;
    };

export function memberOf(ctx: CompiledContext, key: string): Member {
  const known = ctx.recall<Member>('member', key);
  if (known) return known;
  const property = vocabIri(ctx, key);
  if (property === null || !(isAbsoluteIri(property) || isKeyword(property)))
    throw new Unsupported(`the term "${key}" is not defined`);
  if (isKeyword(property)) {
    if (!SUPPORTED_KEYWORDS.has(property)) throw new Unsupported(`${property} is outside the fast path`);
    return ctx.remember('member', key, { kind: 'keyword', keyword: property });
  }
  if (property.startsWith('_:')) throw new Unsupported('a blank node property');
  const definition = ctx.term(key);
  const container = ownEntry(definition, '@container') ?? [];
  if (container.some((c) => !SUPPORTED_CONTAINERS.has(c))) throw new Unsupported(`a ${container.join(' ')} container`);
  if (definition?.reverse) throw new Unsupported('a reverse property');
  return ctx.remember('member', key, {
    kind: 'property',
    property,
    definition,
    scoped: ownEntry(definition, '@context'),
    container,
    isJson: ownEntry(definition, '@type') === '@json',
  });
}

/** The values of an `@type` member, expanded in the context before type-scoped contexts apply. */
export function expandTypes(typeScopedCtx: CompiledContext, value: unknown): string[] {
  const values = typeof value === 'string' ? [value] : Array.isArray(value) ? (value as unknown[]) : undefined;
  if (!values) throw new Unsupported('an @type that is not a string or strings');
  const out: string[] = [];
  for (const v of values) {
    if (typeof v !== 'string') throw new Unsupported('an @type that is not a string or strings');
    // With vocab and base both set, expansion differs from a key's only when @base applies.
    const iri = typeScopedCtx.hasBase ? expandIri(typeScopedCtx, v, true, true) : vocabIri(typeScopedCtx, v);
    if (iri !== '@json' && (iri === null || !isAbsoluteIri(iri))) throw new Unsupported('a relative @type');
    out.push(iri);
  }
  return out;
}

/** How a term coerces a scalar value: its type mapping, or the language and direction strings get. */
export type Coercion = { type: string | null; language: string | null; direction: string | null };

export function coercionOf(ctx: CompiledContext, term: string): Coercion {
  const known = ctx.recall<Coercion>('value', term);
  if (known) return known;
  const property = vocabIri(ctx, term);
  if (property === '@id' || property === '@type' || (property !== null && isKeyword(property)))
    throw new Unsupported(`a scalar under ${property}`);
  const definition = ctx.term(term);
  const fromTerm = (key: '@language' | '@direction'): string | null => {
    if (definition !== undefined && Object.hasOwn(definition, key)) return definition[key] ?? null;
    return key in ctx.raw ? (ctx.raw[key] ?? null) : null;
  };
  return ctx.remember('value', term, {
    type: ownEntry(definition, '@type') ?? null,
    language: fromTerm('@language'),
    direction: fromTerm('@direction'),
  });
}

export function embeddedContext(ctx: CompiledContext, local: unknown, walk: Walk): CompiledContext {
  const urls = contextUrlsOf(local);
  if (!urls) throw new Unsupported('an inline context that names another context by URL');
  for (const url of urls) {
    if (!isBundledContextUrl(url)) throw new Unsupported(`the context ${url} is not bundled`);
    if (!walk.checkedUrls.has(url)) throw new LoaderCheck(url);
  }
  const key = JSON.stringify(local);
  try {
    return ctx.derive('embedded', local, key);
  } catch (miss) {
    // Compile from a private copy: the compiled context outlives this document.
    if (miss instanceof ContextMiss) throw new ContextMiss(ctx, 'embedded', structuredClone(local), key);
    throw miss;
  }
}
