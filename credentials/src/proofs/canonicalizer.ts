import jsonld from 'jsonld';
import * as rdfCanonize from 'rdf-canonize';
import type { Canonicalizer } from './canonicalizer-type.js';
import { withProofOptionsShortcut } from './proof-options-canonicalizer.js';

export type { Canonicalizer } from './canonicalizer-type.js';

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
