import { createRequire } from 'node:module';
import { Unsupported } from './fast-expand.js';
import { addValue, isAbsoluteIri, isKeyword, type ExpandedNode } from './jsonld-values.js';

// The RDF dataset of expanded JSON-LD, as jsonld.js 9 `toRDF` builds it: nodes with the same
// @id merged, equal values given once (its `compareValues`), literals written by its rules
// (doubles as `1.5E0`, `@json` through the same JCS library, `@direction` as i18n datatypes).
// Where the reference would raise a safe-mode error (a relative IRI, a blank node predicate)
// this throws Unsupported and the reference runs instead.

// jsonld.js canonicalises @json literals with the `canonicalize` package: use that very one.
const jsonCanonicalize = createRequire(createRequire(import.meta.url).resolve('jsonld'))('canonicalize') as (
  value: unknown,
) => string;

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const RDF_TYPE = `${RDF}type`;
const RDF_FIRST = `${RDF}first`;
const RDF_REST = `${RDF}rest`;
const RDF_NIL = `${RDF}nil`;
const RDF_JSON = `${RDF}JSON`;
const RDF_LANGSTRING = `${RDF}langString`;
const XSD_BOOLEAN = `${XSD}boolean`;
const XSD_DOUBLE = `${XSD}double`;
const XSD_INTEGER = `${XSD}integer`;
const XSD_STRING = `${XSD}string`;

/** RDF terms in the shape rdf-canonize takes (RDF/JS without the methods). */
export type NamedNode = { termType: 'NamedNode'; value: string };
export type BlankNode = { termType: 'BlankNode'; value: string };
export type Literal = { termType: 'Literal'; value: string; datatype: NamedNode; language?: string };
export type DefaultGraph = { termType: 'DefaultGraph'; value: '' };
export type Term = NamedNode | BlankNode | Literal | DefaultGraph;
export type Quad = {
  subject: NamedNode | BlankNode;
  predicate: NamedNode;
  object: NamedNode | BlankNode | Literal;
  graph: NamedNode | BlankNode | DefaultGraph;
};

const DEFAULT_GRAPH: DefaultGraph = { termType: 'DefaultGraph', value: '' };
const named = (value: string): NamedNode => ({ termType: 'NamedNode', value });
const NIL = named(RDF_NIL);
const FIRST = named(RDF_FIRST);
const REST = named(RDF_REST);
const TYPE = named(RDF_TYPE);

/** Blank node labels in order of first use (`_:b0`, `_:b1`, …), as jsonld.js issues them. */
class BlankNodeIssuer {
  private readonly issued = new Map<string, string>();
  private counter = 0;
  id(old?: string): string {
    const existing = old === undefined ? undefined : this.issued.get(old);
    if (existing) return existing;
    const id = `_:b${this.counter++}`;
    if (old !== undefined) this.issued.set(old, id);
    return id;
  }
}

type Graphs = Map<string, Map<string, ExpandedNode>>;

const isObject = (value: unknown): value is ExpandedNode =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isValue = (value: unknown): value is ExpandedNode => isObject(value) && '@value' in value;
const isList = (value: unknown): value is ExpandedNode => isObject(value) && '@list' in value;
/** A node object or a node reference (jsonld.js `isSubject || isSubjectReference`): no @value, @set or @list. */
const isNode = (value: unknown): value is ExpandedNode =>
  isObject(value) && !('@value' in value || '@set' in value || '@list' in value);
/**
 * The name of a node in the node map: its @id, or for a blank node (jsonld.js `isBlankNode`: no
 * @id, or a blank node identifier) a label from the issuer, the same label for the same identifier.
 */
function nodeName(node: ExpandedNode, issuer: BlankNodeIssuer): string {
  const id = node['@id'];
  if (typeof id === 'string' && !id.startsWith('_:')) return id;
  return issuer.id(typeof id === 'string' ? id : undefined);
}

/** The RDF quads of expanded JSON-LD (the default graph, plus the named graphs of graph containers). */
export function toQuads(expanded: ExpandedNode[]): Quad[] {
  const issuer = new BlankNodeIssuer();
  const graphs: Graphs = new Map([['@default', new Map<string, ExpandedNode>()]]);
  createNodeMap(expanded, graphs, '@default', issuer);
  const quads: Quad[] = [];
  for (const [graphName, nodes] of graphs) {
    let graph: Quad['graph'];
    if (graphName === '@default') graph = DEFAULT_GRAPH;
    else if (isAbsoluteIri(graphName)) graph = makeTerm(graphName);
    else throw new Unsupported('a relative graph name');
    for (const [id, node] of nodes) graphToQuads(id, node, graph, issuer, quads);
  }
  return quads;
}

function makeTerm(id: string): NamedNode | BlankNode {
  return id.startsWith('_:') ? { termType: 'BlankNode', value: id.slice(2) } : named(id);
}

/** jsonld.js `createNodeMap`, for what the fast expansion produces (no @reverse, @included or @index). */
function createNodeMap(
  input: unknown,
  graphs: Graphs,
  graph: string,
  issuer: BlankNodeIssuer,
  name?: string,
  list?: unknown[],
): void {
  if (Array.isArray(input)) {
    for (const item of input) createNodeMap(item, graphs, graph, issuer, undefined, list);
    return;
  }
  if (!isObject(input)) {
    list?.push(input);
    return;
  }
  if (isValue(input)) {
    list?.push(input);
    return;
  }
  if (list && isList(input)) {
    const items: unknown[] = [];
    createNodeMap(input['@list'], graphs, graph, issuer, name, items);
    list.push({ '@list': items });
    return;
  }
  if (Array.isArray(input['@type']))
    for (const type of input['@type'] as string[]) if (type.startsWith('_:')) issuer.id(type);
  const subjectName = name ?? nodeName(input, issuer);
  list?.push({ '@id': subjectName });
  const subjects = graphs.get(graph)!;
  let subject = subjects.get(subjectName);
  if (!subject) {
    subject = {};
    subjects.set(subjectName, subject);
  }
  subject['@id'] = subjectName;
  // Sorted, as jsonld.js does: the order decides which of two values it counts as equal is kept
  // (`{"@value": "x"}` and the same with an @direction merge into whichever comes first).
  for (const property of Object.keys(input).sort()) {
    if (property === '@id') continue;
    if (property === '@graph') {
      if (!graphs.has(subjectName)) graphs.set(subjectName, new Map());
      createNodeMap(input['@graph'], graphs, subjectName, issuer);
      continue;
    }
    if (property !== '@type' && isKeyword(property)) throw new Unsupported(`${property} in a node`);
    const objects = input[property] as unknown[];
    if (objects.length === 0) {
      addValue(subject, property, [], true, true);
      continue;
    }
    for (const item of objects) {
      const object = property === '@type' && typeof item === 'string' && item.startsWith('_:') ? issuer.id(item) : item;
      if (isNode(object)) {
        if ('@id' in object && !object['@id']) continue;
        const id = nodeName(object, issuer);
        addValue(subject, property, { '@id': id }, true, false);
        createNodeMap(object, graphs, graph, issuer, id);
      } else if (isValue(object)) {
        addValue(subject, property, object, true, false);
      } else if (isList(object)) {
        const items: unknown[] = [];
        createNodeMap(object['@list'], graphs, graph, issuer, subjectName, items);
        addValue(subject, property, { '@list': items }, true, false);
      } else {
        addValue(subject, property, object, true, false);
      }
    }
  }
}

function graphToQuads(
  id: string,
  node: ExpandedNode,
  graph: Quad['graph'],
  issuer: BlankNodeIssuer,
  quads: Quad[],
): void {
  for (const property of Object.keys(node)) {
    if (property !== '@type' && isKeyword(property)) continue;
    const items = node[property] as unknown[];
    if (items.length === 0) continue;
    if (!isAbsoluteIri(id)) throw new Unsupported('a relative subject');
    const predicateIri = property === '@type' ? RDF_TYPE : property;
    if (!isAbsoluteIri(predicateIri)) throw new Unsupported('a relative predicate');
    if (predicateIri.startsWith('_:')) throw new Unsupported('a blank node predicate');
    const subject = makeTerm(id);
    const predicate = property === '@type' ? TYPE : named(predicateIri);
    for (const item of items)
      quads.push({ subject, predicate, object: objectToRdf(item, issuer, quads, graph), graph });
  }
}

const isDouble = (value: unknown): value is number =>
  typeof value === 'number' && (String(value).includes('.') || Math.abs(value) >= 1e21);

function literal(value: string, datatype: string, language?: string): Literal {
  return language === undefined
    ? { termType: 'Literal', value, datatype: named(datatype) }
    : { termType: 'Literal', value, datatype: named(datatype), language };
}

/** jsonld.js `_objectToRDF` with rdfDirection `i18n-datatype`. */
function objectToRdf(item: unknown, issuer: BlankNodeIssuer, quads: Quad[], graph: Quad['graph']): Quad['object'] {
  let object: Quad['object'];
  if (isValue(item)) {
    let value = item['@value'];
    const datatype = (item['@type'] as string | undefined) ?? null;
    if (datatype === '@json') {
      object = literal(jsonCanonicalize(value), RDF_JSON);
    } else if (typeof value === 'boolean') {
      object = literal(String(value), datatype ?? XSD_BOOLEAN);
    } else if (isDouble(value) || datatype === XSD_DOUBLE) {
      if (!isDouble(value)) value = Number.parseFloat(value as string);
      object = literal((value as number).toExponential(15).replace(/(\d)0*e\+?/, '$1E'), datatype ?? XSD_DOUBLE);
    } else if (typeof value === 'number') {
      object = literal(value.toFixed(0), datatype ?? XSD_INTEGER);
    } else if ('@direction' in item) {
      const language = typeof item['@language'] === 'string' ? item['@language'].toLowerCase() : '';
      object = literal(value as string, `https://www.w3.org/ns/i18n#${language}_${item['@direction'] as string}`);
    } else if ('@language' in item) {
      object = literal(value as string, datatype ?? RDF_LANGSTRING, item['@language'] as string);
    } else {
      object = literal(value as string, datatype ?? XSD_STRING);
    }
  } else if (isList(item)) {
    object = listToRdf(item['@list'] as unknown[], issuer, quads, graph);
  } else {
    const id = isObject(item) ? item['@id'] : item;
    if (typeof id !== 'string') throw new Unsupported('a node reference without an IRI');
    object = makeTerm(id);
  }
  if (object.termType === 'NamedNode' && !isAbsoluteIri(object.value)) throw new Unsupported('a relative object IRI');
  return object;
}

function listToRdf(
  list: unknown[],
  issuer: BlankNodeIssuer,
  quads: Quad[],
  graph: Quad['graph'],
): NamedNode | BlankNode {
  const last = list.pop();
  const head: NamedNode | BlankNode = last ? makeTerm(issuer.id()) : NIL;
  let subject = head;
  for (const item of list) {
    const object = objectToRdf(item, issuer, quads, graph);
    const next = makeTerm(issuer.id());
    quads.push({ subject, predicate: FIRST, object, graph }, { subject, predicate: REST, object: next, graph });
    subject = next;
  }
  if (last) {
    const object = objectToRdf(last, issuer, quads, graph);
    quads.push({ subject, predicate: FIRST, object, graph }, { subject, predicate: REST, object: NIL, graph });
  }
  return head;
}
