declare module 'rdf-canonize' {
  export function canonize(
    dataset: unknown,
    options: { algorithm: 'RDFC-1.0'; format?: 'application/n-quads'; [option: string]: unknown },
  ): Promise<string>;
}
