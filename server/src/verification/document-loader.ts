import { createDocumentLoader } from '@cairn/credentials';

/**
 * The JSON-LD loader for signing: bundled contexts only. It never fetches; anything it does
 * not hold is an error. Verification builds its own, with a DID resolver.
 */
export const documentLoader = createDocumentLoader();
