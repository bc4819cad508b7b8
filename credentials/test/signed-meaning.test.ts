import { describe, expect, it } from 'vitest';
import {
  Bitstring,
  buildDidWebDocument,
  buildStatusEntry,
  buildStatusListCredential,
  createDocumentLoader,
  createSigner,
  didKeyFromPublicKey,
  didKeyVerificationMethod,
  generateEd25519Multikey,
  readSignedFacts,
  signCredential,
  verifyCredential,
} from '../src/index.js';
import type { JsonObject, JsonValue } from '../src/util/json.js';
import { sampleCredential } from './helpers.js';

// Attack 3 of the trust issue: JSON-LD spellings that sign the same RDF must not change what
// the verifier concludes. A revoked credential stays revoked however its status is written.
describe('verification reads the signed meaning, not the JSON shape', () => {
  const keys = generateEd25519Multikey();
  const did = didKeyFromPublicKey(keys.publicKeyMultibase);
  const signer = createSigner({ verificationMethod: didKeyVerificationMethod(did), ...keys });
  const documentLoader = createDocumentLoader();
  const listUrl = 'https://acme.example/status/1';
  const STATUS = 'https://www.w3.org/ns/credentials/status#';

  async function revokedCredential() {
    const bits = new Bitstring();
    bits.set(7, true);
    const list = await signCredential({
      credential: buildStatusListCredential({
        id: listUrl,
        issuer: did,
        statusPurpose: 'revocation',
        bitstring: bits,
        validFrom: new Date('2025-01-01T00:00:00Z'),
      }),
      signer,
      cryptosuite: 'eddsa-rdfc-2022',
      documentLoader,
      now: new Date(),
    });
    const credential = await signCredential({
      credential: sampleCredential(did, {
        credentialStatus: buildStatusEntry({ listUrl, index: 7, purpose: 'revocation' }),
      }),
      signer,
      cryptosuite: 'eddsa-rdfc-2022',
      documentLoader,
      now: new Date(),
    });
    return {
      credential,
      fetchStatusList: (url: string) =>
        url === listUrl ? Promise.resolve(list) : Promise.reject(new Error('unknown list')),
    };
  }

  const rewrites: Record<string, (entry: JsonObject) => JsonObject> = {
    'purpose wrapped in an array': (e) => ({ ...e, statusPurpose: [e.statusPurpose as JsonValue] }),
    'purpose as a @value object': (e) => ({ ...e, statusPurpose: { '@value': e.statusPurpose as JsonValue } }),
    'purpose under its expanded IRI': ({ statusPurpose, ...e }) => ({
      ...e,
      [`${STATUS}statusPurpose`]: statusPurpose as JsonValue,
    }),
    'list URL as an @id object': (e) => ({
      ...e,
      statusListCredential: { '@id': e.statusListCredential as JsonValue },
    }),
    'index under its expanded IRI': ({ statusListIndex, ...e }) => ({
      ...e,
      [`${STATUS}statusListIndex`]: statusListIndex as JsonValue,
    }),
    'type under @type': ({ type, ...e }) => ({ ...e, '@type': type as JsonValue }),
    'whole entry in an array': (e) => e,
  };

  it.each(Object.keys(rewrites))('a revoked credential with its %s stays revoked', async (name) => {
    const { credential, fetchStatusList } = await revokedCredential();
    const original = await verifyCredential({ credential, documentLoader, fetchStatusList });
    expect(original.verified).toBe(false);
    expect(original.checks.find((c) => c.id === 'revocation')?.message).toBe('The issuer has revoked this credential');

    const entry = credential.credentialStatus as JsonObject;
    const rewritten = {
      ...credential,
      credentialStatus: name === 'whole entry in an array' ? [entry] : rewrites[name]!(entry),
    };
    const result = await verifyCredential({ credential: rewritten, documentLoader, fetchStatusList });
    // Same RDF: the signature still holds, and the status is read from the meaning.
    expect(result.checks.find((c) => c.id === 'proof')?.status).toBe('passed');
    expect(result.checks.find((c) => c.id === 'revocation')).toMatchObject({
      status: 'failed',
      message: 'The issuer has revoked this credential',
    });
    expect(result.verified).toBe(false);
  });

  it('reads the issuer, dates and status entries from the expanded form', async () => {
    const { credential } = await revokedCredential();
    const facts = await readSignedFacts(
      { ...credential, issuer: { '@id': did }, validFrom: { '@value': '2025-01-15T09:00:00Z' } },
      documentLoader,
    );
    expect(facts.issuerId).toBe(did);
    expect(facts.validFrom).toBe('2025-01-15T09:00:00Z');
    expect(facts.types).toEqual(expect.arrayContaining(['VerifiableCredential', 'OpenBadgeCredential']));
    expect(facts.statusEntries).toEqual([
      {
        id: `${listUrl}#7`,
        types: ['BitstringStatusListEntry'],
        purpose: 'revocation',
        index: '7',
        size: undefined,
        listCredential: listUrl,
      },
    ]);
    expect(facts.subjects[0]?.achievement?.id).toBe('https://acme.example/achievements/safe-lifting');
  });

  it("reads an alignment's targetUrl (schema.org's term in the OB 3.0 context)", async () => {
    const { credential } = await revokedCredential();
    const subject = credential.credentialSubject as JsonObject;
    const facts = await readSignedFacts(
      {
        ...credential,
        credentialSubject: {
          ...subject,
          achievement: {
            ...(subject.achievement as JsonObject),
            alignment: [{ type: ['Alignment'], targetName: 'Lifting', targetUrl: 'https://skills.example/lifting' }],
          },
        },
      },
      documentLoader,
    );
    expect(facts.subjects[0]?.achievement?.alignmentTargets).toEqual(['https://skills.example/lifting']);
  });

  it('refuses a credential whose meaning is ambiguous: two issuers, two purposes', async () => {
    const { credential } = await revokedCredential();
    await expect(
      readSignedFacts({ ...credential, issuer: [did, 'did:example:other'] }, documentLoader),
    ).rejects.toThrow(/more than one issuer/);
    const entry = credential.credentialStatus as JsonObject;
    await expect(
      readSignedFacts(
        { ...credential, credentialStatus: { ...entry, statusPurpose: ['revocation', 'suspension'] } },
        documentLoader,
      ),
    ).rejects.toThrow(/statusPurpose has 2 values/);
  });

  it('fails a status entry of a kind or purpose it cannot act on, rather than skipping it', async () => {
    const { credential, fetchStatusList } = await revokedCredential();
    const { proof: _proof, ...unsigned } = credential;
    for (const status of [
      { ...buildStatusEntry({ listUrl, index: 7, purpose: 'revocation' }), statusPurpose: 'message' },
      { id: `${listUrl}#7`, type: 'BitstringStatusListEntry', statusListIndex: '7', statusListCredential: listUrl },
    ]) {
      const signed = await signCredential({
        credential: { ...unsigned, credentialStatus: status },
        signer,
        cryptosuite: 'eddsa-rdfc-2022',
        documentLoader,
        now: new Date(),
      });
      const result = await verifyCredential({ credential: signed, documentLoader, fetchStatusList });
      expect(result.checks.find((c) => c.id === 'proof')?.status).toBe('passed');
      expect(result.verified).toBe(false);
      expect(result.errors.join(' ')).toMatch(/cannot act on|could not be checked/);
    }
  });

  it("binds Data Integrity keys to the signed issuer: another DID's key, or the attacker's own did:key, fails", async () => {
    const victim = 'did:web:victim.example';
    const victimDocument = buildDidWebDocument({
      did: victim,
      keys: [{ id: 'key-1', publicKeyMultibase: keys.publicKeyMultibase, isActive: true }],
    });
    const attackerKeys = generateEd25519Multikey();
    const attackerDid = didKeyFromPublicKey(attackerKeys.publicKeyMultibase);
    const attacker = createSigner({ verificationMethod: didKeyVerificationMethod(attackerDid), ...attackerKeys });
    const loader = createDocumentLoader({
      resolveDid: (d) => Promise.resolve(d === victim ? victimDocument : undefined),
    });
    for (const issuer of [victim, { '@id': victim }, { id: victim, name: 'Victim Academy' }] as JsonValue[]) {
      const forged = await signCredential({
        credential: sampleCredential(victim, { issuer }),
        signer: attacker,
        cryptosuite: 'eddsa-rdfc-2022',
        documentLoader: loader,
        now: new Date(),
      });
      const result = await verifyCredential({ credential: forged, documentLoader: loader });
      expect(result.checks.find((c) => c.id === 'proof')?.status).toBe('passed');
      expect(result.checks.find((c) => c.id === 'issuer')).toMatchObject({
        status: 'failed',
        message: expect.stringContaining(attackerDid) as string,
      });
      expect(result.verified).toBe(false);
    }
    // The genuine key verifies; the same key listed only under authentication does not.
    const genuineSigner = createSigner({ verificationMethod: `${victim}#key-1`, ...keys });
    const genuine = await signCredential({
      credential: sampleCredential(victim),
      signer: genuineSigner,
      cryptosuite: 'eddsa-rdfc-2022',
      documentLoader: loader,
      now: new Date(),
    });
    expect((await verifyCredential({ credential: genuine, documentLoader: loader })).verified).toBe(true);
    const authOnly = { ...victimDocument, assertionMethod: [] };
    const authLoader = createDocumentLoader({
      resolveDid: (d) => Promise.resolve(d === victim ? authOnly : undefined),
    });
    const refused = await verifyCredential({ credential: genuine, documentLoader: authLoader });
    expect(refused.verified).toBe(false);
    expect(refused.errors.join(' ')).toContain('not an assertionMethod');
  });
});
