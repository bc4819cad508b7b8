import { CONTEXT_URLS, hashIdentity, type JsonObject, type JsonValue } from '@cairn/credentials';
import { AppError, type FieldError } from '../http/app-error.js';

export type { JsonObject };

export const ACHIEVEMENT_CREDENTIAL_SCHEMA =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';
const ISSUABLE_TYPES = ['OpenBadgeCredential', 'AchievementCredential', 'EndorsementCredential', 'ClrCredential'];

/** Open Badges 3.0 (contexts, Profile issuer, 1EdTech schema) or a plain VC Data Model 2.0 credential. */
export type CredentialProfile = 'ob3' | 'vcdm2';

/** Types that make a credential an Open Badges 3.0 / CLR 2.0 one. */
export const OPEN_BADGES_TYPES = ISSUABLE_TYPES;

export type CompleteCredentialOptions = {
  credential: JsonObject;
  /** The id given when the credential has none. */
  credentialId: string;
  /**
   * The identifier it is signed as: the organisation's did:web or its did:key, and the
   * endorsements of the organisation to put in its OB 3.0 Profile (`endorsement`).
   */
  issuer: { did: string; name: string; url: string; endorsement?: JsonObject[] };
  now: Date;
  profile: CredentialProfile;
  /**
   * Cairn's entries: one (OB 3.0 allows one) or two (revocation and suspension, as VC 2.0
   * allows); none when the caller sent its own credentialStatus, which is kept as sent.
   */
  statusEntries: [] | [JsonObject] | [JsonObject, JsonObject];
  recipientEmail?: string;
  /** Salt for the hashed email; passed in so tests are reproducible. */
  salt: string;
};

function asArray(value: JsonValue | undefined): JsonValue[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The caller's contexts with the ones the profile needs added where absent, in the profile's order; the caller's own stay where they were. */
function withRequiredContexts(sent: JsonValue[], required: string[]): JsonValue[] {
  const out = [...sent];
  let previous = -1;
  for (const url of required) {
    const at = out.indexOf(url);
    if (at === -1) out.splice(++previous, 0, url);
    else previous = at;
  }
  return out;
}

/** How many status entries a credential carries. */
export function statusEntryCount(credential: JsonObject): number {
  return asArray(credential.credentialStatus).length;
}

/**
 * Fills what the issuer owns and the caller left out (contexts the profile needs, type, id,
 * issuer, validFrom, status entries, the OB schema) and refuses what a caller may not set.
 * Never overwrites a field the caller sent. Pure: no keys, no storage.
 */
export function completeCredential(options: CompleteCredentialOptions): JsonObject {
  const input = options.credential;
  const isOb = options.profile === 'ob3';
  const problems: FieldError[] = [];
  if ('proof' in input)
    problems.push({ field: 'credential.proof', message: 'Send the credential unsigned: Cairn signs it.' });
  if ('credentialStatus' in input && options.statusEntries.length > 0)
    problems.push({
      field: 'credential.credentialStatus',
      message: 'Send your own credentialStatus or let Cairn add its entries, not both.',
    });
  const issuerId = typeof input.issuer === 'string' ? input.issuer : (input.issuer as JsonObject | undefined)?.id;
  if (issuerId !== undefined && issuerId !== options.issuer.did) {
    problems.push({
      field: 'credential.issuer',
      message: `Leave issuer out or set it to ${options.issuer.did}: an organisation issues only as itself.`,
    });
  }
  const subject = input.credentialSubject;
  const isSubjectObject = typeof subject === 'object' && subject !== null && !Array.isArray(subject);
  if (isOb ? !isSubjectObject : !isSubjectObject && !(Array.isArray(subject) && subject.length > 0)) {
    problems.push({
      field: 'credential.credentialSubject',
      message: isOb
        ? 'Give one credentialSubject object (an AchievementSubject with its achievement).'
        : 'Give credentialSubject as an object or a non-empty array of objects.',
    });
  }
  for (const field of ['validFrom', 'validUntil'] as const) {
    const value = input[field];
    if (value !== undefined && (typeof value !== 'string' || Number.isNaN(Date.parse(value)))) {
      problems.push({
        field: `credential.${field}`,
        message: 'Use an ISO 8601 date-time such as 2026-01-31T00:00:00Z.',
      });
    }
  }
  if (problems.length > 0)
    throw new AppError('validation_failed', 'The credential cannot be issued as sent. See errors[].', {
      fields: problems,
    });

  const sentTypes = asArray(input.type).filter((t): t is string => typeof t === 'string');
  let type: JsonValue;
  if (input.type === undefined)
    type = isOb ? ['VerifiableCredential', 'OpenBadgeCredential'] : ['VerifiableCredential'];
  // Cairn's own route may leave VerifiableCredential out; the VC-API refuses that before here.
  else if (!sentTypes.includes('VerifiableCredential')) type = ['VerifiableCredential', ...sentTypes];
  else type = input.type;
  const isEndorsement = sentTypes.includes('EndorsementCredential');
  // A CLR 2.0 ClrCredential: its own context before Open Badges', no OB schema to declare.
  const isClr = sentTypes.includes('ClrCredential');
  const statusCount = 'credentialStatus' in input ? statusEntryCount(input) : options.statusEntries.length;
  // The official schema takes one status entry, so it is declared only when it will validate.
  const isSchemaDeclared = isOb && !isEndorsement && !isClr && statusCount <= 1 && input.credentialSchema === undefined;
  // The extensions context defines 1EdTechJsonSchemaValidator2019, the credentialSchema type.
  const requiredContexts = !isOb
    ? [CONTEXT_URLS.credentialsV2]
    : isClr
      ? [CONTEXT_URLS.credentialsV2, CONTEXT_URLS.clrV2, CONTEXT_URLS.openBadgesV3]
      : [
          CONTEXT_URLS.credentialsV2,
          CONTEXT_URLS.openBadgesV3,
          ...(isSchemaDeclared ? [CONTEXT_URLS.openBadgesExtensions] : []),
        ];

  let credentialSubject: JsonValue = subject as JsonValue;
  if (
    isOb &&
    options.recipientEmail &&
    isSubjectObject &&
    subject.id === undefined &&
    subject.identifier === undefined
  ) {
    credentialSubject = {
      ...subject,
      identifier: [
        {
          type: 'IdentityObject',
          identityHash: hashIdentity(options.recipientEmail, options.salt),
          identityType: 'emailAddress',
          hashed: true,
          salt: options.salt,
        },
      ],
    };
  }
  const ownStatus =
    options.statusEntries.length === 0
      ? undefined
      : options.statusEntries.length === 1
        ? options.statusEntries[0]
        : options.statusEntries;
  const status = input.credentialStatus ?? ownStatus;

  return {
    '@context': withRequiredContexts(asArray(input['@context']), requiredContexts),
    id: input.id ?? options.credentialId,
    type,
    ...Object.fromEntries(
      Object.entries(input).filter(
        ([k]) =>
          ![
            '@context',
            'id',
            'type',
            'issuer',
            'validFrom',
            'credentialSubject',
            'credentialStatus',
            'credentialSchema',
          ].includes(k),
      ),
    ),
    // An OB 3.0 issuer is a Profile; a plain VC names its issuer by DID (Profile is an OB term).
    issuer:
      input.issuer ??
      (isOb
        ? {
            id: options.issuer.did,
            type: ['Profile'],
            name: options.issuer.name,
            url: options.issuer.url,
            ...(options.issuer.endorsement?.length ? { endorsement: options.issuer.endorsement } : {}),
          }
        : options.issuer.did),
    validFrom: input.validFrom ?? options.now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    credentialSubject,
    ...(status !== undefined ? { credentialStatus: status } : {}),
    ...(input.credentialSchema !== undefined
      ? { credentialSchema: input.credentialSchema }
      : isSchemaDeclared
        ? { credentialSchema: [{ id: ACHIEVEMENT_CREDENTIAL_SCHEMA, type: '1EdTechJsonSchemaValidator2019' }] }
        : {}),
  };
}
