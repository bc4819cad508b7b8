import { randomBytes, randomUUID } from 'node:crypto';
import { signCredential, signJwt, validateAchievementCredential, validateClrCredential } from '@cairn/credentials';
import type { Actor, Deps } from '../deps.js';
import { transaction } from '../db/transaction.js';
import { AppError } from '../http/app-error.js';
import { loadActiveSigner } from '../keys/signing-keys.service.js';
import { authorizeOrg, authorizeOrgById, type OrgView } from '../orgs/orgs.service.js';
import { findOrganizationById } from '../orgs/orgs.store.js';
import { findVerifiedUserByEmail } from '../identity/identity.store.js';
import { insertMail } from '../mail/mail.store.js';
import { lockLearnerPathways, onComponentStatusChanged, reevaluateLearnerPathways } from '../pathways/pathway-awards.service.js';
import { documentLoader } from '../verification/document-loader.js';
import { completeCredential, type JsonObject } from './complete-credential.js';
import * as store from './credentials.store.js';
import { addressOf, credentialIssuedMail, subjectNamesEmail } from './recipient-delivery.js';
import { allocateStatusEntries, setStatusBit, type ChangeablePurpose } from './status-lists.service.js';

export type Cryptosuite = 'eddsa-rdfc-2022' | 'eddsa-jcs-2022';
export type CredentialFormat = 'ldp' | 'jwt';

export type IssueCredentialOptions = {
  credential: JsonObject;
  format?: CredentialFormat;
  cryptosuite?: Cryptosuite;
  /** A retry with the same key returns the credential issued the first time. */
  idempotencyKey?: string;
  /** Written as a hashed IdentityObject when the subject has no id or identifier. */
  recipientEmail?: string;
  /**
   * The Cairn user the credential is for, when known. It is linked to them only when their
   * proven email is the one the credential names; otherwise when they prove it.
   */
  recipientUserId?: string;
  /** Mail the credential to the email it names (issuance by hand and through the VC-API). */
  isRecipientMailed?: boolean;
  /**
   * Status entries to carry. Default: revocation only, as Open Badges 3.0 allows one entry.
   * With suspension too, the credential can be suspended and reinstated (VC 2.0 allows several
   * entries; verifiers that enforce OB 3.0's single entry will flag it).
   */
  statusPurposes?: ['revocation'] | ['revocation', 'suspension'];
};

export type IssuedCredential = {
  id: string;
  credentialId: string;
  format: CredentialFormat;
  /** The signed credential: a JSON object, or a compact JWS for VC-JWT. */
  verifiableCredential: JsonObject | string;
  isReplay: boolean;
};

const ISSUING_ROLES = ['provider', 'accreditor', 'partner'] as const;

function parseStored(format: CredentialFormat, document: string): JsonObject | string {
  return format === 'jwt' ? document : (JSON.parse(document) as JsonObject);
}

function achievementNameOf(credential: JsonObject): string | null {
  const subject = credential.credentialSubject as JsonObject | undefined;
  const achievement = subject?.achievement as JsonObject | undefined;
  const name = achievement?.name ?? credential.name;
  return typeof name === 'string' ? name.slice(0, 300) : null;
}

/** Signing errors from JSON-LD (an undefined term, an unknown context) are the caller's to fix. */
function asValidationError(error: unknown): AppError {
  // jsonld's safe mode names the offending term only in its event details.
  const event = (error as { details?: { event?: { message?: string; details?: Record<string, unknown> } } }).details?.event;
  const detail = event ? `${event.message ?? ''} ${JSON.stringify(event.details ?? {})}`.trim() : '';
  const message = `${error instanceof Error ? error.message : String(error)}${detail ? ` (${detail})` : ''}`;
  return new AppError('validation_failed', `The credential could not be signed: ${message}`, { fields: [{ field: 'credential', message }], cause: error });
}

/**
 * Issues one credential as an organisation: completes it, allocates its status entries, signs
 * it with the active key, checks it against the OB 3.0 schema and stores it, all in one
 * transaction, so a failure at any step leaves nothing behind.
 */
export async function issueCredentialAs(deps: Deps, org: OrgView, by: { apiKeyId?: string; userId?: string }, options: IssueCredentialOptions): Promise<IssuedCredential> {
  if (!org.roles.some((r) => (ISSUING_ROLES as readonly string[]).includes(r))) {
    throw new AppError('forbidden', `${org.name} is not a provider, accreditor or industry partner, so it cannot issue credentials.`);
  }
  return transaction(deps.db, async (trx) => {
    const tdeps = { ...deps, db: trx };
    const address = addressOf(options.credential, options.recipientEmail);
    // Only an account that proved the address may hold what is issued to it.
    const owner = address ? await findVerifiedUserByEmail(trx, address) : undefined;
    const ownerId = owner && (!options.recipientUserId || options.recipientUserId === owner.id) ? owner.id : undefined;
    // Before any status-list lock: a learner's issuances and pathway awards queue here in one
    // order, so a pathway award inside one never waits on a list held by another.
    const learnerToLock = options.recipientUserId ?? ownerId;
    if (learnerToLock) await lockLearnerPathways(trx, learnerToLock);
    if (options.idempotencyKey) {
      const existing = await store.findCredentialByIdempotencyKey(trx, org.id, options.idempotencyKey);
      if (existing) {
        return { id: existing.id, credentialId: existing.credential_id, format: existing.format, verifiableCredential: parseStored(existing.format, existing.document), isReplay: true };
      }
    }
    const signer = await loadActiveSigner(tdeps, org);
    const id = randomUUID();
    const credentialId = new URL(`/credentials/${id}`, deps.publicUrl).toString();
    const now = deps.clock();
    const status = await allocateStatusEntries(tdeps, org, signer);
    const statusPurposes = options.statusPurposes ?? ['revocation'];
    const statusEntries: [JsonObject] | [JsonObject, JsonObject] =
      statusPurposes.length === 2 ? [status.entries.revocation, status.entries.suspension] : [status.entries.revocation];
    const completed = completeCredential({
      credential: options.credential,
      credentialId,
      issuer: { did: org.did, name: org.name, url: new URL(`/orgs/${org.slug}/profile`, deps.publicUrl).toString() },
      now,
      statusEntries,
      ...(options.recipientEmail ? { recipientEmail: options.recipientEmail } : {}),
      salt: randomBytes(16).toString('hex'),
    });
    const format = options.format ?? 'ldp';
    const cryptosuite = options.cryptosuite ?? 'eddsa-rdfc-2022';

    let signed: JsonObject;
    try {
      signed = await signCredential({ credential: completed, signer, cryptosuite, documentLoader, now });
    } catch (error) {
      throw asValidationError(error);
    }
    const types = (signed.type as string[]) ?? [];
    if (!types.includes('EndorsementCredential')) {
      // With two status entries only OB 3.0's one-entry rule is knowingly relaxed; check the rest.
      const validate = types.includes('ClrCredential') ? validateClrCredential : validateAchievementCredential;
      const check = validate(statusEntries.length > 1 ? { ...signed, credentialStatus: statusEntries[0] } : signed);
      if (!check.valid) {
        throw new AppError('validation_failed', 'The credential does not meet the Open Badges 3.0 schema. See errors[].', {
          fields: check.errors.map((e) => ({ field: `credential${e.path.startsWith('/') ? e.path.replaceAll('/', '.') : `.${e.path}`}`.replace(/\.$/, ''), message: e.message })),
        });
      }
    }
    const verifiableCredential: JsonObject | string = format === 'jwt' ? signJwt({ credential: completed, signer }) : signed;
    const validUntil = typeof completed.validUntil === 'string' ? new Date(completed.validUntil) : null;
    // The address counts only if the signed subject names it (a caller's own id or identifier wins).
    const recipientEmail = address && subjectNamesEmail(completed, address) ? address : null;
    const recipientUserId = recipientEmail ? (ownerId ?? null) : null;
    await store.insertCredential(trx, {
      id,
      orgId: org.id,
      credentialId,
      format,
      cryptosuite: format === 'ldp' ? cryptosuite : null,
      document: typeof verifiableCredential === 'string' ? verifiableCredential : JSON.stringify(verifiableCredential),
      types,
      achievementName: achievementNameOf(completed),
      recipientUserId,
      recipientLabel: options.recipientEmail ?? null,
      recipientEmail,
      statusListNumber: status.listNumber,
      statusIndex: status.index,
      statusPurposes: [...statusPurposes],
      issuedAt: now,
      validUntil,
      idempotencyKey: options.idempotencyKey ?? null,
      createdByKey: by.apiKeyId ?? null,
      createdByUser: by.userId ?? null,
    });
    // Linked by its address rather than for a known learner: it may complete a pathway. (With a
    // known learner the caller, learning or pathway awards, re-evaluates itself.)
    if (recipientUserId && !options.recipientUserId) await reevaluateLearnerPathways(tdeps, recipientUserId);
    if (options.isRecipientMailed && recipientEmail) {
      await insertMail(trx, {
        ...credentialIssuedMail({ to: recipientEmail, issuerName: org.name, achievementName: achievementNameOf(completed), credentialUrl: credentialId, publicUrl: deps.publicUrl, isLinked: recipientUserId !== null }),
        orgId: org.id,
      });
    }
    return { id, credentialId, format, verifiableCredential, isReplay: false };
  });
}

/** VC-API issue: the organisation is the API key's. */
export async function issueCredentialWithApiKey(deps: Deps, actor: Actor, options: IssueCredentialOptions) {
  if (actor.kind !== 'apiKey') {
    throw new AppError(actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden', 'Issuing through the VC-API needs an organisation API key (Authorization: Bearer cairn_…).');
  }
  const org = await findOrganizationById(deps.db, actor.orgId);
  const access = await authorizeOrg(deps, actor, org!.slug, 'credentials.issue');
  return issueCredentialAs(deps, access.org, { apiKeyId: actor.apiKeyId }, { ...options, isRecipientMailed: true });
}

/** Issue as a signed-in member of the organisation named by slug. */
export async function issueCredentialForOrg(deps: Deps, actor: Actor, slug: string, options: IssueCredentialOptions) {
  const access = await authorizeOrg(deps, actor, slug, 'credentials.issue');
  return issueCredentialAs(deps, access.org, actor.kind === 'apiKey' ? { apiKeyId: actor.apiKeyId } : { userId: access.actor.kind === 'user' ? access.actor.userId : undefined }, { ...options, isRecipientMailed: true });
}

export type CredentialLifecycle = 'active' | 'revoked' | 'suspended' | 'expired';

/** Where a credential stands now; revocation wins over suspension, both over expiry. */
export function lifecycleOf(row: { revoked_at: Date | null; suspended_at: Date | null; valid_until: Date | null }, now: Date): CredentialLifecycle {
  if (row.revoked_at) return 'revoked';
  if (row.suspended_at) return 'suspended';
  if (row.valid_until && row.valid_until <= now) return 'expired';
  return 'active';
}

export type CredentialStatusView = {
  id: string;
  credentialId: string;
  status: CredentialLifecycle;
  revokedAt: Date | null;
  revocationReason: string | null;
  suspendedAt: Date | null;
  suspensionReason: string | null;
};

function statusView(row: { id: string; credential_id: string; revoked_at: Date | null; revocation_reason: string | null; suspended_at: Date | null; suspension_reason: string | null; valid_until: Date | null }, now: Date): CredentialStatusView {
  return { id: row.id, credentialId: row.credential_id, status: lifecycleOf(row, now), revokedAt: row.revoked_at, revocationReason: row.revocation_reason, suspendedAt: row.suspended_at, suspensionReason: row.suspension_reason };
}

export type StatusChange = { action: 'revoke'; reason: string } | { action: 'suspend'; reason?: string } | { action: 'unsuspend' };

/**
 * Revokes, suspends or reinstates a credential and republishes its status list at once.
 * Repeating a change that already holds answers with the current state and changes nothing.
 */
export async function changeCredentialStatus(deps: Deps, actor: Actor, credentialRef: string, change: StatusChange): Promise<CredentialStatusView> {
  const notFound = new AppError('not_found', 'No credential with this id that you may manage.');
  return transaction(deps.db, async (trx) => {
    const tdeps = { ...deps, db: trx };
    const row = await store.findCredential(trx, credentialRef, { forUpdate: true });
    if (!row) throw notFound;
    const { org } = await authorizeOrgById(tdeps, actor, row.org_id, 'credentials.changeStatus', notFound);
    const now = deps.clock();
    const at = { listNumber: row.status_list_number, index: row.status_index };
    let purpose: ChangeablePurpose | undefined;
    let isSet = true;
    switch (change.action) {
      case 'revoke':
        if (row.revoked_at) return statusView(row, now);
        purpose = 'revocation';
        await store.setCredentialStatus(trx, row.id, { revokedAt: now, revocationReason: change.reason });
        break;
      case 'suspend':
        if (row.revoked_at) throw new AppError('conflict', 'This credential is revoked; revocation is permanent, so it cannot be suspended.');
        if (row.suspended_at) return statusView(row, now);
        if (!row.status_purposes.includes('suspension')) {
          throw new AppError('conflict', 'This credential was issued without a suspension entry, so verifiers could not see a suspension. Revoke it instead, or issue with statusPurposes ["revocation", "suspension"].');
        }
        purpose = 'suspension';
        await store.setCredentialStatus(trx, row.id, { suspendedAt: now, suspensionReason: change.reason ?? null });
        break;
      case 'unsuspend':
        if (row.revoked_at) throw new AppError('conflict', 'This credential is revoked; revocation is permanent.');
        if (!row.suspended_at) return statusView(row, now);
        purpose = 'suspension';
        isSet = false;
        await store.setCredentialStatus(trx, row.id, { suspendedAt: null, suspensionReason: null });
        break;
    }
    const signer = await loadActiveSigner(tdeps, org);
    await setStatusBit(tdeps, org, signer, at, purpose, isSet);
    // Pathway credentials that stack this one are suspended or reinstated with it.
    await onComponentStatusChanged(tdeps, row.id);
    const updated = await store.findCredential(trx, row.id);
    return statusView(updated!, now);
  });
}

/** A credential as stored, for its public URL (unguessable id). */
export async function getCredentialDocument(deps: Deps, id: string) {
  const row = await store.findCredential(deps.db, id);
  if (!row) throw new AppError('not_found', 'No credential with this id.');
  return { format: row.format, document: row.document, status: statusView(row, deps.clock()) };
}

export async function listIssuedCredentials(deps: Deps, actor: Actor, slug: string, page: { limit: number; offset: number }) {
  const { org } = await authorizeOrg(deps, actor, slug, 'credentials.read');
  const rows = await store.listCredentialsOfOrg(deps.db, org.id, page);
  const now = deps.clock();
  return rows.map((r) => ({
    id: r.id,
    credentialId: r.credential_id,
    format: r.format,
    achievementName: r.achievement_name,
    recipient: r.recipient_label,
    issuedAt: r.issued_at,
    validUntil: r.valid_until,
    status: lifecycleOf(r, now),
    isSuspendable: r.status_purposes.includes('suspension'),
  }));
}
