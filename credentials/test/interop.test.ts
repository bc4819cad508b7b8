import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite as rdfcSuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { createSignCryptosuite, createVerifyCryptosuite } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import { describe, expect, it } from 'vitest';
import {
  createDocumentLoader,
  createSigner,
  didKeyFromPublicKey,
  didKeyVerificationMethod,
  generateEd25519Multikey,
  signCredential,
  verifyCredential,
  type Cryptosuite,
} from '../src/index.js';
import { sampleCredential } from './helpers.js';

const documentLoader = createDocumentLoader();
const keys = generateEd25519Multikey();
const did = didKeyFromPublicKey(keys.publicKeyMultibase);
const signer = createSigner({ verificationMethod: didKeyVerificationMethod(did), ...keys });
const referenceVerifySuites = [
  new DataIntegrityProof({ cryptosuite: rdfcSuite }),
  new DataIntegrityProof({ cryptosuite: createVerifyCryptosuite() }),
];

describe('interoperability with the W3C reference library (@digitalbazaar/vc 7.3.0)', () => {
  it.each<Cryptosuite>(['eddsa-rdfc-2022', 'eddsa-jcs-2022'])(
    'credentials we sign with %s verify with vc.verifyCredential',
    async (cryptosuite) => {
      const signed = await signCredential({
        credential: sampleCredential(did),
        signer,
        cryptosuite,
        documentLoader,
        now: new Date(),
      });
      const result = await vc.verifyCredential({ credential: signed, suite: referenceVerifySuites, documentLoader });
      expect(result.error).toBeUndefined();
      expect(result.verified).toBe(true);
    },
  );

  it.each(['eddsa-rdfc-2022', 'eddsa-jcs-2022'])(
    'credentials the reference library signs with %s verify with ours',
    async (name) => {
      const keyPair = await Ed25519Multikey.from({ ...keys, id: signer.verificationMethod, controller: did });
      const cryptosuite = name === 'eddsa-rdfc-2022' ? rdfcSuite : createSignCryptosuite();
      const suite = new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite });
      const issued = await vc.issue({ credential: sampleCredential(did), suite, documentLoader });
      // vc.issue writes one proof as an object; OB 3.0 wants an array and the signature stays valid.
      for (const credential of [issued, { ...issued, proof: [issued.proof] }]) {
        const result = await verifyCredential({ credential, documentLoader });
        expect(result.errors).toEqual([]);
        expect(result.verified).toBe(true);
      }
    },
  );

  it('the reference library rejects a credential of ours that was altered', async () => {
    const signed = await signCredential({
      credential: sampleCredential(did),
      signer,
      cryptosuite: 'eddsa-rdfc-2022',
      documentLoader,
      now: new Date(),
    });
    const altered = { ...signed, name: 'Something else' };
    const result = await vc.verifyCredential({ credential: altered, suite: referenceVerifySuites, documentLoader });
    expect(result.verified).toBe(false);
  });
});
