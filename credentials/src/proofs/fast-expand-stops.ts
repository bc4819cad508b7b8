// Why the fast expansion walk stops: it cannot answer (Unsupported), or it must first ask the loader (LoaderCheck).

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
export class LoaderCheck extends Error {
  constructor(readonly url: string) {
    super('context URL not checked yet');
  }
}

export type Walk = {
  /** Bundled context URLs the caller's loader was seen to serve unchanged. */
  readonly checkedUrls: ReadonlySet<string>;
};
