import type { DocumentLoader } from '../contexts/document-loader.js';
import { isJsonObject } from '../util/json.js';
import {
  CompiledContext,
  ContextMiss,
  contextUrlsOf,
  initialContext,
  isBundledContext,
  isBundledContextUrl,
  type TermDefinition,
} from './compiled-contexts.js';
import { addValue, isAbsoluteIri, isKeyword, REGEX_BCP47, REGEX_KEYWORD, type ExpandedNode } from './jsonld-values.js';

/**
 * JSON-LD expansion (the algorithm of jsonld.js 9, step for step) for the features credentials
 * use: type- and property-scoped contexts, `@vocab`, `@json`, `@id`/`@type`/datatype coercion,
 * `@language`/`@direction` values, language maps, `@list` and `@graph` containers, embedded
 * contexts made of bundled URLs and inline definitions. Anything else, and anything the reference would reject in safe mode
 * (an undefined term, a relative IRI, a dropped value), stops the walk with `Unsupported`: the
 * caller then runs the reference instead, which gives its answer or its error. The walk never
 * guesses.
 */
export class Unsupported extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** The caller's loader must be asked about this bundled URL before the walk may rely on it. */
class LoaderCheck extends Error {
  constructor(readonly url: string) {
    super('context URL not checked yet');
  }
}

type Walk = {
  /** Bundled context URLs the caller's loader was seen to serve unchanged. */
  readonly checkedUrls: ReadonlySet<string>;
};

export type ExpandOutcome = { ok: true; expanded: ExpandedNode[] } | { ok: false; reason: string };

// The first document of a shape needs its contexts compiled, each followed by a fresh walk (21
// for the "complete" OB 3.0 example from cold; none after that). Contexts a document brings
// itself are held to a few, so a document made of many distinct contexts costs a few walks and
// then goes to the reference.
const MAX_ATTEMPTS = 256;
const MAX_EMBEDDED_COMPILES = 8;

/**
 * Expands `document` as `jsonld.expand(document, { safe: true, base: null })` would, or says
 * why it cannot. Contexts are processed (once, then remembered) by the reference's own code.
 */
export async function expandFast(document: unknown, documentLoader: DocumentLoader): Promise<ExpandOutcome> {
  const checkedUrls = new Set<string>();
  // The document's own context URLs are checked up front; any deeper ones as the walk meets them.
  const topUrls = isJsonObject(document) ? (contextUrlsOf(document['@context']) ?? []) : [];
  for (const url of topUrls) {
    if (!isBundledContextUrl(url)) return { ok: false, reason: `the context ${url} is not bundled` };
    if (checkedUrls.has(url)) continue;
    if (!(await loaderServesBundled(documentLoader, url)))
      return { ok: false, reason: `the document loader does not serve the bundled context for ${url}` };
    checkedUrls.add(url);
  }
  let embeddedCompiles = 0;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    try {
      return { ok: true, expanded: expandDocument(document, { checkedUrls }) };
    } catch (error) {
      if (error instanceof Unsupported) return { ok: false, reason: error.reason };
      if (error instanceof LoaderCheck) {
        if (!(await loaderServesBundled(documentLoader, error.url))) {
          return { ok: false, reason: `the document loader does not serve the bundled context for ${error.url}` };
        }
        checkedUrls.add(error.url);
      } else if (error instanceof ContextMiss) {
        if (error.kind === 'embedded' && ++embeddedCompiles > MAX_EMBEDDED_COMPILES)
          return { ok: false, reason: 'too many distinct contexts' };
        try {
          await error.from.compile(error.kind, error.local, error.key);
        } catch (processing) {
          return { ok: false, reason: `context processing failed (${(processing as Error).message})` };
        }
      } else {
        // A defect here must not decide a signature: the reference decides instead.
        return { ok: false, reason: `fast path error (${(error as Error).message})` };
      }
    }
  }
  return { ok: false, reason: 'too many distinct contexts' };
}

async function loaderServesBundled(documentLoader: DocumentLoader, url: string): Promise<boolean> {
  try {
    const { document } = await documentLoader(url);
    return isBundledContext(url, document);
  } catch {
    return false;
  }
}

/** The synchronous walk: throws Unsupported, LoaderCheck or ContextMiss. */
function expandDocument(document: unknown, walk: Walk): ExpandedNode[] {
  if (!isJsonObject(document)) throw new Unsupported('the document is not a JSON object');
  const expanded = expandElement(initialContext(), null, document, false, null, walk);
  if (expanded === null) return [];
  if (!isPlainNode(expanded)) throw new Unsupported('the document does not expand to one node');
  return [expanded];
}

const isPlainNode = (value: unknown): value is ExpandedNode =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function ownEntry<K extends keyof TermDefinition>(
  definition: TermDefinition | undefined,
  key: K,
): TermDefinition[K] | undefined {
  return definition !== undefined && Object.hasOwn(definition, key) ? definition[key] : undefined;
}

function containerOf(ctx: CompiledContext, term: string | null): readonly string[] {
  if (term === null) return [];
  return ownEntry(ctx.term(term), '@container') ?? [];
}

/** jsonld.js `_expandIri` without a local context (expansion, not context processing). */
function expandIri(ctx: CompiledContext, value: string, vocab: boolean, base: boolean): string | null {
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
function vocabIri(ctx: CompiledContext, value: string): string | null {
  const known = ctx.recall<string | null>('iri', value);
  return known === undefined ? ctx.remember('iri', value, expandIri(ctx, value, true, false)) : known;
}

/** What a member key means in a context: a supported keyword, or a property with its term's facts. */
type Member =
  | { kind: 'keyword'; keyword: string }
  | {
      kind: 'property';
      property: string;
      definition: TermDefinition | undefined;
      scoped: unknown;
      container: readonly string[];
      isJson: boolean;
    };

function memberOf(ctx: CompiledContext, key: string): Member {
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

/** A JSON scalar the reference handles like JSON (finite numbers only). */
function checkScalar(value: unknown): asserts value is string | number | boolean {
  if (typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number' && Number.isFinite(value)) return;
  throw new Unsupported(`a ${typeof value} value is not JSON`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function expandElement(
  ctx: CompiledContext,
  activeProperty: string | null,
  element: unknown,
  insideList: boolean,
  typeScoped: CompiledContext | null,
  walk: Walk,
): unknown {
  if (element === null || element === undefined) return null;
  if (Array.isArray(element)) return expandArray(ctx, activeProperty, element, insideList, typeScoped, walk);
  if (typeof element !== 'object') {
    checkScalar(element);
    if (!insideList && (activeProperty === null || vocabIri(ctx, activeProperty) === '@graph'))
      throw new Unsupported('a free-floating value');
    return expandValue(ctx, activeProperty!, element);
  }
  if (!isPlainObject(element)) throw new Unsupported('a value that is not plain JSON');
  return expandNode(ctx, activeProperty, element, insideList, typeScoped, walk);
}

function expandArray(
  ctx: CompiledContext,
  activeProperty: string | null,
  element: unknown[],
  insideList: boolean,
  typeScoped: CompiledContext | null,
  walk: Walk,
): unknown[] {
  const isList = insideList || containerOf(ctx, activeProperty).includes('@list');
  const out: unknown[] = [];
  for (const item of element) {
    // As in jsonld.js, items are expanded as if not inside a list; the list wraps them after.
    const expanded = expandElement(ctx, activeProperty, item, false, typeScoped, walk);
    if (isList && Array.isArray(expanded)) throw new Unsupported('a list of lists');
    if (expanded === null) continue;
    if (Array.isArray(expanded)) out.push(...(expanded as unknown[]));
    else out.push(expanded);
  }
  return out;
}

function expandNode(
  ctxIn: CompiledContext,
  activeProperty: string | null,
  element: Record<string, unknown>,
  insideList: boolean,
  typeScopedIn: CompiledContext | null,
  walk: Walk,
): ExpandedNode | null {
  let ctx = ctxIn;
  const propertyScoped = activeProperty === null ? undefined : ownEntry(ctx.term(activeProperty), '@context');
  const typeScoped = typeScopedIn ?? (ctx.hasPrevious ? ctx : null);
  const keys = Object.keys(element).sort();
  if (keys.includes('__proto__')) throw new Unsupported('a "__proto__" key');

  // A type-scoped context does not reach into a nested node, except a value object or a bare reference.
  let mustRevert = true;
  if (typeScoped && keys.length <= 2 && !keys.includes('@context')) {
    for (const key of keys) {
      const expanded = vocabIri(typeScoped, key);
      if (expanded === '@value') {
        mustRevert = false;
        ctx = typeScoped;
        break;
      }
      if (expanded === '@id' && keys.length === 1) {
        mustRevert = false;
        break;
      }
    }
  }
  if (mustRevert) ctx = ctx.revert();
  if (propertyScoped !== undefined) ctx = ctx.derive('property', propertyScoped);
  if ('@context' in element) ctx = embeddedContext(ctx, element['@context'], walk);

  const typeScopedCtx = ctx;
  let typeKey: string | null = null;
  for (const key of keys) {
    if (vocabIri(ctx, key) !== '@type') continue;
    typeKey ??= key;
    const value = element[key];
    const types = Array.isArray(value) ? (value.length > 1 ? [...(value as unknown[])].sort() : value) : [value];
    for (const type of types) {
      const scoped = typeof type === 'string' ? ownEntry(typeScopedCtx.term(type), '@context') : undefined;
      if (scoped !== undefined) ctx = ctx.derive('type', scoped);
    }
  }

  const out: ExpandedNode = {};
  expandMembers(ctx, element, keys, out, typeKey, typeScopedCtx, walk);
  const count = Object.keys(out).length;
  if ('@value' in out) {
    checkValueObject(out, count);
  } else {
    if ('@language' in out || '@direction' in out) throw new Unsupported('@language or @direction on a node');
    if ('@type' in out && !Array.isArray(out['@type'])) out['@type'] = [out['@type']];
    if ((out['@type'] as string[] | undefined)?.includes('@json')) throw new Unsupported('a node typed @json');
  }
  // Safe mode refuses a top-level (or graph) object the reference would drop.
  if (
    !insideList &&
    (activeProperty === null || containerOf(ctx, activeProperty).includes('@graph')) &&
    isDropped(out, count)
  ) {
    throw new Unsupported('a top-level object with nothing to say');
  }
  return out;
}

const isDropped = (node: ExpandedNode, count: number): boolean =>
  count === 0 || '@value' in node || '@list' in node || (count === 1 && '@id' in node);

/** The checks jsonld.js makes of a finished value object; each failure is an error or a safe-mode event there. */
function checkValueObject(out: ExpandedNode, count: number): void {
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

function embeddedContext(ctx: CompiledContext, local: unknown, walk: Walk): CompiledContext {
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

const SUPPORTED_KEYWORDS = new Set(['@id', '@type', '@value', '@language', '@direction']);
const SUPPORTED_CONTAINERS = new Set(['@set', '@list', '@graph', '@language']);

function expandMembers(
  ctx: CompiledContext,
  element: Record<string, unknown>,
  keys: string[],
  out: ExpandedNode,
  typeKey: string | null,
  typeScopedCtx: CompiledContext,
  walk: Walk,
): void {
  let isJsonType = false;
  if (typeKey !== null && element[typeKey]) {
    const typeValue = element[typeKey];
    const first = Array.isArray(typeValue) ? (typeValue as unknown[])[0] : typeValue;
    isJsonType = typeof first === 'string' && vocabIri(ctx, first) === '@json';
  }
  let unexpandedValue: unknown;
  for (const key of keys) {
    if (key === '@context') continue;
    const value = element[key];
    const member = memberOf(ctx, key);
    if (member.kind === 'keyword') {
      const keyword = member.keyword;
      if (keyword in out && keyword !== '@type') throw new Unsupported('colliding keywords');
      switch (keyword) {
        case '@id': {
          if (typeof value !== 'string') throw new Unsupported('an @id that is not a string');
          const id = expandIri(ctx, value, false, true);
          if (id === null || !isAbsoluteIri(id)) throw new Unsupported('a relative or reserved @id');
          out['@id'] = id;
          break;
        }
        case '@type':
          addValue(out, '@type', expandTypes(typeScopedCtx, value), false, true);
          break;
        case '@value':
          unexpandedValue = value;
          if (isJsonType) {
            out['@value'] = jsonCopy(value);
          } else {
            if (value !== null) checkScalar(value);
            out['@value'] = value;
          }
          break;
        case '@language': {
          if (value === null) break;
          if (typeof value !== 'string') throw new Unsupported('an @language that is not a string');
          const language = value.toLowerCase();
          if (!REGEX_BCP47.test(language)) throw new Unsupported('an @language that is not BCP 47');
          out['@language'] = language;
          break;
        }
        case '@direction':
          if (value !== 'ltr' && value !== 'rtl') throw new Unsupported('an @direction other than ltr or rtl');
          out['@direction'] = value;
          break;
        default:
          throw new Unsupported(`${keyword} is outside the fast path`);
      }
      continue;
    }

    const { property, scoped, container, isJson } = member;
    const termCtx = scoped === undefined ? ctx : ctx.derive('property', scoped);
    if (termCtx !== ctx && termCtx.term(key)?.reverse) throw new Unsupported('a reverse property');

    let expanded: unknown;
    if (container.includes('@language') && isPlainObject(value)) {
      expanded = expandLanguageMap(termCtx, key, value);
    } else if (isJson) {
      expanded = { '@type': '@json', '@value': jsonCopy(value) };
    } else {
      expanded = expandElement(termCtx, key, value, false, null, walk);
      if (expanded === null) continue;
    }
    if (container.includes('@list') && !(isPlainNode(expanded) && '@list' in expanded)) {
      expanded = { '@list': Array.isArray(expanded) ? expanded : [expanded] };
    }
    if (container.includes('@graph')) {
      // A graph container (a proof inside an embedded credential): each value becomes a named graph.
      const values = Array.isArray(expanded) ? (expanded as unknown[]) : [expanded];
      if (values.some((v) => !isPlainNode(v) || isDropped(v, Object.keys(v).length)))
        throw new Unsupported('a graph value the reference would drop');
      if (values.length === 0) continue;
      expanded = values.map((v) => ({ '@graph': [v] }));
    }
    addValue(out, property, expanded, true, true);
  }
  if ('@value' in out && out['@type'] !== '@json' && (isPlainNode(unexpandedValue) || Array.isArray(unexpandedValue))) {
    throw new Unsupported('an @value that is an object or an array');
  }
}

/** The values of an `@type` member, expanded in the context before type-scoped contexts apply. */
function expandTypes(typeScopedCtx: CompiledContext, value: unknown): string[] {
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

/** jsonld.js `_expandLanguageMap`: `{"en": "…", "fr": ["…"]}` as language-tagged values. */
function expandLanguageMap(termCtx: CompiledContext, term: string, map: Record<string, unknown>): ExpandedNode[] {
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
function jsonCopy(value: unknown): unknown {
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

/** How a term coerces a scalar value: its type mapping, or the language and direction strings get. */
type Coercion = { type: string | null; language: string | null; direction: string | null };

function coercionOf(ctx: CompiledContext, term: string): Coercion {
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

/** jsonld.js `_expandValue`: a scalar under a property, with that property's coercion. */
function expandValue(ctx: CompiledContext, activeProperty: string, value: string | number | boolean): ExpandedNode {
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
