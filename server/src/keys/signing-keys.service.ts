import { randomBytes } from 'node:crypto';
import {
  buildDidWebDocument,
  createSigner,
  decryptSecret,
  didKeyFromPublicKey,
  didKeyVerificationMethod,
  encryptSecret,
  generateEd25519Multikey,
  type Signer,
} from '@cairn/credentials';
import type { Actor, Deps } from '../deps.js';
import type { IssuerIdentifier } from '../db/schema.js';
import { transaction, type Db } from '../db/transaction.js';
import { AppError } from '../http/app-error.js';
import { authorizeOrg, requireUser } from '../orgs/org-access.js';
import { findOrganizationBySlug } from '../orgs/orgs.store.js';
import * as store from './signing-keys.store.js';

type KeyDeps = { db: Db; masterKey: Buffer; clock: () => Date };

function newKeyId(now: Date): string {
  return `key-${now.toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(3).toString('hex')}`;
}

/** Makes a new Ed25519 key for an organisation; the secret is stored sealed under the master key. */
export async function provisionSigningKey(deps: KeyDeps, orgId: string) {
  const pair = generateEd25519Multikey();
  return store.insertSigningKey(deps.db, {
    orgId,
    keyId: newKeyId(deps.clock()),
    publicKeyMultibase: pair.publicKeyMultibase,
    secretKeySealed: encryptSecret(pair.secretKeyMultibase, deps.masterKey),
  });
}

function unseal(sealed: string, masterKey: Buffer): string {
  try {
    return decryptSecret(sealed, masterKey);
  } catch (cause) {
    throw new AppError(
      'unavailable',
      'The signing key cannot be unlocked with this server’s master key (CAIRN_MASTER_KEY changed?).',
      { cause },
    );
  }
}

/** The signer for an organisation's active key, as `did#keyId`. */
export async function loadActiveSigner(deps: KeyDeps, org: { id: string; did: string }): Promise<Signer> {
  const key = await store.findActiveSigningKey(deps.db, org.id);
  if (!key)
    throw new AppError(
      'conflict',
      'This organisation has no active signing key. An admin can create one under Settings → Keys.',
    );
  return createSigner({
    verificationMethod: `${org.did}#${key.key_id}`,
    publicKeyMultibase: key.public_key_multibase,
    secretKeyMultibase: unseal(key.secret_key_sealed, deps.masterKey),
  });
}

/**
 * The organisation's did:key: a dedicated Ed25519 key, sealed like the others, made on first use.
 * A did:key is its public key, so it is never rotated (a new key would be a new identifier);
 * credentials signed with it verify offline, with nothing to fetch.
 */
export async function ensureDidKeyIssuer(deps: KeyDeps, orgId: string) {
  const existing = await store.findDidKeyIssuer(deps.db, orgId);
  if (existing) return existing;
  const pair = generateEd25519Multikey();
  await store.insertDidKeyIssuer(deps.db, {
    orgId,
    did: didKeyFromPublicKey(pair.publicKeyMultibase),
    publicKeyMultibase: pair.publicKeyMultibase,
    secretKeySealed: encryptSecret(pair.secretKeyMultibase, deps.masterKey),
  });
  // A concurrent first use may have inserted its own: whichever landed is the one.
  return (await store.findDidKeyIssuer(deps.db, orgId))!;
}

/** The signer for an organisation's did:key (`did:key:z6Mk…#z6Mk…`), making the key on first use. */
export async function loadDidKeySigner(deps: KeyDeps, orgId: string): Promise<Signer> {
  const key = await ensureDidKeyIssuer(deps, orgId);
  return createSigner({
    verificationMethod: didKeyVerificationMethod(key.did),
    publicKeyMultibase: key.public_key_multibase,
    secretKeyMultibase: unseal(key.secret_key_sealed, deps.masterKey),
  });
}

/** The signer for one of the organisation's identifiers. */
export function loadIssuerSigner(
  deps: KeyDeps,
  org: { id: string; did: string },
  identifier: IssuerIdentifier,
): Promise<Signer> {
  return identifier === 'did:key' ? loadDidKeySigner(deps, org.id) : loadActiveSigner(deps, org);
}

/** Which identifier a signer signs as: its verification method's controller. */
export function identifierOfSigner(signer: Signer): IssuerIdentifier {
  return signer.verificationMethod.startsWith('did:key:') ? 'did:key' : 'did:web';
}

/** Both identifiers of an organisation; `key` is null until its did:key is first used or created. */
export async function organizationIdentifiers(
  db: Db,
  org: { id: string; did: string },
): Promise<{ web: string; key: string | null }> {
  const key = await store.findDidKeyIssuer(db, org.id);
  return { web: org.did, key: key?.did ?? null };
}

/** Creates the organisation's did:key now (it is otherwise made on first use); idempotent. */
export async function createDidKeyIdentifier(deps: Deps, actor: Actor, slug: string) {
  const { org } = await authorizeOrg(deps, actor, slug, 'keys.manage');
  const existing = await store.findDidKeyIssuer(deps.db, org.id);
  const key = existing ?? (await ensureDidKeyIssuer(deps, org.id));
  return { did: key.did, publicKeyMultibase: key.public_key_multibase, createdAt: key.created_at, isNew: !existing };
}

/** The DID document of an organisation: every key, so credentials signed before a rotation still verify. */
export async function buildOrganizationDidDocument(db: Db, org: { id: string; did: string }) {
  const keys = await store.listSigningKeys(db, org.id);
  return buildDidWebDocument({
    did: org.did,
    keys: keys.map((k) => ({
      id: k.key_id,
      publicKeyMultibase: k.public_key_multibase,
      isActive: k.retired_at === null,
    })),
  });
}

export async function getPublicDidDocument(deps: Deps, slug: string) {
  const org = await findOrganizationBySlug(deps.db, slug);
  if (!org) throw new AppError('not_found', `No organisation "${slug}".`);
  return buildOrganizationDidDocument(deps.db, org);
}

export async function listKeys(deps: Deps, actor: Actor, slug: string) {
  const { org } = await authorizeOrg(deps, actor, slug, 'keys.manage');
  const keys = await store.listSigningKeys(deps.db, org.id);
  return keys.map((k) => ({
    id: `${org.did}#${k.key_id}`,
    publicKeyMultibase: k.public_key_multibase,
    createdAt: k.created_at,
    retiredAt: k.retired_at,
  }));
}

/** Retires the active key and makes a new one. Old credentials keep verifying: the DID document lists both. */
export async function rotateSigningKey(deps: Deps, actor: Actor, slug: string) {
  const { org } = await authorizeOrg(deps, actor, slug, 'keys.manage');
  requireUser(actor);
  const key = await transaction(deps.db, async (trx) => {
    await store.retireActiveSigningKey(trx, org.id, deps.clock());
    return provisionSigningKey({ ...deps, db: trx }, org.id);
  });
  return {
    id: `${org.did}#${key.key_id}`,
    publicKeyMultibase: key.public_key_multibase,
    createdAt: key.created_at,
    retiredAt: null,
  };
}
