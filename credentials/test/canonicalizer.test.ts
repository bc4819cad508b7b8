import { describe, expect, it } from 'vitest';
import { CONTEXT_URLS, createDocumentLoader, jsonldCanonicalizer, referenceCanonicalizer } from '../src/index.js';
import { proofOptionsNQuads } from '../src/proofs/proof-options-canonicalizer.js';
import { canonicalizeJson } from '../src/proofs/jcs.js';

const documentLoader = createDocumentLoader();
const {
  credentialsV2: vc,
  openBadgesV3: ob,
  openBadgesExtensions: ext,
  clrV2: clr,
  credentialsExamplesV2: examples,
  dataIntegrityV2: di,
} = CONTEXT_URLS;

describe('the proof-options shortcut gives the reference canonical form', () => {
  const contexts = [[vc], [vc, ob], [vc, ob, ext], [vc, clr, ob, ext], [vc, examples], [vc, di]];
  const methods = [
    'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2',
    'did:web:localhost%3A3000:orgs:acme#key-1',
    'https://example.edu/issuers/565049#z6Mk',
  ];
  const cases = contexts.flatMap((context) =>
    methods.flatMap((verificationMethod) =>
      (['eddsa-rdfc-2022', 'eddsa-jcs-2022'] as const).map((cryptosuite) => ({
        '@context': context,
        type: 'DataIntegrityProof',
        cryptosuite,
        created: '2025-03-04T05:06:07Z',
        verificationMethod,
        proofPurpose: 'assertionMethod',
      })),
    ),
  );

  it.each(
    cases.map((c) => [`${c['@context'].length} contexts, ${c.verificationMethod.slice(0, 12)}…, ${c.cryptosuite}`, c]),
  )('%s', async (_name, options) => {
    const shortcut = proofOptionsNQuads(options);
    expect(shortcut).toBeDefined();
    expect(shortcut).toBe(await referenceCanonicalizer.canonize(options, { documentLoader }));
  });

  it('falls back to the general path for anything unusual', async () => {
    const base = {
      '@context': [vc],
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      created: '2025-03-04T05:06:07Z',
      verificationMethod: 'did:web:a#k',
      proofPurpose: 'assertionMethod',
    };
    for (const unusual of [
      { ...base, expires: '2026-01-01T00:00:00Z' },
      { ...base, '@context': [ob, vc] },
      { ...base, '@context': vc },
      { ...base, verificationMethod: 'did:web:a#k>' },
      { ...base, created: '2025-03-04 05:06:07' },
      { ...base, proofPurpose: 'authentication' },
    ])
      expect(proofOptionsNQuads(unusual)).toBeUndefined();
    const withExpiry = { ...base, expires: '2026-01-01T00:00:00Z' };
    expect(await jsonldCanonicalizer.canonize(withExpiry, { documentLoader })).toBe(
      await referenceCanonicalizer.canonize(withExpiry, { documentLoader }),
    );
  });
});

describe('JCS (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units and serialises numbers as ECMAScript does', () => {
    expect(canonicalizeJson({ b: [1e21, 0.1, -0, 1.0], a: { '€': 1, '\u0080': 2, z: null }, '\r': 'é"' })).toBe(
      '{"\\r":"é\\"","a":{"z":null,"\u0080":2,"€":1},"b":[1e+21,0.1,0,1]}',
    );
    expect(() => canonicalizeJson(Number.NaN)).toThrow(TypeError);
  });
});
