import { randomBytes, randomUUID } from 'node:crypto';
import { readSignedFacts, signCredential, signJwt } from '@cairn/credentials';
import type { Deps } from '../../deps.js';
import { transaction } from '../../db/transaction.js';
import { AppError } from '../../http/app-error.js';
import { loadIssuerSigner } from '../../keys/signing-keys.service.js';
import type { OrgView } from '../../orgs/orgs.service.js';
import { findVerifiedUserByEmail } from '../../identity/identity.store.js';
import { queueMail } from '../../mail/queue-mail.js';
import { recordEvent } from '../../events/record-event.js';
import { documentLoader } from '../../verification/document-loader.js';
import { issuerEndorsementsInForce } from '../../endorsement/endorsements-in-force.js';
import { completeCredential, type JsonObject } from '../complete-credential.js';
import { achievementNameOf, displayNameOf, subjectIdOf, typesOf } from '../credential-facts.js';
import * as store from '../credentials.store.js';
import { addressOf, credentialIssuedMail, subjectNamesEmail } from '../recipient-delivery.js';
import { allocateStatusEntries } from '../status-lists.service.js';
import type {
  CredentialFormat,
  IssueCredentialOptions,
  IssuedBy,
  IssuedCredential,
} from '../issue-credential-options.js';
import {
  asValidationError,
  checkIssueRequest,
  checkOpenBadgesSchema,
  chooseIdentifier,
  invalid,
} from '../issue-request-checks.js';

export function parseStored(format: CredentialFormat, document: string): JsonObject | string {
  return format === 'jwt' ? document : (JSON.parse(document) as JsonObject);
}

/**
 * Issues one credential as an organisation: completes it, allocates its status entries, signs
 * it with the active key, checks it against the OB 3.0 schema and stores it, all in one
 * transaction, so a failure at any step leaves nothing behind.
 */
/** An Open Badges achievement credential (not an endorsement or a CLR), whose issuer Profile may carry endorsements. */
function isAchievementCredential(credential: JsonObject, profile: string): boolean {
  if (profile !== 'ob3') return false;
  // Left out, the type is filled as an OpenBadgeCredential.
  if (credential.type === undefined) return true;
  const types = Array.isArray(credential.type) ? credential.type : [credential.type];
  return (
    types.some((t) => t === 'OpenBadgeCredential' || t === 'AchievementCredential') &&
    !types.some((t) => t === 'EndorsementCredential' || t === 'ClrCredential')
  );
}

export async function issueCredentialAs(
  deps: Deps,
  org: OrgView,
  by: IssuedBy,
  options: IssueCredentialOptions,
): Promise<IssuedCredential> {
  const profile = checkIssueRequest(deps, org, options);
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
    // The endorsements of the organisation in force now travel in its Profile, under its signature.
    const known = options.issuerEndorsementsOf;
    const issuerEndorsement = !isAchievementCredential(options.credential, profile)
      ? []
      : known?.did === issuerDid
        ? known.credentials
        : await issuerEndorsementsInForce(trx, issuerDid, now);
    const completed = completeCredential({
      credential: options.credential,
      credentialId,
      issuer: {
        did: issuerDid,
        name: org.name,
        url: new URL(`/orgs/${org.slug}/profile`, deps.publicUrl).toString(),
        endorsement: issuerEndorsement,
      },
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
    // An id Cairn made from a fresh UUID cannot be taken; one the caller chose may be.
    const isOwnId = options.credentialId === undefined && options.credential.id === undefined;
    if (!isOwnId && typeof completed.id === 'string' && (await store.credentialIdIsTaken(trx, completed.id))) {
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
    checkOpenBadgesSchema(signed, types, profile);
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
