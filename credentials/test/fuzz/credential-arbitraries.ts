// fast-check arbitraries of whole credentials for differential testing of canonicalisation: OB 3.0
// AchievementCredentials, CLR 2.0 (nesting signed credentials), endorsements and plain VCDM 2.0
// credentials, each optional field present or not, with awkward text (every Unicode plane,
// control characters, quotes, right-to-left), numbers of every kind (doubles, 1e21 and up,
// integers past 2^53, -0, tiny exponents), language and direction values, language maps, arrays
// and @json literals. Every document here is meant to be inside the fast path: the test checks
// that it is, so the comparison with the reference is a comparison of two implementations.
import fc from 'fast-check';
import type { JsonObject, JsonValue } from '../../src/util/json.js';

const V2 = 'https://www.w3.org/ns/credentials/v2';
const OB = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const OB_EXT = 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json';
const CLR = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';
const EXAMPLES = 'https://www.w3.org/ns/credentials/examples/v2';
const STATUS = 'https://www.w3.org/ns/credentials/status/v1';

// The 1EdTech status, schema and refresh types are defined by the extensions context, so every
// OB and CLR credential here names it (without it the reference refuses them, as it should).

/** Text that is hard to serialise: escapes, every plane, bidi, combining marks, zero-width. */
const trickyText = fc.constantFrom(
  '',
  ' ',
  '"quoted"',
  'back\\slash',
  'line\nbreak',
  'tab\there',
  'cr\rlf',
  '\u0000nul',
  'del\u007f',
  '\b\f',
  'é',
  'e\u0301',
  '😀 emoji',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'שלום',
  'مرحبا',
  '\u200b',
  '\u2028\u2029',
  '日本語',
  '\ud7ff\ue000',
  '<tag> & {braces}',
  'x'.repeat(300),
);
export const text: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 24 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 2, arbitrary: trickyText },
);

const slug = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,11}$/);
/** Absolute IRIs of the kinds credentials carry, a few needing N-Quads escapes. */
export const iri: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(slug, slug).map(([a, b]) => `https://${a}.example/${b}`) },
  { weight: 2, arbitrary: fc.uuid().map((u) => `urn:uuid:${u}`) },
  { weight: 2, arbitrary: slug.map((s) => `did:web:${s}.example`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2',
      'did:example:ebfeb1f712ebc6f1c276e12ec21',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'https://example.org/ünïcödé',
      'https://example.org/a{b}|c^d`e',
      'urn:x:"quoted"',
      'mailto:someone@example.org',
      'https://example.org/?q=1#frag',
    ),
  },
);

/** Every kind of JSON number: what `toFixed(0)` and the double form must both get right. */
export const number: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  // 12345678901234567890 as JSON.parse reads it (a double): integers past 2^53 arrive that way.
  fc.constantFrom(
    0,
    -0,
    0.5,
    1.5,
    1e-7,
    1.5e-7,
    1e20,
    1e21,
    123456789012345680000,
    JSON.parse('12345678901234567890') as number,
    2 ** 53 + 2,
    -1e300,
    5e-324,
    0.1 + 0.2,
  ),
);

const dateTime = fc.oneof(
  fc
    .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().replace(/\.000Z$/, 'Z')),
  fc.constantFrom('2025-01-15T09:00:00+01:00', '2025-01-15', 'not a date'),
);
const date = fc
  .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** One value or an array of 1-3 (JSON-LD reads both the same). */
const oneOrMore = <T extends JsonValue>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | T[]> =>
  fc.oneof(arb, fc.array(arb, { minLength: 1, maxLength: 3 }));

const language = fc.constantFrom('en', 'en-GB', 'fr', 'ar', 'he', 'zh-Hant-TW', 'EN-us', 'de-CH-1996');
/** A plain string, or a value object with language and/or direction (rdfDirection i18n-datatype). */
const languageText: fc.Arbitrary<JsonValue> = fc.oneof(
  { weight: 5, arbitrary: text },
  { weight: 1, arbitrary: fc.record({ '@value': text, '@language': language }) },
  { weight: 1, arbitrary: fc.record({ '@value': text, '@direction': fc.constantFrom('ltr', 'rtl') }) },
  {
    weight: 1,
    arbitrary: fc.record({ '@value': text, '@language': language, '@direction': fc.constantFrom('ltr', 'rtl') }),
  },
);

/** A JSON object whose keys outside `required` are each present or not. */
const optional = (required: string[], fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<JsonObject> =>
  fc.record(fields, { requiredKeys: required }) as unknown as fc.Arbitrary<JsonObject>;

const image = fc.oneof(iri, optional(['id', 'type'], { id: iri, type: fc.constant('Image'), caption: languageText }));

const alignment = optional(['type', 'targetName', 'targetUrl'], {
  type: fc.constantFrom(['Alignment'], 'Alignment'),
  targetName: text,
  targetUrl: iri,
  targetDescription: text,
  targetCode: text,
  targetFramework: text,
  targetType: fc.constantFrom('ceasn:Competency', 'CFItem', 'ext:Custom'),
});

const identifierEntry = optional(['type', 'identifier', 'identifierType'], {
  type: fc.constant('IdentifierEntry'),
  identifier: text,
  identifierType: fc.constantFrom('name', 'sourcedId', 'ext:Other'),
});

const address = optional(['type'], {
  type: fc.constantFrom(['Address'], 'Address'),
  addressCountry: text,
  addressCountryCode: fc.constantFrom('GB', 'FR', 'JP'),
  addressRegion: text,
  addressLocality: text,
  streetAddress: text,
  postOfficeBoxNumber: text,
  postalCode: text,
  geo: optional(['type'], { type: fc.constant('GeoCoordinates'), latitude: number, longitude: number }),
});

/** An OB 3.0 Profile (issuer, creator, source); `depth` keeps endorsements from nesting forever. */
function profile(depth: number): fc.Arbitrary<JsonObject> {
  return optional(['id', 'type'], {
    id: iri,
    type: fc.constantFrom(['Profile'], 'Profile'),
    name: languageText,
    url: iri,
    phone: text,
    description: languageText,
    email: text,
    address,
    image,
    otherIdentifier: fc.array(identifierEntry, { maxLength: 2 }),
    official: text,
    parentOrg: iri,
    familyName: text,
    givenName: text,
    additionalName: text,
    honorificPrefix: text,
    honorificSuffix: text,
    familyNamePrefix: text,
    patronymicName: text,
    dateOfBirth: date,
    ...(depth > 0 ? { endorsement: fc.array(endorsementCredential(depth - 1, true), { maxLength: 1 }) } : {}),
  });
}

const rubricLevel = optional(['id', 'type', 'name'], {
  id: iri,
  type: fc.constant('RubricCriterionLevel'),
  name: text,
  description: text,
  level: text,
  points: fc.oneof(text, number),
  alignment: fc.array(alignment, { maxLength: 1 }),
});

const resultDescription = optional(['id', 'type', 'name', 'resultType'], {
  id: iri,
  type: fc.constantFrom(['ResultDescription'], 'ResultDescription'),
  name: text,
  resultType: fc.constantFrom('LetterGrade', 'Percent', 'RubricCriterionLevel', 'ext:Custom'),
  // A @list container: order is part of the meaning.
  allowedValue: fc.array(text, { maxLength: 4 }),
  requiredLevel: iri,
  requiredValue: text,
  valueMax: fc.oneof(text, number),
  valueMin: fc.oneof(text, number),
  rubricCriterionLevel: fc.array(rubricLevel, { maxLength: 2 }),
  alignment: fc.array(alignment, { maxLength: 1 }),
});

function achievement(depth: number): fc.Arbitrary<JsonObject> {
  return optional(['id', 'type', 'name', 'criteria'], {
    id: iri,
    type: fc.constantFrom(['Achievement'], 'Achievement'),
    name: languageText,
    description: languageText,
    criteria: optional([], { id: iri, narrative: languageText }),
    achievementType: fc.constantFrom('Badge', 'Certificate', 'MicroCredential', 'ext:Custom'),
    alignment: fc.array(alignment, { maxLength: 2 }),
    creator: profile(Math.min(depth, 1)),
    creditsAvailable: number,
    fieldOfStudy: text,
    humanCode: text,
    image,
    inLanguage: language,
    otherIdentifier: fc.array(identifierEntry, { maxLength: 2 }),
    related: fc.array(
      optional(['id', 'type'], { id: iri, type: fc.constant(['Related']), inLanguage: language, version: text }),
      { maxLength: 1 },
    ),
    resultDescription: fc.array(resultDescription, { maxLength: 2 }),
    specialization: text,
    tag: oneOrMore(text),
    version: text,
    ...(depth > 0 ? { endorsement: fc.array(endorsementCredential(depth - 1, true), { maxLength: 1 }) } : {}),
  });
}

const identityObject = optional(['type', 'identityHash', 'identityType', 'hashed'], {
  type: fc.constant('IdentityObject'),
  identityHash: fc.oneof(
    text,
    fc.stringMatching(/^[0-9a-f]{64}$/).map((h) => `sha256$${h}`),
  ),
  identityType: fc.constantFrom('emailAddress', 'studentId', 'ext:Other'),
  hashed: fc.boolean(),
  salt: text,
});

const result = optional(['type'], {
  type: fc.constantFrom(['Result'], 'Result'),
  achievedLevel: iri,
  resultDescription: iri,
  status: fc.constantFrom('Completed', 'Enrolled', 'Failed'),
  value: fc.oneof(text, number),
  alignment: fc.array(alignment, { maxLength: 1 }),
});

const evidence = optional(['type'], {
  id: iri,
  type: fc.constantFrom(['Evidence'], 'Evidence'),
  narrative: text,
  name: text,
  description: text,
  genre: text,
  audience: text,
});

const bitstringEntry = optional(['id', 'type', 'statusPurpose', 'statusListIndex', 'statusListCredential'], {
  id: iri,
  type: fc.constant('BitstringStatusListEntry'),
  statusPurpose: fc.constantFrom('revocation', 'suspension', 'message'),
  statusListIndex: fc.oneof(fc.nat({ max: 131071 }).map(String), fc.nat({ max: 131071 })),
  statusListCredential: iri,
  statusSize: fc.constantFrom(1, 2, 8),
  statusMessage: fc.array(optional(['status', 'message'], { status: fc.constantFrom('0x0', '0x1'), message: text }), {
    maxLength: 2,
  }),
  statusReference: iri,
});
const credentialStatus = fc.oneof(
  bitstringEntry,
  optional(['id', 'type'], { id: iri, type: fc.constant('1EdTechRevocationList') }),
);

/** A proof as an embedded credential carries it (a named graph in the RDF). */
const proof = optional(['type', 'cryptosuite', 'created', 'verificationMethod', 'proofPurpose', 'proofValue'], {
  type: fc.constant('DataIntegrityProof'),
  cryptosuite: fc.constantFrom('eddsa-rdfc-2022', 'eddsa-jcs-2022'),
  created: dateTime,
  verificationMethod: iri.map((i) => `${i}#key-1`),
  proofPurpose: fc.constantFrom('assertionMethod', 'authentication'),
  proofValue: fc.stringMatching(/^z[1-9A-HJ-NP-Za-km-z]{20,88}$/),
  challenge: text,
  domain: text,
  nonce: text,
  expires: dateTime,
});

const credentialFields = (contexts: fc.Arbitrary<string[]>) => ({
  '@context': contexts,
  id: iri,
  name: languageText,
  description: languageText,
  image,
  validFrom: dateTime,
  validUntil: dateTime,
  awardedDate: dateTime,
  credentialStatus: oneOrMore(credentialStatus),
  credentialSchema: fc.array(
    optional(['id', 'type'], { id: iri, type: fc.constant('1EdTechJsonSchemaValidator2019') }),
    { maxLength: 2 },
  ),
  refreshService: optional(['id', 'type'], { id: iri, type: fc.constant('1EdTechCredentialRefresh') }),
  termsOfUse: fc.array(
    optional(['type'], { id: iri, type: fc.constantFrom('ext:Policy', 'https://example.org/TermsOfUse') }),
    { maxLength: 1 },
  ),
  evidence: fc.array(evidence, { maxLength: 2 }),
  endorsementJwt: fc.array(fc.constant('eyJhbGciOiJFZERTQSJ9.e30.c2ln'), { maxLength: 1 }),
});

/** An OB 3.0 AchievementCredential; `isEmbedded` gives it a proof, as inside a CLR or an endorsement list. */
export function achievementCredential(depth = 1, isEmbedded = false): fc.Arbitrary<JsonObject> {
  return optional(
    ['@context', 'type', 'issuer', 'validFrom', 'credentialSubject', 'name', ...(isEmbedded ? ['proof' as const] : [])],
    {
      ...credentialFields(fc.constantFrom([V2, OB, OB_EXT], [V2, OB_EXT, OB], [V2, OB, OB_EXT, STATUS])),
      type: fc.constantFrom(
        ['VerifiableCredential', 'OpenBadgeCredential'],
        ['VerifiableCredential', 'AchievementCredential'],
        ['AchievementCredential', 'VerifiableCredential'],
      ),
      issuer: fc.oneof({ weight: 4, arbitrary: profile(depth) }, { weight: 1, arbitrary: iri }),
      credentialSubject: optional(['type', 'achievement'], {
        id: iri,
        type: fc.constantFrom(['AchievementSubject'], 'AchievementSubject'),
        achievement: achievement(depth),
        activityStartDate: date,
        activityEndDate: date,
        creditsEarned: number,
        identifier: fc.array(identityObject, { maxLength: 2 }),
        image,
        licenseNumber: text,
        narrative: text,
        result: fc.array(result, { maxLength: 2 }),
        role: text,
        source: profile(0),
        term: text,
      }),
      ...(depth > 0 ? { endorsement: fc.array(endorsementCredential(depth - 1, true), { maxLength: 1 }) } : {}),
      ...(isEmbedded ? { proof: oneOrMore(proof) } : {}),
    },
  );
}

/** An OB 3.0 EndorsementCredential. */
export function endorsementCredential(depth = 0, isEmbedded = false): fc.Arbitrary<JsonObject> {
  return optional(
    ['@context', 'type', 'issuer', 'validFrom', 'credentialSubject', 'name', ...(isEmbedded ? ['proof' as const] : [])],
    {
      ...credentialFields(fc.constantFrom([V2, OB, OB_EXT])),
      type: fc.constantFrom(['VerifiableCredential', 'EndorsementCredential']),
      issuer: fc.oneof(profile(depth), iri),
      credentialSubject: optional(['id', 'type'], {
        id: iri,
        type: fc.constantFrom(['EndorsementSubject'], 'EndorsementSubject'),
        endorsementComment: languageText,
      }),
      ...(isEmbedded ? { proof: oneOrMore(proof) } : {}),
    },
  );
}

/** A CLR 2.0 ClrCredential embedding signed AchievementCredentials (and, nested, their endorsements). */
export const clrCredential: fc.Arbitrary<JsonObject> = optional(
  ['@context', 'type', 'issuer', 'validFrom', 'credentialSubject', 'name'],
  {
    ...credentialFields(fc.constantFrom([V2, CLR, OB, OB_EXT], [V2, OB, CLR, OB_EXT])),
    type: fc.constant(['VerifiableCredential', 'ClrCredential']),
    issuer: profile(0),
    partial: fc.boolean(),
    credentialSubject: optional(['type', 'verifiableCredential'], {
      id: iri,
      type: fc.constantFrom(['ClrSubject'], 'ClrSubject'),
      identifier: fc.array(identityObject, { maxLength: 1 }),
      achievement: fc.array(achievement(0), { maxLength: 2 }),
      verifiableCredential: fc.array(
        fc.oneof(
          { weight: 5, arbitrary: achievementCredential(1, true) },
          { weight: 1, arbitrary: fc.constant('eyJhbGciOiJFZERTQSJ9.e30.c2ln') },
        ),
        { minLength: 1, maxLength: 2 },
      ),
      association: fc.array(
        optional(['type', 'associationType', 'sourceId', 'targetId'], {
          type: fc.constant('Association'),
          associationType: fc.constantFrom('isChildOf', 'isParentOf', 'precedes'),
          sourceId: iri,
          targetId: iri,
        }),
        { maxLength: 2 },
      ),
    }),
  },
);

/** Any JSON value, for @json literals: JCS must order keys and write numbers as the reference does. */
const jsonValue: fc.Arbitrary<JsonValue> = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    number,
    text,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(text, tie('value'), { maxKeys: 3 }),
  ),
})).value;

/**
 * A plain VCDM 2.0 credential under the examples context (`@vocab`: every other term is in the
 * examples vocabulary), with the VC 2.0 features OB does not use: JSON schemas as @json, JWT
 * claims, digests, an inline context defining a language map, a term with its own language and
 * direction and a JSON literal, or one setting a default language and direction (which jsonld.js
 * drops again in type-scoped nodes: the fast path must do the same).
 */
export const plainCredential: fc.Arbitrary<JsonObject> = optional(['@context', 'type', 'issuer', 'credentialSubject'], {
  '@context': fc.constantFrom<JsonValue[]>(
    [V2, EXAMPLES],
    [
      V2,
      EXAMPLES,
      {
        title: { '@id': 'https://example.org/vocab#title', '@container': '@language' },
        note: { '@id': 'https://example.org/vocab#note', '@language': 'fr', '@direction': 'rtl' },
        code: { '@id': 'https://example.org/vocab#code', '@type': '@json' },
      },
    ],
    [V2, STATUS, EXAMPLES],
    [V2, EXAMPLES, { '@language': 'ar', '@direction': 'rtl' }],
  ),
  id: iri,
  type: fc.constantFrom(
    ['VerifiableCredential'],
    ['VerifiableCredential', 'ExampleDegreeCredential'],
    'VerifiableCredential',
  ),
  issuer: fc.oneof(iri, optional(['id'], { id: iri, name: languageText, description: languageText })),
  name: languageText,
  description: languageText,
  validFrom: dateTime,
  validUntil: dateTime,
  credentialSubject: oneOrMore(
    optional([], {
      id: iri,
      degree: optional(['type'], {
        type: fc.constantFrom('ExampleBachelorDegree', 'ExampleMasterDegree'),
        name: languageText,
      }),
      alumniOf: text,
      score: number,
      isGraduate: fc.boolean(),
      nothing: fc.constant(null),
      tags: fc.array(text, { maxLength: 3 }),
      title: fc.dictionary(language, oneOrMore(text), { maxKeys: 3 }),
      note: text,
      code: jsonValue,
    }),
  ),
  credentialSchema: fc.array(
    optional(['id', 'type'], { id: iri, type: fc.constant('JsonSchema'), jsonSchema: jsonValue }),
    { maxLength: 2 },
  ),
  credentialStatus: bitstringEntry,
  relatedResource: fc.array(
    optional(['id'], {
      id: iri,
      digestSRI: fc.constant('sha384-S57yQDg1MTzF56Oi9DbSQ14u7jBy0RDdx0YbeV7shwhCS88G8SCXeFq82PafhCrW'),
      digestMultibase: fc.constant('uEiBZlVztZpfWHgPyslVv6-UwirFoQoRvW1htfx963sknNA'),
      mediaType: fc.constant('image/png'),
    }),
    { maxLength: 2 },
  ),
  evidence: fc.array(optional([], { id: iri, type: fc.constant(['Evidence']), name: text }), { maxLength: 1 }),
  cnf: optional(['kid'], { kid: iri, jwk: jsonValue }),
  _sd: fc.array(text, { maxLength: 2 }),
  _sd_alg: fc.constant('sha-256'),
  iss: iri,
  sub: iri,
  exp: fc.nat(),
  nbf: fc.nat(),
  iat: fc.nat(),
  aud: iri,
  confidenceMethod: fc.array(optional([], { id: iri, type: fc.constant('ExampleConfidenceMethod') }), { maxLength: 1 }),
  renderMethod: fc.array(optional([], { id: iri, type: fc.constant('ExampleRenderMethod') }), { maxLength: 1 }),
});

export type CredentialKind = 'ob3' | 'clr2' | 'endorsement' | 'vcdm2';

/** A credential of any kind, labelled (a CLR is the slowest: it is drawn least often). */
export const anyCredential: fc.Arbitrary<{ kind: CredentialKind; credential: JsonObject }> = fc.oneof(
  { weight: 4, arbitrary: achievementCredential().map((credential) => ({ kind: 'ob3' as const, credential })) },
  { weight: 1, arbitrary: clrCredential.map((credential) => ({ kind: 'clr2' as const, credential })) },
  { weight: 2, arbitrary: endorsementCredential().map((credential) => ({ kind: 'endorsement' as const, credential })) },
  { weight: 2, arbitrary: plainCredential.map((credential) => ({ kind: 'vcdm2' as const, credential })) },
);
