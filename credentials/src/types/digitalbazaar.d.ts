// Minimal typings for the W3C reference stack, used by the interoperability tests and the bench.
declare module '@digitalbazaar/ed25519-multikey' {
  export type KeyPair = {
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    secretKeyMultibase?: string;
    signer(): { id: string; algorithm: string; sign(input: { data: Uint8Array }): Promise<Uint8Array> };
    verifier(): {
      id: string;
      algorithm: string;
      verify(input: { data: Uint8Array; signature: Uint8Array }): Promise<boolean>;
    };
  };
  export function from(key: Record<string, unknown>): Promise<KeyPair>;
  export function generate(options?: { id?: string; controller?: string }): Promise<KeyPair>;
}
declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: { signer?: unknown; cryptosuite: unknown; date?: string | Date });
  }
}
declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: unknown;
}
declare module '@digitalbazaar/eddsa-jcs-2022-cryptosuite' {
  export function createSignCryptosuite(): unknown;
  export function createVerifyCryptosuite(): unknown;
}
declare module '@digitalbazaar/vc' {
  type Loader = (url: string) => Promise<unknown>;
  export function issue(options: {
    credential: object;
    suite: unknown;
    documentLoader: Loader;
    now?: Date;
  }): Promise<Record<string, unknown>>;
  export function verifyCredential(options: {
    credential: object;
    suite: unknown;
    documentLoader: Loader;
    checkStatus?: unknown;
    now?: Date;
  }): Promise<{ verified: boolean; error?: unknown; results?: unknown[] }>;
}
declare module '@digitalbazaar/ed25519-verification-key-2020' {
  export class Ed25519VerificationKey2020 {
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    static generate(options?: { id?: string; controller?: string }): Promise<Ed25519VerificationKey2020>;
  }
}
declare module '@digitalbazaar/ed25519-signature-2020' {
  export class Ed25519Signature2020 {
    constructor(options: { key?: unknown; date?: string | Date });
  }
}
