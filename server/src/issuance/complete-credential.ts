import { CONTEXT_URLS, hashIdentity, type JsonObject, type JsonValue } from '@cairn/credentials';
import { AppError, type FieldError } from '../http/app-error.js';

export type { JsonObject };

export const ACHIEVEMENT_CREDENTIAL_SCHEMA = 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';
const ISSUABLE_TYPES = ['OpenBadgeCredential', 'AchievementCredential', 'EndorsementCredential', 'ClrCredential'];

export type CompleteCredentialOptions = {
  credential: JsonObject;
  credentialId: string;
  issuer: { did: string; name: string; url: string };
  now: Date;
  /** One entry (OB 3.0 allows one) or two (revocation and suspension, as VC 2.0 allows). */
  statusEntries: [JsonObject] | [JsonObject, JsonObject];
  recipientEmail?: string;
  /** Salt for the hashed email; passed in so tests are reproducible. */
  salt: string;
};

function asArray(value: JsonValue | undefined): JsonValue[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * Fills what the issuer owns in a credential (contexts in OB 3.0 order, types, id, issuer
 * Profile, validFrom, status entries, schema) and refuses what a caller may not set. Pure:
 * no keys, no storage.
 */
export function completeCredential(options: CompleteCredentialOptions): JsonObject {
  const input = options.credential;
  const problems: FieldError[] = [];
  if ('proof' in input) problems.push({ field: 'credential.proof', message: 'Send the credential unsigned: Cairn signs it.' });
  if ('credentialStatus' in input) problems.push({ field: 'credential.credentialStatus', message: 'Cairn sets the status entries itself.' });
  const issuerId = typeof input.issuer === 'string' ? input.issuer : (input.issuer as JsonObject | undefined)?.id;
  if (issuerId !== undefined && issuerId !== options.issuer.did) {
    problems.push({ field: 'credential.issuer', message: `Leave issuer out or set it to ${options.issuer.did}: an organisation issues only as itself.` });
  }
  const subject = input.credentialSubject;
  if (typeof subject !== 'object' || subject === null || Array.isArray(subject)) {
    problems.push({ field: 'credential.credentialSubject', message: 'Give one credentialSubject object (an AchievementSubject with its achievement).' });
  }
  for (const field of ['validFrom', 'validUntil'] as const) {
    const value = input[field];
    if (value !== undefined && (typeof value !== 'string' || Number.isNaN(Date.parse(value)))) {
      problems.push({ field: `credential.${field}`, message: 'Use an ISO 8601 date-time such as 2026-01-31T00:00:00Z.' });
    }
  }
  if (problems.length > 0) throw new AppError('validation_failed', 'The credential cannot be issued as sent. See errors[].', { fields: problems });

  const ownContexts: JsonValue[] = [CONTEXT_URLS.credentialsV2, CONTEXT_URLS.openBadgesV3, CONTEXT_URLS.openBadgesExtensions];
  const extraContexts = asArray(input['@context']).filter((c) => !ownContexts.includes(c));
  const types = new Set(asArray(input.type).filter((t): t is string => typeof t === 'string'));
  types.delete('VerifiableCredential');
  if (![...types].some((t) => ISSUABLE_TYPES.includes(t))) types.add('OpenBadgeCredential');
  const isEndorsement = types.has('EndorsementCredential');
  // A CLR 2.0 ClrCredential: its own context before Open Badges', no OB schema to declare.
  const isClr = types.has('ClrCredential');

  const credentialSubject: JsonObject = { ...(subject as JsonObject) };
  if (options.recipientEmail && credentialSubject.id === undefined && credentialSubject.identifier === undefined) {
    credentialSubject.identifier = [
      {
        type: 'IdentityObject',
        identityHash: hashIdentity(options.recipientEmail, options.salt),
        identityType: 'emailAddress',
        hashed: true,
        salt: options.salt,
      },
    ];
  }

  return {
    // The extensions context defines 1EdTechJsonSchemaValidator2019, the credentialSchema type.
    '@context': isClr
      ? [CONTEXT_URLS.credentialsV2, CONTEXT_URLS.clrV2, CONTEXT_URLS.openBadgesV3, ...extraContexts.filter((c) => c !== CONTEXT_URLS.clrV2)]
      : [CONTEXT_URLS.credentialsV2, CONTEXT_URLS.openBadgesV3, ...(isEndorsement || options.statusEntries.length > 1 ? [] : [CONTEXT_URLS.openBadgesExtensions]), ...extraContexts],
    id: options.credentialId,
    type: ['VerifiableCredential', ...types],
    ...Object.fromEntries(Object.entries(input).filter(([k]) => !['@context', 'id', 'type', 'issuer', 'credentialSubject'].includes(k))),
    issuer: { id: options.issuer.did, type: ['Profile'], name: options.issuer.name, url: options.issuer.url },
    validFrom: typeof input.validFrom === 'string' ? input.validFrom : options.now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    credentialSubject,
    credentialStatus: options.statusEntries.length === 1 ? options.statusEntries[0] : options.statusEntries,
    // The official schema takes one status entry, so it is declared only when it will validate.
    ...(isEndorsement || isClr || options.statusEntries.length > 1 ? {} : { credentialSchema: [{ id: ACHIEVEMENT_CREDENTIAL_SCHEMA, type: '1EdTechJsonSchemaValidator2019' }] }),
  };
}
