import { hash } from 'node:crypto';
import * as rdfCanonize from 'rdf-canonize';
import type { Quad } from './fast-to-rdf.js';

// RDFC-1.0 canonical N-Quads of a dataset. Most credentials need only the first step of the
// algorithm: every blank node gets a distinct first-degree hash, and the canonical labels follow
// from sorting those hashes. That step is done here; when two blank nodes hash alike (two
// identical results, say) the whole dataset goes to rdf-canonize, the reference implementation,
// which runs the rest of the algorithm. Lines are written as rdf-canonize writes them (same
// escapes), each quad's fixed parts once.

const RDF_LANGSTRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';

// rdf-canonize's escapes: UCHAR for what an IRI may not hold; ECHAR or UCHAR in literals.
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be escaped
const IRI_ESCAPE = /[\u0000-\u0020<>"{}|^`\\]/g;
// eslint-disable-next-line no-control-regex -- as above
const LITERAL_ESCAPE = /[\u0000-\u001F\u007F"\\]/g;
const uchar = (c: string): string => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
const ECHAR: Record<string, string> = {
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\f': '\\f',
  '\r': '\\r',
  '"': '\\"',
  '\\': '\\\\',
};

const escapedIris = new Map<string, string>();
/** `<iri>` with rdf-canonize's escapes, remembered (IRIs repeat: predicates, types, contexts' terms). */
function iriTerm(iri: string): string {
  let term = escapedIris.get(iri);
  if (term === undefined) {
    term = `<${IRI_ESCAPE.test(iri) ? iri.replace(IRI_ESCAPE, uchar) : iri}>`;
    IRI_ESCAPE.lastIndex = 0;
    if (escapedIris.size >= 5_000) escapedIris.clear();
    escapedIris.set(iri, term);
  }
  return term;
}

function literalText(value: string): string {
  const needsEscape = LITERAL_ESCAPE.test(value);
  LITERAL_ESCAPE.lastIndex = 0;
  return needsEscape ? value.replace(LITERAL_ESCAPE, (c) => ECHAR[c] ?? uchar(c)) : value;
}

/** A quad as text parts: blank nodes stay open (their label is written per use), the rest is fixed. */
type Line = { s: string; sBlank: boolean; po: string; o: string; oBlank: boolean; g: string; gBlank: boolean };

function lineOf({ subject, predicate, object, graph }: Quad): Line {
  let o: string;
  if (object.termType === 'NamedNode') o = iriTerm(object.value);
  else if (object.termType === 'BlankNode') o = object.value;
  else {
    o = `"${literalText(object.value)}"`;
    if (object.datatype.value === RDF_LANGSTRING) {
      if (object.language) o += `@${object.language}`;
    } else if (object.datatype.value !== XSD_STRING) {
      o += `^^${iriTerm(object.datatype.value)}`;
    }
  }
  return {
    s: subject.termType === 'NamedNode' ? iriTerm(subject.value) : subject.value,
    sBlank: subject.termType === 'BlankNode',
    po: ` ${iriTerm(predicate.value)} `,
    o,
    oBlank: object.termType === 'BlankNode',
    g: graph.termType === 'NamedNode' ? ` ${iriTerm(graph.value)}` : graph.value,
    gBlank: graph.termType === 'BlankNode',
  };
}

/** The N-Quad line with each blank node labelled by `label`. */
function write(line: Line, label: (id: string) => string): string {
  const s = line.sBlank ? `_:${label(line.s)}` : line.s;
  const o = line.oBlank ? `_:${label(line.o)}` : line.o;
  const g = line.gBlank ? ` _:${label(line.g)}` : line.g;
  return `${s}${line.po}${o}${g} .\n`;
}

/** The canonical N-Quads (RDFC-1.0, SHA-256) of `quads`. */
export async function canonicalNQuads(quads: Quad[]): Promise<string> {
  const lines = quads.map(lineOf);
  const linesOf = blankNodeLines(lines);
  if (linesOf.size === 0)
    return lines
      .map((line) => write(line, (id) => id))
      .sort()
      .join('');
  const labels = firstDegreeLabels(linesOf);
  if (!labels) return rdfCanonize.canonize(quads, { algorithm: 'RDFC-1.0' });
  const canonical = (id: string): string => labels.get(id)!;
  return lines
    .map((line) => write(line, canonical))
    .sort()
    .join('');
}

/** For each blank node, the lines it occurs in (each once, as rdf-canonize keeps quads in a Set). */
function blankNodeLines(lines: Line[]): Map<string, Line[]> {
  const map = new Map<string, Line[]>();
  const add = (id: string, line: Line): void => {
    const list = map.get(id);
    if (list) list.push(line);
    else map.set(id, [line]);
  };
  for (const line of lines) {
    if (line.sBlank) add(line.s, line);
    if (line.oBlank && !(line.sBlank && line.s === line.o)) add(line.o, line);
    if (line.gBlank && !(line.sBlank && line.s === line.g) && !(line.oBlank && line.o === line.g)) add(line.g, line);
  }
  return map;
}

/**
 * Canonical labels (`c14n0`, …) in order of first-degree hash, or undefined when two blank
 * nodes share a hash (then the N-degree step is needed). In the first-degree form the blank
 * node being hashed is `_:a` and every other one `_:z`.
 */
function firstDegreeLabels(linesOf: Map<string, Line[]>): Map<string, string> | undefined {
  const byHash = new Map<string, string>();
  for (const [id, lines] of linesOf) {
    const mark = (other: string): string => (other === id ? 'a' : 'z');
    // rdf-canonize hashes the sorted lines one after the other: the same as hashing them joined.
    const digest = hash(
      'sha256',
      lines
        .map((line) => write(line, mark))
        .sort()
        .join(''),
      'hex',
    );
    if (byHash.has(digest)) return undefined;
    byHash.set(digest, id);
  }
  const labels = new Map<string, string>();
  [...byHash.keys()].sort().forEach((hash, i) => labels.set(byHash.get(hash)!, `c14n${i}`));
  return labels;
}
