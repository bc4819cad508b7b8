// Test wallets: a VC-API wallet as the DCC Learner Credential Wallet is one (a did:key signing a
// DIDAuthentication presentation with the reference Ed25519Signature2020 suite), and one signing
// eddsa-rdfc-2022 with Cairn's own code.
import * as vc from '@digitalbazaar/vc';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { Ed25519VerificationKey2020 } from '@digitalbazaar/ed25519-verification-key-2020';
import {
  createDocumentLoader,
  createSigner,
  didKeyFromPublicKey,
  didKeyVerificationMethod,
  generateEd25519Multikey,
  signPresentation,
  type JsonObject,
} from '@cairn/credentials';

const documentLoader = createDocumentLoader();

// The reference library signs presentations too; its typings (credentials/src/types) list only what the other tests use.
const referenceVc = vc as unknown as {
  signPresentation(options: {
    presentation: object;
    suite: unknown;
    challenge: string;
    domain?: string;
    documentLoader: unknown;
  }): Promise<JsonObject>;
};

export type TestWallet = { did: string; key: Ed25519VerificationKey2020 };

export async function createTestWallet(): Promise<TestWallet> {
  const key = await Ed25519VerificationKey2020.generate();
  const did = `did:key:${key.publicKeyMultibase}`;
  key.controller = did;
  key.id = `${did}#${key.publicKeyMultibase}`;
  return { did, key };
}

/**
 * A DIDAuthentication presentation (VC 1.1, as the wallet sends it) signed with Ed25519Signature2020
 * by `signer`'s key; `holder` defaults to the signer's DID.
 */
export async function signDidAuth(
  signer: TestWallet,
  options: { challenge: string; domain: string; holder?: string; extra?: JsonObject },
): Promise<JsonObject> {
  const presentation = {
    '@context': ['https://www.w3.org/2018/credentials/v1', 'https://w3id.org/security/suites/ed25519-2020/v1'],
    type: ['VerifiablePresentation'],
    holder: options.holder ?? signer.did,
    ...options.extra,
  };
  return referenceVc.signPresentation({
    presentation,
    suite: new Ed25519Signature2020({ key: signer.key }),
    challenge: options.challenge,
    domain: options.domain,
    documentLoader,
  });
}

/** The same presentation signed eddsa-rdfc-2022 (VC 2.0) by a fresh did:key; returns it and the DID. */
export async function signDidAuthDataIntegrity(options: {
  challenge: string;
  domain: string;
}): Promise<{ did: string; presentation: JsonObject }> {
  const keys = generateEd25519Multikey();
  const did = didKeyFromPublicKey(keys.publicKeyMultibase);
  const signer = createSigner({ verificationMethod: didKeyVerificationMethod(did), ...keys });
  const presentation = await signPresentation({
    presentation: {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiablePresentation'],
      holder: did,
    },
    signer,
    now: new Date(),
    cryptosuite: 'eddsa-rdfc-2022',
    documentLoader,
    challenge: options.challenge,
    domain: options.domain,
  });
  return { did, presentation };
}
