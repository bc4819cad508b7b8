// The signed inputs of the adversarial corpus, the parties that sign them, the verdict and the
// oracle that decides whether a mutation changed what the signature covers.
import { createHash } from 'node:crypto';
import {
  Bitstring,
  buildDidWebDocument,
  buildStatusEntry,
  buildStatusListCredential,
  canonicalizeJson,
  createDocumentLoader,
  createSigner,
  didKeyFromPublicKey,
  didKeyVerificationMethod,
  publicKeyFromSecret,
  referenceCanonicalizer,
  signCredential,
  signJwt,
  verifyCredential,
  type Cryptosuite,
  type JsonObject,
  type Signer,
  type VerificationResult,
} from '../../src/index.js';
import { decodeProofValue, withoutProof } from '../../src/proofs/data-integrity.js';
import { encodeSecretKey } from '../../src/keys/multikey.js';
import { asArray, isJsonObject } from '../../src/util/json.js';
import { sampleCredential } from '../helpers.js';

/** The clock every verification uses: after validFrom, before any validUntil. */
export const NOW = new Date('2026-01-01T00:00:00Z');
const SIGNED_AT = new Date('2025-01-15T09:00:00Z');

/** A party that can sign: its DID and a signer for one of its verification methods. */
export type Party = { did: string; signer: Signer };

// Keys derive from fixed seeds so a failing seed reproduces byte for byte.
function keysFrom(label: string): { publicKeyMultibase: string; secretKeyMultibase: string } {
  const secretKeyMultibase = encodeSecretKey(createHash('sha256').update(`cairn-fuzz:${label}`).digest());
  return { publicKeyMultibase: publicKeyFromSecret(secretKeyMultibase), secretKeyMultibase };
}

function didKeyParty(label: string): Party {
  const keys = keysFrom(label);
  const did = didKeyFromPublicKey(keys.publicKeyMultibase);
  return { did, signer: createSigner({ verificationMethod: didKeyVerificationMethod(did), ...keys }) };
}

function didWebParty(did: string, fragment: string, label: string): Party {
  return { did, signer: createSigner({ verificationMethod: `${did}#${fragment}`, ...keysFrom(label) }) };
}

const VICTIM_WEB = 'did:web:northwind.example';
const OTHER_WEB = 'did:web:summit.example';
const ATTACKER_WEB = 'did:web:attacker.example';

/** Everyone who signs something in the corpus. */
export const PARTIES = {
  /** The victim issuer, a did:key (like a small provider signing with one key). */
  victimKey: didKeyParty('victim-key'),
  /** The victim organisation, a did:web (like a Cairn organisation). */
  victimWeb: didWebParty(VICTIM_WEB, 'key-1', 'victim-web'),
  /** A key in the victim's DID document listed only under authentication, not assertionMethod. */
  victimAuthOnly: didWebParty(VICTIM_WEB, 'key-login', 'victim-web-auth'),
  /** A key in the victim's DID document whose controller is the other organisation. */
  victimDelegate: didWebParty(VICTIM_WEB, 'delegate', 'victim-web-delegate'),
  /** Another organisation with a did:web of its own, honest but not the issuer. */
  otherWeb: didWebParty(OTHER_WEB, 'key-1', 'other-web'),
  /** The attacker's own did:key. */
  attacker: didKeyParty('attacker'),
  /** A key in the attacker's did:web document that claims the victim as its controller. */
  attackerClaimsVictim: didWebParty(ATTACKER_WEB, 'claims-victim', 'attacker-web'),
} as const;

export type PartyName = keyof typeof PARTIES;

const method = (party: Party, controller: string): JsonObject => ({
  id: party.signer.verificationMethod,
  type: 'Multikey',
  controller,
  publicKeyMultibase: party.signer.publicKeyMultibase,
});

function didDocuments(): Record<string, JsonObject> {
  const { victimWeb, victimAuthOnly, victimDelegate, otherWeb, attackerClaimsVictim } = PARTIES;
  const victim = buildDidWebDocument({
    did: VICTIM_WEB,
    keys: [{ id: 'key-1', publicKeyMultibase: victimWeb.signer.publicKeyMultibase, isActive: true }],
  });
  victim.verificationMethod = [
    ...asArray(victim.verificationMethod),
    method(victimAuthOnly, VICTIM_WEB),
    method(victimDelegate, OTHER_WEB),
  ];
  victim.authentication = [...asArray(victim.authentication), victimAuthOnly.signer.verificationMethod];
  const other = buildDidWebDocument({
    did: OTHER_WEB,
    keys: [{ id: 'key-1', publicKeyMultibase: otherWeb.signer.publicKeyMultibase, isActive: true }],
  });
  // The other organisation vouches for the delegate key living in the victim's document.
  other.assertionMethod = [...asArray(other.assertionMethod), victimDelegate.signer.verificationMethod];
  const attacker: JsonObject = {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: ATTACKER_WEB,
    verificationMethod: [method(attackerClaimsVictim, VICTIM_WEB)],
    assertionMethod: [attackerClaimsVictim.signer.verificationMethod],
  };
  return { [VICTIM_WEB]: victim, [OTHER_WEB]: other, [ATTACKER_WEB]: attacker };
}

export const DID_DOCUMENTS = didDocuments();

/** The test's did:web resolver: the three documents above, nothing else. */
export const resolveDid = (did: string): Promise<unknown> => Promise.resolve(DID_DOCUMENTS[did]);
export const documentLoader = createDocumentLoader({ resolveDid });

/** Index whose bit is set in every issuer's revocation list, and one whose bit is clear. */
export const REVOKED_INDEX = 7;
export const ACTIVE_INDEX = 3;

export const LIST_URLS = {
  victimKey: 'https://acme.example/status/revocation',
  victimWeb: 'https://northwind.example/status/revocation',
  /** A second revocation list of the victim organisation, where REVOKED_INDEX is clear. */
  victimWebSecond: 'https://northwind.example/status/revocation-2',
  otherWeb: 'https://summit.example/status/revocation',
  attacker: 'https://attacker.example/status/revocation',
} as const;

type ListSpec = {
  url: string;
  issuer: Party;
  setIndexes: number[];
  purpose?: 'revocation' | 'suspension';
  validFrom?: Date;
  /** Raw list bytes, to build lists shorter than the spec allows. */
  bytes?: Uint8Array;
};

/** A signed BitstringStatusListCredential (what an issuer publishes). */
export async function signedStatusList({
  url,
  issuer,
  setIndexes,
  purpose = 'revocation',
  validFrom = SIGNED_AT,
  bytes,
}: ListSpec): Promise<JsonObject> {
  const bits = bytes ? new Bitstring({ bytes }) : new Bitstring();
  for (const index of setIndexes) bits.set(index, true);
  const list = buildStatusListCredential({
    id: url,
    issuer: issuer.did,
    statusPurpose: purpose,
    bitstring: bits,
    validFrom,
  });
  return signCredential({
    credential: list,
    signer: issuer.signer,
    cryptosuite: 'eddsa-rdfc-2022',
    documentLoader,
    now: SIGNED_AT,
  });
}

async function publishedLists(): Promise<Record<string, JsonObject>> {
  const { victimKey, victimWeb, otherWeb, attacker } = PARTIES;
  const specs: ListSpec[] = [
    { url: LIST_URLS.victimKey, issuer: victimKey, setIndexes: [REVOKED_INDEX] },
    { url: LIST_URLS.victimWeb, issuer: victimWeb, setIndexes: [REVOKED_INDEX] },
    { url: LIST_URLS.victimWebSecond, issuer: victimWeb, setIndexes: [] },
    { url: LIST_URLS.otherWeb, issuer: otherWeb, setIndexes: [] },
    { url: LIST_URLS.attacker, issuer: attacker, setIndexes: [] },
  ];
  const lists = await Promise.all(specs.map((spec) => signedStatusList(spec)));
  return Object.fromEntries(specs.map((spec, i) => [spec.url, lists[i]!]));
}

export type FetchStatusList = (url: string) => Promise<unknown>;

/** Serves the published lists; an unknown URL fails as an unreachable server would. */
export function fetchFrom(lists: Readonly<Record<string, unknown>>): FetchStatusList {
  return (url) =>
    url in lists ? Promise.resolve(structuredClone(lists[url])) : Promise.reject(new Error(`404 for ${url}`));
}

/** The verdict the brief defines: `verified` of the library's verifier with the test's I/O. */
export async function verify(credential: unknown, fetchStatusList: FetchStatusList): Promise<VerificationResult> {
  return verifyCredential({ credential, resolveDid, fetchStatusList, now: NOW });
}

export type Format = 'rdfc' | 'jcs' | 'jwt';
export type Kind = 'ob3' | 'clr' | 'endorsed';

/** One signed input of the corpus, with what built it so attacks can rebuild it. */
export type Subject = {
  name: string;
  format: Format;
  kind: Kind;
  issuer: 'victimKey' | 'victimWeb';
  isRevoked: boolean;
  /** The credential before signing (status entry included). */
  unsigned: JsonObject;
  /** The signed credential: an object for rdfc/jcs, a compact JWS for jwt. */
  signed: JsonObject | string;
  /** The verdict of the untouched input. */
  isVerified: boolean;
};

const SUITES: Record<Exclude<Format, 'jwt'>, Cryptosuite> = { rdfc: 'eddsa-rdfc-2022', jcs: 'eddsa-jcs-2022' };

/** Signs an unsigned credential in a format with a party's key. */
export async function signAs(unsigned: JsonObject, format: Format, party: Party): Promise<JsonObject | string> {
  if (format === 'jwt') return signJwt({ credential: unsigned, signer: party.signer });
  return signCredential({
    credential: unsigned,
    signer: party.signer,
    cryptosuite: SUITES[format],
    documentLoader,
    now: SIGNED_AT,
  });
}

// An entry's id is its list URL and index: two credentials sharing one would share one RDF node
// (their statements merge), which an issuer never does, so each embedded credential has its own.
function statusEntry(
  issuer: Subject['issuer'],
  isRevoked: boolean,
  index = isRevoked ? REVOKED_INDEX : ACTIVE_INDEX,
): JsonObject {
  return buildStatusEntry({ listUrl: LIST_URLS[issuer], index, purpose: 'revocation' });
}

function issuerProfile(party: Party, name: string): JsonObject {
  return { id: party.did, type: ['Profile'], name, url: 'https://issuer.example' };
}

/** An OB 3.0 AchievementCredential of an issuer, with a revocation entry. */
export function ob3Credential(
  issuer: Subject['issuer'],
  isRevoked: boolean,
  id: string,
  statusIndex?: number,
): JsonObject {
  const party = PARTIES[issuer];
  return sampleCredential(party.did, {
    id,
    issuer: issuerProfile(party, issuer === 'victimWeb' ? 'Northwind Academy' : 'Acme Training'),
    credentialStatus: statusEntry(issuer, isRevoked, statusIndex),
  });
}

async function endorsement(): Promise<JsonObject> {
  const { otherWeb } = PARTIES;
  const unsigned: JsonObject = {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
    ],
    id: 'urn:uuid:5d1a8c8e-7f0b-4a77-9d0e-endorsement01',
    type: ['VerifiableCredential', 'EndorsementCredential'],
    name: 'Summit Skills Institute endorses Safe Lifting Practices',
    issuer: issuerProfile(otherWeb, 'Summit Skills Institute'),
    validFrom: '2025-01-10T00:00:00Z',
    credentialSubject: {
      id: 'https://acme.example/achievements/safe-lifting',
      type: ['EndorsementSubject'],
      endorsementComment: 'Meets our warehouse standard.',
    },
  };
  return signCredential({
    credential: unsigned,
    signer: otherWeb.signer,
    cryptosuite: 'eddsa-rdfc-2022',
    documentLoader,
    now: SIGNED_AT,
  });
}

/** A CLR 2.0 credential embedding two signed credentials (one rdfc, one jcs). */
async function clrCredential(isRevoked: boolean): Promise<JsonObject> {
  const first = await signAs(
    ob3Credential('victimKey', false, 'urn:uuid:0e5c1f52-embedded-0001', 11),
    'rdfc',
    PARTIES.victimKey,
  );
  const second = await signAs(
    ob3Credential('victimWeb', false, 'urn:uuid:0e5c1f52-embedded-0002', 12),
    'jcs',
    PARTIES.victimWeb,
  );
  const achievementOf = (vc: JsonObject | string): JsonObject =>
    ((vc as JsonObject).credentialSubject as JsonObject).achievement as JsonObject;
  return {
    '@context': [
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
    ],
    id: 'urn:uuid:7c0f9d7e-clr-0001',
    type: ['VerifiableCredential', 'ClrCredential'],
    name: 'Warehouse Operations Pathway',
    issuer: issuerProfile(PARTIES.victimWeb, 'Northwind Academy'),
    validFrom: '2025-01-15T09:00:00Z',
    credentialSubject: {
      type: ['ClrSubject'],
      identifier: [
        { type: 'IdentityObject', hashed: false, identityType: 'emailAddress', identityHash: 'learner@example.org' },
      ],
      verifiableCredential: [first, second],
      achievement: [
        { ...achievementOf(first), id: 'https://acme.example/achievements/safe-lifting-1' },
        { ...achievementOf(second), id: 'https://acme.example/achievements/safe-lifting-2' },
      ],
    },
    credentialStatus: statusEntry('victimWeb', isRevoked),
  };
}

async function buildSubject(
  spec: Omit<Subject, 'signed' | 'isVerified' | 'name'>,
  fetchStatusList: FetchStatusList,
): Promise<Subject> {
  const signed = await signAs(spec.unsigned, spec.format, PARTIES[spec.issuer]);
  const name = `${spec.kind}/${spec.format}/${spec.issuer === 'victimWeb' ? 'did:web' : 'did:key'}/${spec.isRevoked ? 'revoked' : 'active'}`;
  const { verified } = await verify(signed, fetchStatusList);
  return { ...spec, name, signed, isVerified: verified };
}

export type Corpus = {
  subjects: Subject[];
  /** The lists as published, by URL. */
  lists: Record<string, JsonObject>;
  fetchStatusList: FetchStatusList;
};

let built: Promise<Corpus> | undefined;

/**
 * Builds every input once per test file: OB 3.0 in rdfc, jcs and VC-JWT for a did:key and a
 * did:web issuer, a CLR embedding two signed credentials, a credential carrying a signed
 * endorsement; each revoked and not revoked.
 */
export function corpus(): Promise<Corpus> {
  built ??= (async () => {
    const lists = await publishedLists();
    const fetchStatusList = fetchFrom(lists);
    const specs: Omit<Subject, 'signed' | 'isVerified' | 'name'>[] = [];
    for (const isRevoked of [false, true]) {
      for (const issuer of ['victimKey', 'victimWeb'] as const) {
        for (const format of ['rdfc', 'jcs', 'jwt'] as const) {
          specs.push({
            format,
            kind: 'ob3',
            issuer,
            isRevoked,
            unsigned: ob3Credential(issuer, isRevoked, `urn:uuid:2f3e1c0a-${format}-${issuer}`),
          });
        }
      }
      specs.push({
        format: 'rdfc',
        kind: 'clr',
        issuer: 'victimWeb',
        isRevoked,
        unsigned: await clrCredential(isRevoked),
      });
      specs.push({
        format: 'rdfc',
        kind: 'endorsed',
        issuer: 'victimKey',
        isRevoked,
        unsigned: {
          ...ob3Credential('victimKey', isRevoked, 'urn:uuid:2f3e1c0a-endorsed'),
          endorsement: [await endorsement()],
        },
      });
    }
    const subjects = await Promise.all(specs.map((spec) => buildSubject(spec, fetchStatusList)));
    return { subjects, lists, fetchStatusList };
  })();
  return built;
}

// Most mutations leave the proof options alone: canonicalise each distinct one once.
const proofCanons = new Map<string, Promise<string>>();
function proofOptionsCanon(options: JsonObject): Promise<string> {
  const key = JSON.stringify(options);
  let canon = proofCanons.get(key);
  if (!canon) {
    if (proofCanons.size > 500) proofCanons.clear();
    canon = referenceCanonicalizer.canonize(options, { documentLoader });
    proofCanons.set(key, canon);
  }
  return canon;
}

/**
 * What the signature covers, as a string to compare: for rdfc the canonical N-Quads of the
 * document without its proof (the library's canonicalizer) plus each proof's options and
 * signature bytes; for jcs the same with JCS bytes; for a JWT the token itself. `undefined` when
 * the mutated document cannot be canonicalised at all (it then cannot carry the old meaning).
 */
export async function signedMeaning(credential: unknown, format: Format): Promise<string | undefined> {
  if (format === 'jwt') return typeof credential === 'string' ? credential : JSON.stringify(credential);
  if (!isJsonObject(credential)) return undefined;
  try {
    const document = withoutProof(credential);
    const proofs = asArray(credential.proof).map((proof) => {
      if (!isJsonObject(proof)) return JSON.stringify(proof);
      const { proofValue, ...options } = proof;
      let signature: string;
      try {
        signature = Buffer.from(decodeProofValue(proofValue)).toString('hex');
      } catch {
        signature = `unreadable:${JSON.stringify(proofValue)}`;
      }
      return { options, signature };
    });
    if (format === 'jcs') {
      return JSON.stringify([
        canonicalizeJson(document),
        proofs.map((p) => (typeof p === 'string' ? p : [canonicalizeJson(p.options), p.signature])),
      ]);
    }
    const canon = (doc: JsonObject): Promise<string> => referenceCanonicalizer.canonize(doc, { documentLoader });
    const proofParts = await Promise.all(
      proofs.map(async (p) =>
        typeof p === 'string'
          ? p
          : [await proofOptionsCanon({ '@context': document['@context'] ?? null, ...p.options }), p.signature],
      ),
    );
    return JSON.stringify([await canon(document), proofParts]);
  } catch {
    return undefined;
  }
}

/**
 * The signed meaning of each untouched input, computed once per subject however many mutations
 * of it are drawn (canonicalisation is the costly part of the oracle).
 */
export function originalMeanings(): (subject: Subject) => Promise<string | undefined> {
  const meanings = new Map<Subject, Promise<string | undefined>>();
  return (subject) => {
    let meaning = meanings.get(subject);
    if (!meaning) meanings.set(subject, (meaning = signedMeaning(subject.signed, subject.format)));
    return meaning;
  };
}
