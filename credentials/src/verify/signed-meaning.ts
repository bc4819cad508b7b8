import type { DocumentLoader } from '../contexts/document-loader.js';
import { expandUnsecured } from '../proofs/fast-canonicalizer.js';
import { isJsonObject, type JsonObject } from '../util/json.js';

/**
 * What a credential says, read from its JSON-LD expanded form under the bundled contexts rather
 * than from its JSON shape. An `eddsa-rdfc-2022` signature covers the RDF meaning, not the JSON:
 * `"statusPurpose": ["revocation"]`, `{"@value": "revocation"}` or an expanded IRI as a key all
 * sign the same. Everything Cairn decides on (issuer, status entries, dates, subject, achievement)
 * is therefore taken from here, where those spellings are one and the same.
 */
export type SignedFacts = {
  id: string | undefined;
  /** Types as short names for the vocabularies Cairn knows, full IRIs otherwise. */
  types: string[];
  issuerId: string | undefined;
  validFrom: string | undefined;
  validUntil: string | undefined;
  /** VC 1.1 dates, read for VC 1.1 credentials only. */
  issuanceDate: string | undefined;
  expirationDate: string | undefined;
  subjects: SubjectFacts[];
  statusEntries: StatusEntryFacts[];
  /** Credentials embedded in a CLR subject (objects or VC-JWT strings). */
  embeddedCredentialCount: number;
  /** Endorsements on the credential, its issuer, its achievement and the achievement's creator. */
  endorsementCount: number;
};

export type SubjectFacts = {
  id: string | undefined;
  types: string[];
  /** OB 3.0 IdentityObjects, in the JSON shape the identity helpers take. */
  identifiers: JsonObject[];
  achievement: AchievementFacts | undefined;
  creditsEarned: number | undefined;
};

export type AchievementFacts = {
  id: string | undefined;
  types: string[];
  achievementType: string | undefined;
  creditsAvailable: number | undefined;
  /** `targetUrl` of each alignment. */
  alignmentTargets: string[];
};

export type StatusEntryFacts = {
  id: string | undefined;
  types: string[];
  purpose: string | undefined;
  index: string | undefined;
  size: number | undefined;
  listCredential: string | undefined;
};

/** Thrown when the credential's meaning cannot be read unambiguously; the message says why. */
export class SignedMeaningError extends Error {
  override name = 'SignedMeaningError';
}

const CRED = 'https://www.w3.org/2018/credentials#';
const OB = 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#';
const CLR = 'https://purl.imsglobal.org/spec/vc/clr/vocab.html#';
const STATUS = 'https://www.w3.org/ns/credentials/status#';
const SEC = 'https://w3id.org/security#';
// The extensions context maps 1EdTechRevocationList into the fragment of this URL.
const ONE_EDTECH_STATUS = 'https://purl.imsglobal.org/spec/vcrl/v1p0/context.json#';

/** Prefixes whose terms are shown by their short name (`AchievementCredential`, …). */
const SHORT_NAME_PREFIXES = [CRED, OB, CLR, STATUS, SEC, ONE_EDTECH_STATUS];

const P = {
  issuer: `${CRED}issuer`,
  validFrom: `${CRED}validFrom`,
  validUntil: `${CRED}validUntil`,
  issuanceDate: `${CRED}issuanceDate`,
  expirationDate: `${CRED}expirationDate`,
  credentialSubject: `${CRED}credentialSubject`,
  credentialStatus: `${CRED}credentialStatus`,
  statusPurpose: `${STATUS}statusPurpose`,
  statusListIndex: `${STATUS}statusListIndex`,
  statusSize: `${STATUS}statusSize`,
  statusListCredential: `${STATUS}statusListCredential`,
  achievement: `${OB}achievement`,
  achievementType: `${OB}achievementType`,
  identifier: `${OB}identifier`,
  clrIdentifier: `${CLR}identifier-1`,
  identityHash: `${OB}identityHash`,
  identityType: `${OB}identityType`,
  hashed: `${OB}hashed`,
  salt: `${OB}salt`,
  creditsEarned: `${OB}creditsEarned`,
  creditsAvailable: `${OB}creditsAvailable`,
  alignment: `${OB}alignment`,
  // The OB 3.0 context maps Alignment's targetUrl to schema.org, not to its own vocabulary.
  targetUrl: 'https://schema.org/targetUrl',
  endorsement: `${OB}endorsement`,
  creator: `${OB}creator`,
  clrVerifiableCredential: `${CLR}verifiableCredential`,
  clrAchievement: `${CLR}achievement`,
} as const;

type Node = Record<string, unknown>;

/** The short name of a type IRI in a vocabulary Cairn knows, else the IRI itself. */
export function shortTypeName(iri: string): string {
  for (const prefix of SHORT_NAME_PREFIXES) {
    if (iri.startsWith(prefix) && iri.length > prefix.length && !iri.slice(prefix.length).includes('/'))
      return iri.slice(prefix.length);
  }
  return iri;
}

/**
 * Expands `document` (without its proof) under the given loader, in safe mode, and reads the
 * facts. Throws SignedMeaningError when the document is not JSON-LD Cairn can read, or when a
 * fact that must be single (issuer, dates, a status entry's purpose, …) has several values.
 */
export async function readSignedFacts(document: JsonObject, documentLoader: DocumentLoader): Promise<SignedFacts> {
  let expanded: unknown;
  try {
    // The fast path where it applies (it falls back to jsonld.js itself, with the same result),
    // kept for the signature check that follows.
    expanded = await expandUnsecured(document, documentLoader);
  } catch (error) {
    throw new SignedMeaningError(`Its JSON-LD could not be read: ${jsonldReason(error)}`);
  }
  const nodes = Array.isArray(expanded) ? expanded.filter(isNode) : [];
  if (nodes.length !== 1)
    throw new SignedMeaningError(`It describes ${nodes.length} top-level things; a credential is exactly one`);
  return factsOfCredential(nodes[0]!);
}

function factsOfCredential(node: Node): SignedFacts {
  const subjects = nodesOf(node, P.credentialSubject).map(factsOfSubject);
  const issuers = valuesOf(node, P.issuer);
  if (issuers.length > 1) throw new SignedMeaningError('It names more than one issuer');
  const achievementNodes = subjects.flatMap((s) => (s.achievementNode ? [s.achievementNode] : []));
  const issuerNode = issuers[0] !== undefined && isNode(issuers[0]) ? issuers[0] : undefined;
  const endorsementHolders = [
    node,
    ...(issuerNode ? [issuerNode] : []),
    ...achievementNodes,
    ...achievementNodes.flatMap((a) => nodesOf(a, P.creator)),
  ];
  return {
    id: idOfNode(node),
    types: typesOfNode(node),
    issuerId: issuers[0] === undefined ? undefined : iriOf(issuers[0], 'issuer'),
    validFrom: singleLiteral(node, P.validFrom, 'validFrom'),
    validUntil: singleLiteral(node, P.validUntil, 'validUntil'),
    issuanceDate: singleLiteral(node, P.issuanceDate, 'issuanceDate'),
    expirationDate: singleLiteral(node, P.expirationDate, 'expirationDate'),
    subjects: subjects.map((s) => s.facts),
    statusEntries: nodesOf(node, P.credentialStatus).map(factsOfStatusEntry),
    embeddedCredentialCount: subjects.reduce((n, s) => n + s.embedded, 0),
    endorsementCount: endorsementHolders.reduce((n, holder) => n + valuesOf(holder, P.endorsement).length, 0),
  };
}

function factsOfSubject(node: Node): { facts: SubjectFacts; achievementNode: Node | undefined; embedded: number } {
  const achievements = nodesOf(node, P.achievement);
  if (achievements.length > 1) throw new SignedMeaningError('Its subject names more than one achievement');
  const achievementNode = achievements[0];
  return {
    facts: {
      id: idOfNode(node),
      types: typesOfNode(node),
      identifiers: [...nodesOf(node, P.identifier), ...nodesOf(node, P.clrIdentifier)].map(identityOf),
      achievement: achievementNode ? factsOfAchievement(achievementNode) : undefined,
      creditsEarned: singleNumber(node, P.creditsEarned, 'creditsEarned'),
    },
    achievementNode,
    embedded: valuesOf(node, P.clrVerifiableCredential).length,
  };
}

function factsOfAchievement(node: Node): AchievementFacts {
  return {
    id: idOfNode(node),
    types: typesOfNode(node),
    achievementType: singleLiteral(node, P.achievementType, 'achievementType'),
    creditsAvailable: singleNumber(node, P.creditsAvailable, 'creditsAvailable'),
    alignmentTargets: nodesOf(node, P.alignment).flatMap((a) => {
      const target = singleLiteral(a, P.targetUrl, 'targetUrl');
      return target === undefined ? [] : [target];
    }),
  };
}

function factsOfStatusEntry(node: Node): StatusEntryFacts {
  const index = singleLiteralValue(node, P.statusListIndex, 'statusListIndex');
  const lists = valuesOf(node, P.statusListCredential);
  if (lists.length > 1) throw new SignedMeaningError('A status entry names more than one status list');
  return {
    id: idOfNode(node),
    types: typesOfNode(node),
    purpose: singleLiteral(node, P.statusPurpose, 'statusPurpose'),
    index:
      index === undefined
        ? undefined
        : typeof index === 'number'
          ? String(index)
          : typeof index === 'string'
            ? index
            : '',
    size: singleNumber(node, P.statusSize, 'statusSize'),
    listCredential: lists[0] === undefined ? undefined : iriOf(lists[0], 'statusListCredential'),
  };
}

/** An OB 3.0 IdentityObject in JSON form, from its expanded node. */
function identityOf(node: Node): JsonObject {
  const out: JsonObject = { type: 'IdentityObject' };
  const hash = singleLiteral(node, P.identityHash, 'identityHash');
  const identityType = singleLiteral(node, P.identityType, 'identityType');
  const hashed = singleLiteralValue(node, P.hashed, 'hashed');
  const salt = singleLiteral(node, P.salt, 'salt');
  if (hash !== undefined) out.identityHash = hash;
  if (identityType !== undefined) out.identityType = identityType;
  if (typeof hashed === 'boolean') out.hashed = hashed;
  else if (hashed === 'true' || hashed === 'false') out.hashed = hashed === 'true';
  if (salt !== undefined) out.salt = salt;
  return out;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valuesOf(node: Node, property: string): unknown[] {
  const value = node[property];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The node objects of a property; values that are not nodes (literals) are refused. */
function nodesOf(node: Node, property: string): Node[] {
  return valuesOf(node, property).map((value) => {
    if (!isNode(value) || '@value' in value)
      throw new SignedMeaningError(`${shortTypeName(property)} is a plain value where an object was expected`);
    if ('@list' in value || '@graph' in value)
      throw new SignedMeaningError(`${shortTypeName(property)} is a list or a graph where an object was expected`);
    return value;
  });
}

function idOfNode(node: Node): string | undefined {
  const id = node['@id'];
  return typeof id === 'string' && !id.startsWith('_:') ? id : undefined;
}

function typesOfNode(node: Node): string[] {
  return valuesOf(node, '@type')
    .filter((t): t is string => typeof t === 'string')
    .map(shortTypeName);
}

/** The IRI a property points to: `{"@id": …}`, or a node with an @id. */
function iriOf(value: unknown, name: string): string {
  if (isNode(value)) {
    const id = value['@id'];
    if (typeof id === 'string' && !id.startsWith('_:')) return id;
    if ('@value' in value && typeof value['@value'] === 'string') {
      throw new SignedMeaningError(`${name} is written as a text value, not an identifier`);
    }
  }
  throw new SignedMeaningError(`${name} has no identifier`);
}

function singleLiteralValue(node: Node, property: string, name: string): unknown {
  const values = valuesOf(node, property);
  if (values.length === 0) return undefined;
  if (values.length > 1) throw new SignedMeaningError(`${name} has ${values.length} values; one is expected`);
  const [value] = values;
  if (!isNode(value) || !('@value' in value)) throw new SignedMeaningError(`${name} is not a plain value`);
  return value['@value'];
}

function singleLiteral(node: Node, property: string, name: string): string | undefined {
  const value = singleLiteralValue(node, property, name);
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new SignedMeaningError(`${name} is not text`);
  return value;
}

function singleNumber(node: Node, property: string, name: string): number | undefined {
  const value = singleLiteralValue(node, property, name);
  if (value === undefined) return undefined;
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)
        ? Number(value)
        : Number.NaN;
  if (!Number.isFinite(number)) throw new SignedMeaningError(`${name} is not a number`);
  return number;
}

function jsonldReason(error: unknown): string {
  if (!isJsonObject(error) && !(error instanceof Error)) return String(error);
  const e = error as { message?: string; details?: { event?: { message?: string }; cause?: { message?: string } } };
  const detail = e.details?.event?.message ?? e.details?.cause?.message;
  return detail ? `${e.message ?? 'error'} (${detail})` : (e.message ?? 'unknown error');
}
