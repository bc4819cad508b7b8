import { decodeJwt, identityMatches, normaliseEmail, type JsonObject, type JsonValue } from '@cairn/credentials';
import type { Deps } from '../deps.js';
import { transaction } from '../db/transaction.js';
import type { CredentialFormat } from '../db/schema.js';
import * as store from './credentials.store.js';

/*
 * How a credential issued to an email reaches its learner: it is mailed to the address at once,
 * and it joins the account of that address only once the account's owner has proven the
 * address. Both decisions read the subject's identifiers, the part the signature covers.
 */

function asArray(value: JsonValue | undefined): JsonValue[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every IdentityObject of every subject of a credential. */
function identifiersOf(credential: JsonObject): JsonValue[] {
  return asArray(credential.credentialSubject)
    .filter(isObject)
    .flatMap((s) => asArray(s.identifier));
}

/** Whether the credential's subject is identified by this email, hashed or plain. */
export function subjectNamesEmail(credential: JsonObject, email: string): boolean {
  return identifiersOf(credential).some((identity) => identityMatches(identity, email));
}

/**
 * The address an unsigned credential is going to, normalised: `recipientEmail` when given,
 * else a plain (unhashed) email identifier in its subject. A hashed identifier without
 * `recipientEmail` names an address Cairn cannot read, so it cannot be mailed or linked.
 */
export function addressOf(credential: JsonObject, recipientEmail: string | undefined): string | null {
  if (recipientEmail) return normaliseEmail(recipientEmail);
  for (const identity of identifiersOf(credential)) {
    if (
      isObject(identity) &&
      identity.identityType === 'emailAddress' &&
      identity.hashed !== true &&
      typeof identity.identityHash === 'string' &&
      identity.identityHash.includes('@')
    ) {
      return normaliseEmail(identity.identityHash);
    }
  }
  return null;
}

/** A stored credential (JSON-LD text or compact VC-JWT) read back as JSON, or undefined. */
function parseStored(format: CredentialFormat, document: string): JsonObject | undefined {
  try {
    const value = format === 'jwt' ? decodeJwt(document).payload : (JSON.parse(document) as JsonValue);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export type ClaimCredentialsOptions = { userId: string; email: string };

/** The job that follows a claim (queue `credentialsLinked`): the composition root decides who reacts. */
export type CredentialsLinkedJob = { learnerId: string; credentialIds: string[] };

/**
 * Links to an account every credential waiting for its newly verified address, and queues the
 * job that lets the learner's pathways count them (in the same transaction). Runs in the
 * caller's transaction when there is one.
 */
export async function claimCredentialsForEmail(
  deps: Deps,
  options: ClaimCredentialsOptions,
): Promise<{ claimed: number }> {
  const email = normaliseEmail(options.email);
  return transaction(deps.db, async (trx) => {
    const candidates = await store.listUnclaimedCredentialsForEmail(trx, email);
    // The column finds candidates; the signed subject decides.
    const ids = candidates
      .filter((c) => {
        const credential = parseStored(c.format, c.document);
        return credential !== undefined && subjectNamesEmail(credential, email);
      })
      .map((c) => c.id);
    if (ids.length === 0) return { claimed: 0 };
    await store.linkCredentialsToUser(trx, ids, options.userId);
    await deps.jobs.send(trx, 'credentialsLinked', {
      learnerId: options.userId,
      credentialIds: ids,
    } satisfies CredentialsLinkedJob);
    return { claimed: ids.length };
  });
}

export type CredentialMailOptions = {
  to: string;
  issuerName: string;
  achievementName: string | null;
  credentialUrl: string;
  publicUrl: URL;
  /** Whether the address belongs to an account that has proven it (the credential is linked). */
  isLinked: boolean;
};

/** The mail that carries a newly issued credential to its recipient. */
export function credentialIssuedMail(options: CredentialMailOptions): { to: string; subject: string; text: string } {
  const what = options.achievementName ?? 'a credential';
  const myCredentials = new URL('/me/credentials', options.publicUrl).toString();
  const signUp = new URL(`/signup?next=${encodeURIComponent('/me/credentials')}`, options.publicUrl).toString();
  const keep = options.isLinked
    ? `It is already in My credentials:\n\n${myCredentials}\n`
    : `To keep it in My credentials with everything else you earn, sign up (or log in) with this address, ${options.to}, and confirm it from the mail Cairn sends you. The credential then appears in My credentials by itself:\n\n${signUp}\n`;
  return {
    to: options.to,
    subject:
      `${options.issuerName} issued you ${options.achievementName ? `“${options.achievementName}”` : 'a credential'}`.slice(
        0,
        250,
      ),
    text: `Hello,\n\n${options.issuerName} issued you ${what}. See it, download the badge or share it here:\n\n${options.credentialUrl}\n\n${keep}\nIf you do not know ${options.issuerName}, you can ignore this mail.\n`,
  };
}
