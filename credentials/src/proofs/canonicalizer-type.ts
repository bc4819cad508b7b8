import type { DocumentLoader } from '../contexts/document-loader.js';
import type { JsonObject } from '../util/json.js';

/**
 * RDF Dataset Canonicalization (RDFC-1.0) of a JSON-LD document to canonical N-Quads. Kept behind
 * this one type because it is most of the cost of eddsa-rdfc-2022: a faster implementation can
 * replace the reference one without touching the proof code.
 */
export type Canonicalizer = {
  readonly name: string;
  canonize(document: JsonObject, options: { documentLoader: DocumentLoader }): Promise<string>;
};
