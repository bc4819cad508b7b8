import type { JsonObject } from '../util/json.js';
import { bundledContexts } from './bundled-contexts.js';
import { CONTEXT_URLS } from './context-urls.js';

/**
 * Cairn's two extensions (CPD hours, accreditation facts) travel as *embedded* JSON-LD contexts:
 * an object inside `@context`, which the VC 2.0 data model and the OB 3.0 schema both allow. A
 * verifier anywhere (the W3C reference library, a wallet) then reads them with only the standard
 * contexts it already has; nothing needs fetching from a Cairn address. The term definitions are
 * the same ones Cairn bundles under `https://cairn.dev/contexts/...`, which older credentials
 * name by URL and which therefore stay bundled for verification.
 */
function embeddedContextOf(url: string): JsonObject {
  const document = bundledContexts().get(url);
  const context = document?.['@context'];
  if (!context || typeof context !== 'object' || Array.isArray(context)) {
    throw new Error(`The bundled context ${url} has no single @context object`);
  }
  return context;
}

let cpd: JsonObject | undefined;
let accreditation: JsonObject | undefined;

/** `cpdHours` on an AchievementSubject (docs/cpd.md). */
export function cairnCpdContext(): JsonObject {
  cpd ??= embeddedContextOf(CONTEXT_URLS.cairnCpdV1);
  return structuredClone(cpd);
}

/** The Europass-like accreditation facts on an AchievementSubject (docs/accreditation.md). */
export function cairnAccreditationContext(): JsonObject {
  accreditation ??= embeddedContextOf(CONTEXT_URLS.cairnAccreditationV1);
  return structuredClone(accreditation);
}
