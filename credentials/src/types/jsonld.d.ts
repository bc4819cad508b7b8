// Minimal typings for the untyped reference JSON-LD stack: only what Cairn calls.
declare module 'jsonld' {
  type Loader = (url: string) => Promise<{ contextUrl: string | null; documentUrl: string; document: unknown }>;
  type Options = { documentLoader?: Loader; safe?: boolean; base?: string | null; [option: string]: unknown };
  const jsonld: {
    toRDF(input: object, options?: Options): Promise<unknown>;
    canonize(input: object, options?: Options): Promise<string>;
    expand(input: object, options?: Options): Promise<object[]>;
  };
  export default jsonld;
}
