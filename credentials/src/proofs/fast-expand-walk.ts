// The synchronous node walk of the fast expansion: elements, arrays, nodes and their members.
import { initialContext, type CompiledContext } from './compiled-contexts.js';
import { Unsupported, type Walk } from './fast-expand-stops.js';
import {
  containerOf,
  embeddedContext,
  expandIri,
  expandTypes,
  memberOf,
  ownEntry,
  vocabIri,
} from './fast-expand-terms.js';
import {
  checkScalar,
  checkValueObject,
  expandLanguageMap,
  expandValue,
  isDropped,
  isPlainNode,
  isPlainObject,
  jsonCopy,
} from './fast-expand-values.js';
import { addValue, isAbsoluteIri, REGEX_BCP47, type ExpandedNode } from './jsonld-values.js';
import { isJsonObject } from '../util/json.js';

/** The synchronous walk: throws Unsupported, LoaderCheck or ContextMiss. */
export function expandDocument(document: unknown, walk: Walk): ExpandedNode[] {
  if (!isJsonObject(document)) throw new Unsupported('the document is not a JSON object');
  const expanded = expandElement(initialContext(), null, document, false, null, walk);
  if (expanded === null) return [];
  if (!isPlainNode(expanded)) throw new Unsupported('the document does not expand to one node');
  return [expanded];
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
