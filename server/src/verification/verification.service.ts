import {
  decodeJwt,
  didKeyDocument,
  didWebFromUrl,
  isCompactJwt,
  type PresentationVerificationResult,
  type VerificationResult,
} from '@cairn/credentials';
import type { Deps } from '../deps.js';
import { createFreshIssuerLookups, createIssuerLookups, type IssuerLookups, type IssuerState } from './issuer-state.js';
import { checkRecognition, type KnownIssuer, type RecognitionReport, type VerifyOne } from './recognition-checks.js';
import { ioKey, type IoAnswerValue, type IoKind } from './verify-io.js';
import { verifyPool, type VerifyIo, type VerifyJob, type VerifyOutcome } from './verify-pool.js';

export { MAX_UPLOAD_BYTES, readCredentialFile } from './credential-file.js';

type JsonObject = Record<string, unknown>;

export type CredentialSummary = {
  issuerName: string | null;
  issuerId: string | null;
  achievementName: string | null;
  achievementDescription: string | null;
  achievementType: string | null;
  image: string | null;
  recipient: string | null;
  validFrom: string | null;
  validUntil: string | null;
};

export type PresentedVerification = Pick<VerificationResult, 'verified' | 'checks' | 'warnings' | 'errors'> & {
  summary: CredentialSummary | null;
} & RecognitionReport;

/**
 * Resolves Cairn's own did:web issuers from the database, and any did:key (organisations' own
 * included) from the key itself. Anything else is refused rather than fetched: the server makes
 * no network request while verifying. Given one verification's `issuers`, each issuer is read
 * once for it; without, on every call (the resolver may be kept for many verifications).
 */
export function createLocalResolver(deps: Deps, issuers: IssuerLookups = createFreshIssuerLookups(deps)) {
  const ownPrefix = ownIssuerPrefix(deps);
  return async (did: string) => {
    if (did.startsWith('did:key:')) return didKeyDocument(did);
    if (!did.startsWith(ownPrefix)) {
      throw new Error(
        `${did} is not an issuer on this Cairn; this server resolves only its own did:web issuers and did:key, without network access`,
      );
    }
    const org = await issuers.issuer(did.slice(ownPrefix.length));
    if (!org) throw new Error(`No issuer ${did} on this Cairn`);
    return org.didDocument();
  };
}

/** The start of every did:web of this Cairn's organisations (`did:web:<host>:orgs:<slug>`). */
function ownIssuerPrefix(deps: Deps): string {
  const origin = deps.publicUrl.origin;
  let prefix = issuerPrefixes.get(origin);
  if (prefix === undefined) {
    prefix = `${didWebFromUrl(origin, [])}:orgs:`;
    issuerPrefixes.set(origin, prefix);
  }
  return prefix;
}
const issuerPrefixes = new Map<string, string>();

/** This Cairn's organisation whose did:web is exactly `did`, through the verification's lookups. */
async function ownIssuer(
  deps: Deps,
  issuers: IssuerLookups,
  did: string | undefined,
): Promise<IssuerState | undefined> {
  const prefix = ownIssuerPrefix(deps);
  if (!did?.startsWith(prefix)) return undefined;
  const org = await issuers.issuer(did.slice(prefix.length)).catch(() => undefined);
  return org?.did === did ? org : undefined;
}

/**
 * Serves this Cairn's published status lists from the database. List numbers are unique per
 * organisation across its did:web and did:key lists, so one path names one list, signed by the
 * identifier whose credentials it answers for.
 */
export function createLocalStatusListFetcher(deps: Deps) {
  const fetchText = createLocalStatusListTextFetcher(deps);
  return async (url: string): Promise<JsonObject> => JSON.parse(await fetchText(url)) as JsonObject;
}

/**
 * The same, as the stored JSON text: passed to a verify worker as it is (a string costs less to
 * pass between threads than an object), parsed there.
 */
function createLocalStatusListTextFetcher(deps: Deps, issuers: IssuerLookups = createFreshIssuerLookups(deps)) {
  return async (url: string): Promise<string> => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error(`The status list URL ${url} is not a URL`);
    }
    const match = /^\/orgs\/([a-z0-9-]+)\/status\/(\d+)\/(revocation|suspension)$/.exec(parsed.pathname);
    if (parsed.origin !== deps.publicUrl.origin || !match) {
      throw new Error(`The status list ${url} is not published by this Cairn and is not fetched`);
    }
    const org = await issuers.issuer(match[1]!);
    const text = org && (await org.statusList(Number(match[2]), match[3] as 'revocation' | 'suspension'));
    if (!text) throw new Error(`No status list at ${url}`);
    return text;
  };
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** What a person wants to see first: who issued what to whom, and when. */
export function summarise(credential: JsonObject | undefined): CredentialSummary | null {
  if (!credential) return null;
  const issuer = credential.issuer;
  const issuerObject = typeof issuer === 'object' && issuer !== null ? (issuer as JsonObject) : undefined;
  const subject = (
    Array.isArray(credential.credentialSubject) ? credential.credentialSubject[0] : credential.credentialSubject
  ) as JsonObject | undefined;
  const achievement = subject?.achievement as JsonObject | undefined;
  const image = achievement?.image ?? credential.image;
  const identifier = Array.isArray(subject?.identifier) ? (subject.identifier[0] as JsonObject | undefined) : undefined;
  return {
    issuerName: str(issuerObject?.name),
    issuerId: typeof issuer === 'string' ? issuer : str(issuerObject?.id),
    achievementName: str(achievement?.name) ?? str(credential.name),
    achievementDescription: str(achievement?.description) ?? str(credential.description),
    achievementType: str(achievement?.achievementType),
    image: typeof image === 'string' ? image : str((image as JsonObject | undefined)?.id),
    recipient:
      str(subject?.name) ?? (identifier?.hashed === false ? str(identifier.identityHash) : null) ?? str(subject?.id),
    validFrom: str(credential.validFrom) ?? str(credential.issuanceDate),
    validUntil: str(credential.validUntil) ?? str(credential.expirationDate),
  };
}

export type VerifyOptions = {
  credential: JsonObject | string;
  recipientEmail?: string;
  expectedProof?: { challenge?: string; domain?: string };
};

function presented(
  result: VerificationResult,
  recognition: RecognitionReport = { accreditations: [], endorsements: [] },
): PresentedVerification {
  return {
    verified: result.verified,
    checks: result.checks,
    warnings: result.warnings,
    errors: result.errors,
    summary: summarise(result.credential),
    ...recognition,
  };
}

/** Verifies one more credential (an embedded endorsement, an accreditation) in the pool, with local I/O. */
function verifierOf(deps: Deps, io: VerifyIo): VerifyOne {
  return async (credential) =>
    (
      await verifyPool().verify({
        job: { source: 'credential', credential },
        io,
        prefetch: prefetchFor(deps, io, credential),
        now: deps.clock(),
      })
    ).result;
}

/** Own DIDs and status lists from the database: what a verification of a presented credential may reach. */
function localIo(deps: Deps): VerifyIo & { ownIssuer: KnownIssuer } {
  const issuers = createIssuerLookups(deps);
  return {
    resolveDid: createLocalResolver(deps, issuers),
    fetchStatusList: createLocalStatusListTextFetcher(deps, issuers),
    ownIssuer: (did) => ownIssuer(deps, issuers, did),
  };
}

// A credential names a handful of DIDs and lists at most; more is not looked up ahead.
const MAX_PREFETCHED = 4;

/**
 * Looks up, through `io`, the issuer DID and status lists a credential's JSON names, for the
 * worker to find ready (`VerifyRequest.prefetch`). A guess from the JSON shape, never trusted
 * as such: the worker reads the signed meaning and asks for whatever else it needs; an answer
 * here is exactly the one it would get by asking. A failed lookup is passed on as its error.
 */
function prefetchFor(
  deps: Deps,
  io: VerifyIo,
  credential: JsonObject | string,
): () => Promise<Record<string, IoAnswerValue>> {
  return async () => {
    const { dids, lists } = namedLookups(credential);
    const own = ownIssuerPrefix(deps);
    const lookups: [IoKind, string][] = [
      ...dids.filter((d) => d.startsWith(own)).map((d): [IoKind, string] => ['resolveDid', d]),
      ...(io.fetchStatusList
        ? lists.filter((u) => u.startsWith(deps.publicUrl.origin)).map((u): [IoKind, string] => ['fetchStatusList', u])
        : []),
    ].slice(0, MAX_PREFETCHED);
    const handlers: Record<IoKind, ((argument: string) => Promise<unknown>) | undefined> = {
      resolveDid: io.resolveDid,
      fetchStatusList: io.fetchStatusList,
    };
    const answers = await Promise.all(
      lookups.map(async ([kind, argument]): Promise<[string, IoAnswerValue]> => {
        try {
          return [ioKey(kind, argument), { value: await handlers[kind]!(argument) }];
        } catch (error) {
          return [ioKey(kind, argument), { error: error instanceof Error ? error.message : String(error) }];
        }
      }),
    );
    return Object.fromEntries(answers);
  };
}

/** The issuer DID (without fragment) and status list URLs a credential's JSON (or VC-JWT payload) names. */
function namedLookups(input: JsonObject | string): { dids: string[]; lists: string[] } {
  let credential: unknown = input;
  if (typeof input === 'string') {
    try {
      credential = isCompactJwt(input.trim()) ? decodeJwt(input.trim()).payload : JSON.parse(input);
    } catch {
      return { dids: [], lists: [] };
    }
  }
  if (typeof credential !== 'object' || credential === null) return { dids: [], lists: [] };
  const { issuer, credentialStatus } = credential as JsonObject;
  const issuerId =
    typeof issuer === 'string'
      ? issuer
      : typeof issuer === 'object' && issuer !== null
        ? (issuer as JsonObject).id
        : undefined;
  const entries = Array.isArray(credentialStatus) ? credentialStatus : [credentialStatus];
  const lists = entries
    .map((e) => (typeof e === 'object' && e !== null ? (e as JsonObject).statusListCredential : undefined))
    .filter((u): u is string => typeof u === 'string');
  return { dids: typeof issuerId === 'string' ? [issuerId.split('#')[0]!] : [], lists: [...new Set(lists)] };
}

/**
 * Verifies a credential presented to this server, in the verify pool (off the event loop).
 * Never throws for a bad credential; throws AppError when it is over the size or complexity
 * limits (413/422), takes more than its work budget (422) or the pool is full (503).
 */
export async function verifyPresentedCredential(deps: Deps, options: VerifyOptions): Promise<PresentedVerification> {
  const io = localIo(deps);
  const { result } = await verifyPool().verify({
    job: { source: 'credential', credential: options.credential },
    io,
    prefetch: prefetchFor(deps, io, options.credential),
    now: deps.clock(),
    ...(options.recipientEmail ? { recipientEmail: options.recipientEmail } : {}),
    ...(options.expectedProof ? { expectedProof: options.expectedProof } : {}),
  });
  return presented(result, await checkRecognition(deps, verifierOf(deps, io), result, io.ownIssuer));
}

/** Reads a credential out of an uploaded file (PNG, SVG, JSON, VC-JWT) and verifies it, both in the verify pool. */
export async function verifyPresentedFile(
  deps: Deps,
  file: { bytes: Buffer; filename: string },
  options: { recipientEmail?: string } = {},
): Promise<PresentedVerification> {
  const io = localIo(deps);
  const { result } = await verifyPool().verify({
    job: { source: 'file', bytes: file.bytes, filename: file.filename },
    io,
    now: deps.clock(),
    ...(options.recipientEmail ? { recipientEmail: options.recipientEmail } : {}),
  });
  return presented(result, await checkRecognition(deps, verifierOf(deps, io), result, io.ownIssuer));
}

/**
 * Verifies a credential, or a file it is read from, in the verify pool and returns the
 * verifier's whole result, signed facts included: for use cases that act on what was verified
 * (candidate checks). Throws AppError as `verifyPresentedCredential` does.
 */
export async function verifyWithFacts(
  deps: Deps,
  options: { job: Extract<VerifyJob, { source: 'credential' | 'file' }>; recipientEmail?: string },
): Promise<VerifyOutcome> {
  const io = localIo(deps);
  return verifyPool().verify({
    job: options.job,
    io,
    ...(options.job.source === 'credential' ? { prefetch: prefetchFor(deps, io, options.job.credential) } : {}),
    now: deps.clock(),
    ...(options.recipientEmail ? { recipientEmail: options.recipientEmail } : {}),
  });
}

export type PresentationOptions = { presentation: JsonObject | string; challenge?: string; domain?: string };

/** What a presentation's report shows: its own checks and each credential's, with its summary. */
export type PresentedPresentation = Pick<
  PresentationVerificationResult,
  'verified' | 'checks' | 'warnings' | 'errors'
> & {
  holder: string | null;
  credentials: PresentedVerification[];
};

/** Verifies a verifiable presentation (its holder proof, challenge, domain and every credential) in the verify pool. */
export async function verifyPresentedPresentation(
  deps: Deps,
  options: PresentationOptions,
): Promise<PresentedPresentation> {
  const io = localIo(deps);
  const result = await verifyPool().verifyPresentation({
    job: {
      source: 'presentation',
      presentation: options.presentation,
      ...(options.challenge !== undefined ? { challenge: options.challenge } : {}),
      ...(options.domain !== undefined ? { domain: options.domain } : {}),
    },
    io,
    now: deps.clock(),
  });
  // Each credential carries the same accreditation and endorsement report as /credentials/verify.
  const verifyOne = verifierOf(deps, io);
  const credentials: PresentedVerification[] = [];
  for (const c of result.credentials)
    credentials.push(presented(c, await checkRecognition(deps, verifyOne, c, io.ownIssuer)));
  return {
    verified: result.verified,
    checks: result.checks,
    warnings: result.warnings,
    errors: result.errors,
    holder: result.holder ?? null,
    credentials,
  };
}
