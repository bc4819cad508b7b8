import { describe, expect, it } from 'vitest';
import { createDocumentLoader, createSigner, jsonldCanonicalizer, signCredential } from '../src/index.js';
import { createHashData } from '../src/proofs/data-integrity.js';
import { fixture, fixtureText } from './helpers.js';

const loader = createDocumentLoader();

describe('W3C vc-di-eddsa test vectors', () => {
  const keyPair = fixture('w3c-eddsa-test-keypair.json') as { publicKeyMultibase: string; privateKeyMultibase: string };
  const signed = fixture('w3c-eddsa-rdfc-2022-signed.json');
  const config = fixture('w3c-eddsa-rdfc-2022-proof-config.json');

  it('canonicalises the unsigned document to the expected N-Quads, byte for byte', async () => {
    const canon = await jsonldCanonicalizer.canonize(fixture('w3c-eddsa-unsigned.json'), { documentLoader: loader });
    expect(canon).toBe(fixtureText('w3c-eddsa-rdfc-2022-canon-doc.nq'));
  });

  it('reproduces the eddsa-rdfc-2022 proofValue from the test key pair', async () => {
    const signer = createSigner({
      verificationMethod: config.verificationMethod as string,
      publicKeyMultibase: keyPair.publicKeyMultibase,
      secretKeyMultibase: keyPair.privateKeyMultibase,
    });
    const result = await signCredential({
      credential: fixture('w3c-eddsa-unsigned.json'),
      signer,
      cryptosuite: 'eddsa-rdfc-2022',
      documentLoader: loader,
      now: new Date(config.created as string),
    });
    const expected = signed.proof as { proofValue: string };
    expect(result.proof).toHaveLength(1);
    expect(result.proof[0]!.proofValue).toBe(expected.proofValue);
  });
});

describe('Open Badges 3.0 implementation guide test vectors', () => {
  // The guide's example, reconstructed from its canonical form (document-canon.txt).
  const document = {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'http://example.com/credentials/3527',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: {
      id: 'https://example.edu/issuers/565049',
      type: ['Profile'],
      name: 'Example Corp',
      url: 'https://www.imsglobal.org',
    },
    validFrom: '2010-01-01T00:00:00Z',
    name: 'Teamwork Badge',
    credentialSubject: {
      id: 'did:example:ebfeb1f712ebc6f1c276e12ec21',
      type: ['AchievementSubject'],
      achievement: {
        id: 'https://example.com/achievements/21st-century-skills/teamwork',
        type: ['Achievement'],
        criteria: {
          narrative:
            'Team members are nominated for this badge by their peers and recognized upon review by Example Corp management.',
        },
        description: 'This badge recognizes the development of the capacity to collaborate within a group environment.',
        name: 'Teamwork',
      },
    },
  };
  const proofOptions = {
    '@context': document['@context'],
    type: 'DataIntegrityProof',
    created: '2010-01-01T19:23:24Z',
    verificationMethod: 'https://example.edu/issuers/565049#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi',
    cryptosuite: 'eddsa-rdfc-2022',
    proofPurpose: 'assertionMethod',
  };

  it('reproduces document-canon', async () => {
    expect(await jsonldCanonicalizer.canonize(document, { documentLoader: loader })).toBe(
      fixtureText('ob3-test-vector-document-canon.nq'),
    );
  });

  it('reproduces proof-canon', async () => {
    expect(await jsonldCanonicalizer.canonize(proofOptions, { documentLoader: loader })).toBe(
      fixtureText('ob3-test-vector-proof-canon.nq'),
    );
  });

  it('hashes proof options then document, 64 bytes in all', async () => {
    const data = await createHashData({
      cryptosuite: 'eddsa-rdfc-2022',
      document,
      proofOptions,
      documentLoader: loader,
      canonicalizer: jsonldCanonicalizer,
    });
    expect(data).toHaveLength(64);
  });
});
