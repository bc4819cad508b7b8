import { validateAchievementCredential, validateClrCredential } from '@cairn/credentials';
import type { Deps } from '../deps.js';
import { AppError } from '../http/app-error.js';
import type { IssuerIdentifier } from '../db/schema.js';
import { organizationIdentifiers } from '../keys/signing-keys.service.js';
import type { OrgView } from '../orgs/orgs.service.js';
import { OPEN_BADGES_TYPES, statusEntryCount, type CredentialProfile, type JsonObject } from './complete-credential.js';
import { typesOf } from './credential-facts.js';
import type { IssueCredentialOptions } from './issue-credential-options.js';

/** Organisation roles that may issue credentials. */
export const ISSUING_ROLES = ['provider', 'accreditor', 'partner'] as const;

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
export async function chooseIdentifier(
  deps: Deps,
  org: OrgView,
  options: IssueCredentialOptions,
): Promise<IssuerIdentifier> {
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
  if (sent === undefined || options.sharesStatusWith !== undefined) return;
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
export function asValidationError(error: unknown): AppError {
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
 * What can be refused before anything is written: who may issue, which profile the credential
 * follows and whether its id and status entries are the caller's to give. Returns the profile.
 */
export function checkIssueRequest(deps: Deps, org: OrgView, options: IssueCredentialOptions): CredentialProfile {
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
  return profile;
}

/** The signed credential against the Open Badges 3.0 (or CLR 2.0) schema; endorsements and plain VCs are not checked. */
export function checkOpenBadgesSchema(signed: JsonObject, types: string[], profile: CredentialProfile): void {
  if (profile === 'ob3' && !types.includes('EndorsementCredential')) {
    // With several status entries only OB 3.0's one-entry rule is knowingly relaxed; check the rest.
    const validate = types.includes('ClrCredential') ? validateClrCredential : validateAchievementCredential;
    const firstStatus = Array.isArray(signed.credentialStatus) ? signed.credentialStatus[0] : undefined;
    const check = validate(
      statusEntryCount(signed) > 1 && firstStatus !== undefined ? { ...signed, credentialStatus: firstStatus } : signed,
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
}
