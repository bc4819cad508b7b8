import { randomBytes, randomUUID } from 'node:crypto';
import {
  readSignedFacts,
  signCredential,
  signJwt,
  validateAchievementCredential,
  validateClrCredential,
} from '@cairn/credentials';
import type { Deps } from '../../deps.js';
import { transaction } from '../../db/transaction.js';
import { AppError } from '../../http/app-error.js';
import type { IssuerIdentifier } from '../../db/schema.js';
import { loadIssuerSigner, organizationIdentifiers } from '../../keys/signing-keys.service.js';
import type { OrgView } from '../../orgs/orgs.service.js';
import { findVerifiedUserByEmail } from '../../identity/identity.store.js';
import { queueMail } from '../../mail/queue-mail.js';
import type { EventActor } from '../../events/event-types.js';
import { recordEvent } from '../../events/record-event.js';
import { documentLoader } from '../../verification/document-loader.js';
import {
  completeCredential,
  OPEN_BADGES_TYPES,
  statusEntryCount,
  type CredentialProfile,
  type JsonObject,
} from '../complete-credential.js';
import { achievementNameOf, displayNameOf, subjectIdOf, typesOf } from '../credential-facts.js';
import * as store from '../credentials.store.js';
import { addressOf, credentialIssuedMail, subjectNamesEmail } from '../recipient-delivery.js';
import { allocateStatusEntries } from '../status-lists.service.js';

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
  /** Which of the organisation's identifiers signs, as the request asked; wins over everything else. */
  issuerIdentifier?: IssuerIdentifier;
  /** Used when neither the request nor the credential's issuer decides (an API key's default). */
  defaultIssuerIdentifier?: IssuerIdentifier;
  /** Default: Open Badges 3.0 when `type` is absent or names an OB/CLR type, else plain VC Data Model 2.0. */
  profile?: CredentialProfile;
  /** VC-API `credentialId`: the credential's id when it has none (a URL). */
  credentialId?: string;
  /** What the issuance is for, as its `credential.issued` event tells consumers and webhooks. Default: `direct`. */
  context?: IssuanceContext;
};

/** Why a credential was issued: by hand or API, on completing a programme, for a pathway (with its CLR), or from a bulk upload. */
export type IssuanceKind = 'direct' | 'vc-api' | 'completion' | 'pathway' | 'clr' | 'bulk';

export type IssuanceContext = { kind: IssuanceKind; microcredentialId?: string; pathwayId?: string };

/** Who issues: the actor recorded on the event, and the key or member the row names as its creator. */
export type IssuedBy = { actor: EventActor; apiKeyId?: string; userId?: string };

export type IssuedCredential = {
  id: string;
  credentialId: string;
  format: CredentialFormat;
  /** The signed credential: a JSON object, or a compact JWS for VC-JWT. */
  verifiableCredential: JsonObject | string;
  isReplay: boolean;
};

/** Organisation roles that may issue credentials. */
export const ISSUING_ROLES = ['provider', 'accreditor', 'partner'] as const;

export function parseStored(format: CredentialFormat, document: string): JsonObject | string {
  return format === 'jwt' ? document : (JSON.parse(document) as JsonObject);
}

/** Open Badges when asked, or when the type names an OB/CLR type or is left for Cairn to fill. */
function profileOf(credential: JsonObject, asked: CredentialProfile | undefined): CredentialProfile {
  if (asked) return asked;
  if (credential.type === undefined) return 'ob3';
  return typesOf(credential).some((t) => OPEN_BADGES_TYPES.includes(t)) ? 'ob3' : 'vcdm2';
}

export function invalid(field: string, message: string): AppError {
  return new AppError('validation_failed', `The credential cannot be issued as sent: ${message}`, {
    fields: [{ field, message }],
  });
}

/**
 * Which of its identifiers the organisation signs as: the request's option, else the one the
 * credential names as issuer, else the API key's default, else did:web. A named issuer must be
 * one of the organisation's identifiers, and agree with the option when both are given.
 */
async function chooseIdentifier(deps: Deps, org: OrgView, options: IssueCredentialOptions): Promise<IssuerIdentifier> {
  const issuer = options.credential.issuer;
  const named =
    typeof issuer === 'string'
      ? issuer
      : typeof issuer === 'object' && issuer !== null && !Array.isArray(issuer)
        ? issuer.id
        : undefined;
  let namedIdentifier: IssuerIdentifier | undefined;
  if (typeof named === 'string') {
    const ids = await organizationIdentifiers(deps.db, org);
    if (named === ids.web) namedIdentifier = 'did:web';
    else if (ids.key !== null && named === ids.key) namedIdentifier = 'did:key';
    else {
      const mine = ids.key ? `${ids.web} or ${ids.key}` : ids.web;
      throw invalid(
        'credential.issuer',
        `${org.name} can only sign as itself: leave issuer out, or set it to ${mine}.`,
      );
    }
    if (options.issuerIdentifier && options.issuerIdentifier !== namedIdentifier) {
      throw invalid(
        'credential.issuer',
        `The issuer is ${org.name}'s ${namedIdentifier}, but options.issuerIdentifier asks for ${options.issuerIdentifier}. Make them agree, or leave one out.`,
      );
    }
  }
  return options.issuerIdentifier ?? namedIdentifier ?? options.defaultIssuerIdentifier ?? 'did:web';
}

/** A caller's own credentialStatus is kept as sent, unless it claims a place in Cairn's own lists. */
function checkCallerStatus(deps: Deps, options: IssueCredentialOptions) {
  const sent = options.credential.credentialStatus;
  if (sent === undefined) return;
  if (options.statusPurposes) {
    throw invalid(
      'options.statusPurposes',
      'statusPurposes asks Cairn to add its own status entries; the credential already has a credentialStatus. Send one or the other.',
    );
  }
  const entries = Array.isArray(sent) ? sent : [sent];
  entries.forEach((entry, i) => {
    const url =
      typeof entry === 'object' && entry !== null && !Array.isArray(entry) ? entry.statusListCredential : undefined;
    if (typeof url !== 'string') return;
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    if (parsed && parsed.origin === deps.publicUrl.origin && parsed.pathname.startsWith('/orgs/')) {
      const field = Array.isArray(sent) ? `credential.credentialStatus[${i}]` : 'credential.credentialStatus';
      throw invalid(
        field,
        'Entries in Cairn’s own status lists are allocated by Cairn: leave credentialStatus out and Cairn adds one.',
      );
    }
  });
}

/** Signing errors from JSON-LD (an undefined term, an unknown context) are the caller's to fix. */
function asValidationError(error: unknown): AppError {
  // jsonld's safe mode names the offending term only in its event details.
  const event = (error as { details?: { event?: { message?: string; details?: Record<string, unknown> } } }).details
    ?.event;
  const detail = event ? `${event.message ?? ''} ${JSON.stringify(event.details ?? {})}`.trim() : '';
  const message = `${error instanceof Error ? error.message : String(error)}${detail ? ` (${detail})` : ''}`;
  return new AppError('validation_failed', `The credential could not be signed: ${message}`, {
    fields: [{ field: 'credential', message }],
    cause: error,
  });
}

/**
 * Issues one credential as an organisation: completes it, allocates its status entries, signs
 * it with the active key, checks it against the OB 3.0 schema and stores it, all in one
 * transaction, so a failure at any step leaves nothing behind.
 */
export async function issueCredentialAs(
  deps: Deps,
  org: OrgView,
  by: IssuedBy,
  options: IssueCredentialOptions,
): Promise<IssuedCredential> {
  if (!org.roles.some((r) => (ISSUING_ROLES as readonly string[]).includes(r))) {
    throw new AppError(
      'forbidden',
      `${org.name} is not a provider, accreditor or industry partner, so it cannot issue credentials.`,
    );
  }
  const profile = profileOf(options.credential, options.profile);
  if (
    profile === 'ob3' &&
    options.credential.type !== undefined &&
    !typesOf(options.credential).some((t) => OPEN_BADGES_TYPES.includes(t))
  ) {
    throw invalid(
      'credential.type',
      'The Open Badges 3.0 profile needs OpenBadgeCredential, AchievementCredential or EndorsementCredential in type.',
    );
  }
  if (profile === 'vcdm2' && options.recipientEmail) {
    throw invalid(
      'options.recipientEmail',
      'recipientEmail writes an Open Badges IdentityObject, which a plain VC Data Model 2.0 credential cannot carry: name the subject with credentialSubject.id instead.',
    );
  }
  if (
    options.credentialId !== undefined &&
    options.credential.id !== undefined &&
    options.credential.id !== options.credentialId
  ) {
    throw invalid(
      'options.credentialId',
      'options.credentialId differs from credential.id: send one of them, or the same URL in both.',
    );
  }
  const sentId = options.credential.id ?? options.credentialId;
  if (typeof sentId === 'string' && sentId.startsWith(new URL('/credentials/', deps.publicUrl).toString())) {
    // Such a URL would not lead to this credential: the page and JSON at it are found by Cairn's own id.
    throw invalid(
      options.credential.id !== undefined ? 'credential.id' : 'options.credentialId',
      'Ids under this Cairn’s /credentials/ address are given by Cairn: leave id out, or use your own URL (urn:uuid:…).',
    );
  }
  checkCallerStatus(deps, options);
  return transaction(deps.db, async (trx) => {
    const tdeps = { ...deps, db: trx };
    const address = addressOf(options.credential, options.recipientEmail);
    // Only an account that proved the address may hold what is issued to it.
    const owner = address ? await findVerifiedUserByEmail(trx, address) : undefined;
    const ownerId = owner && (!options.recipientUserId || options.recipientUserId === owner.id) ? owner.id : undefined;
    if (options.idempotencyKey) {
      const existing = await store.findCredentialByIdempotencyKey(trx, org.id, options.idempotencyKey);
      if (existing) {
        return {
          id: existing.id,
          credentialId: existing.credential_id,
          format: existing.format,
          verifiableCredential: parseStored(existing.format, existing.document),
          isReplay: true,
        };
      }
    }
    const identifier = await chooseIdentifier(tdeps, org, options);
    const signer = await loadIssuerSigner(tdeps, org, identifier);
    const issuerDid = signer.verificationMethod.slice(0, signer.verificationMethod.indexOf('#'));
    const id = randomUUID();
    const credentialId = options.credentialId ?? new URL(`/credentials/${id}`, deps.publicUrl).toString();
    const now = deps.clock();
    // A caller's own credentialStatus is kept as sent: then Cairn allocates nothing.
    const hasOwnStatus = options.credential.credentialStatus !== undefined;
    const status = hasOwnStatus ? undefined : await allocateStatusEntries(tdeps, org, signer);
    const statusPurposes: ('revocation' | 'suspension')[] = hasOwnStatus
      ? []
      : [...(options.statusPurposes ?? ['revocation'])];
    const statusEntries: [] | [JsonObject] | [JsonObject, JsonObject] = !status
      ? []
      : statusPurposes.length === 2
        ? [status.entries.revocation, status.entries.suspension]
        : [status.entries.revocation];
    const completed = completeCredential({
      credential: options.credential,
      credentialId,
      issuer: { did: issuerDid, name: org.name, url: new URL(`/orgs/${org.slug}/profile`, deps.publicUrl).toString() },
      now,
      profile,
      statusEntries,
      ...(options.recipientEmail ? { recipientEmail: options.recipientEmail } : {}),
      salt: randomBytes(16).toString('hex'),
    });
    const format = options.format ?? 'ldp';
    const cryptosuite = options.cryptosuite ?? 'eddsa-rdfc-2022';
    if (
      typeof completed.validUntil === 'string' &&
      Date.parse(completed.validUntil) <= Date.parse(completed.validFrom as string)
    ) {
      throw invalid(
        'credential.validUntil',
        'validUntil must be after validFrom (which is now when you leave it out).',
      );
    }
    if (typeof completed.id === 'string' && (await store.credentialIdIsTaken(trx, completed.id))) {
      throw new AppError(
        'conflict',
        `A credential with the id ${completed.id} was already issued on this Cairn. Give each credential its own id, or leave id out.`,
        {
          fields: [
            {
              field: options.credential.id !== undefined ? 'credential.id' : 'options.credentialId',
              message: 'Already used',
            },
          ],
        },
      );
    }

    let signed: JsonObject;
    try {
      if (format === 'ldp') {
        signed = await signCredential({ credential: completed, signer, cryptosuite, documentLoader, now });
      } else {
        // A VC-JWT carries no Data Integrity proof: only check that a verifier can read its
        // JSON-LD (the same safe-mode expansion verification does), without signing twice.
        await readSignedFacts(completed, documentLoader);
        signed = completed;
      }
    } catch (error) {
      throw asValidationError(error);
    }
    // One proof is written as an object (VC DM 2.0's usual form, which VC-API suites expect);
    // the 1EdTech Open Badges schema wants an array, so OB credentials keep theirs.
    if (profile === 'vcdm2' && Array.isArray(signed.proof) && signed.proof.length === 1)
      signed = { ...signed, proof: signed.proof[0]! };
    const types = typesOf(signed);
    if (profile === 'ob3' && !types.includes('EndorsementCredential')) {
      // With several status entries only OB 3.0's one-entry rule is knowingly relaxed; check the rest.
      const validate = types.includes('ClrCredential') ? validateClrCredential : validateAchievementCredential;
      const firstStatus = Array.isArray(signed.credentialStatus) ? signed.credentialStatus[0] : undefined;
      const check = validate(
        statusEntryCount(signed) > 1 && firstStatus !== undefined
          ? { ...signed, credentialStatus: firstStatus }
          : signed,
      );
      if (!check.valid) {
        throw new AppError(
          'validation_failed',
          'The credential does not meet the Open Badges 3.0 schema. See errors[].',
          {
            fields: check.errors.map((e) => ({
              field: `credential${e.path.startsWith('/') ? e.path.replaceAll('/', '.') : `.${e.path}`}`.replace(
                /\.$/,
                '',
              ),
              message: e.message,
            })),
          },
        );
      }
    }
    const verifiableCredential: JsonObject | string =
      format === 'jwt' ? signJwt({ credential: completed, signer }) : signed;
    const validUntil = typeof completed.validUntil === 'string' ? new Date(completed.validUntil) : null;
    // The address counts only if the signed subject names it (a caller's own id or identifier wins).
    const recipientEmail = address && subjectNamesEmail(completed, address) ? address : null;
    const recipientUserId = recipientEmail ? (ownerId ?? null) : null;
    await store.insertCredential(trx, {
      id,
      orgId: org.id,
      credentialId: completed.id as string,
      format,
      cryptosuite: format === 'ldp' ? cryptosuite : null,
      document: typeof verifiableCredential === 'string' ? verifiableCredential : JSON.stringify(verifiableCredential),
      types,
      achievementName: displayNameOf(completed),
      recipientUserId,
      recipientLabel: options.recipientEmail ?? (profile === 'vcdm2' ? subjectIdOf(completed) : null),
      recipientEmail,
      statusListNumber: status?.listNumber ?? null,
      statusIndex: status?.index ?? null,
      statusPurposes,
      issuedAt: now,
      validUntil,
      idempotencyKey: options.idempotencyKey ?? null,
      createdByKey: by.apiKeyId ?? null,
      createdByUser: by.userId ?? null,
    });
    // Whoever cares (pathway awards, webhooks) reacts to the event in a job of its own: this
    // transaction locks only this organisation's status list.
    const achievement = ((completed.credentialSubject as JsonObject | undefined)?.achievement as JsonObject | undefined)
      ?.id;
    await recordEvent(tdeps, trx, {
      type: 'credential.issued',
      orgId: org.id,
      actor: by.actor,
      data: {
        credentialId: id,
        recipientUserId,
        achievementId: typeof achievement === 'string' ? achievement : null,
        microcredentialId: options.context?.microcredentialId ?? null,
        pathwayId: options.context?.pathwayId ?? null,
        kind: options.context?.kind ?? 'direct',
      },
    });
    if (options.isRecipientMailed && recipientEmail) {
      await queueMail(deps, trx, {
        ...credentialIssuedMail({
          to: recipientEmail,
          issuerName: org.name,
          achievementName: achievementNameOf(completed),
          credentialUrl: new URL(`/credentials/${id}`, deps.publicUrl).toString(),
          publicUrl: deps.publicUrl,
          isLinked: recipientUserId !== null,
        }),
        orgId: org.id,
      });
    }
    return { id, credentialId: completed.id as string, format, verifiableCredential, isReplay: false };
  });
}
