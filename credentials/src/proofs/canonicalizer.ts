import jsonld from 'jsonld';
import * as rdfCanonize from 'rdf-canonize';
import type { DocumentLoader } from '../contexts/document-loader.js';
import type { JsonObject } from '../util/json.js';
import { withProofOptionsShortcut } from './proof-options-canonicalizer.js';

/**
 * RDF Dataset Canonicalization (RDFC-1.0) of a JSON-LD document to canonical N-Quads. Kept behind
 * this one type because it is most of the cost of eddsa-rdfc-2022: a faster implementation can
 * replace the reference one without touching the proof code.
 */
export type Canonicalizer = {
  readonly name: string;
  canonize(document: JsonObject, options: { documentLoader: DocumentLoader }): Promise<string>;
};

/**
 * The reference implementation (jsonld.js + rdf-canonize), in safe mode: a term that does not
 * map to an IRI is an error rather than silently dropped (it would be left unsigned).
 */
export const referenceCanonicalizer: Canonicalizer = {
  name: 'jsonld+rdf-canonize',
  async canonize(document, { documentLoader }) {
    const dataset = await jsonld.toRDF(document, {
      documentLoader,
      safe: true,
      base: null,
      rdfDirection: 'i18n-datatype',
      produceGeneralizedRdf: false,
    });
    return rdfCanonize.canonize(dataset, { algorithm: 'RDFC-1.0' });
  },
};

/**
 * The reference implementation with proof options (a fixed shape) written directly: the default
 * before the fast path (`defaultCanonicalizer` in fast-canonicalizer.ts), kept for comparison.
 */
export const jsonldCanonicalizer: Canonicalizer = withProofOptionsShortcut(referenceCanonicalizer);
