import type { JsonObject } from '@cairn/credentials';
import type { Db } from '../db/transaction.js';
import * as store from './stores/endorsements.store.js';

export type EndorsementView = {
  id: string;
  endorser: { slug: string; name: string; did: string };
  subject:
    | { type: 'organization'; slug: string; name: string; id: string }
    | {
        type: 'programme';
        providerSlug: string;
        providerName: string;
        slug: string;
        title: string;
        versionNumber: number;
        id: string;
      };
  comment: string;
  /** Cairn's row id of the signed credential (its page is /credentials/{credentialRowId}). */
  credentialRowId: string;
  /** The signed EndorsementCredential's own id URL. */
  credentialId: string;
  validFrom: Date;
  withdrawnAt: Date | null;
  withdrawalReason: string | null;
};

export function presentEndorsement(r: store.EndorsementRow): EndorsementView {
  return {
    id: r.id,
    endorser: { slug: r.endorser_slug, name: r.endorser_name, did: r.endorser_did },
    subject:
      r.subject_type === 'programme'
        ? {
            type: 'programme',
            providerSlug: r.subject_org_slug,
            providerName: r.subject_org_name,
            slug: r.subject_slug ?? '',
            title: r.subject_title ?? '',
            versionNumber: r.subject_version_number ?? 0,
            id: r.subject_uri,
          }
        : { type: 'organization', slug: r.subject_org_slug, name: r.subject_org_name, id: r.subject_uri },
    comment: r.comment,
    credentialRowId: r.credential_id,
    credentialId: r.credential_uri,
    validFrom: r.valid_from,
    withdrawnAt: r.withdrawn_at,
    withdrawalReason: r.withdrawal_reason,
  };
}

/** The signed EndorsementCredentials of these subjects in force at `at`, as stored (JSON only). */
export async function endorsementCredentialsFor(db: Db, subjectUris: string[], at: Date): Promise<JsonObject[]> {
  return [...(await endorsementCredentialsBySubject(db, subjectUris, at)).values()].flat();
}

/** The same, by subject (a subject with none is absent), read in one statement. */
export async function endorsementCredentialsBySubject(
  db: Db,
  subjectUris: string[],
  at: Date,
): Promise<Map<string, JsonObject[]>> {
  const out = new Map<string, JsonObject[]>();
  for (const r of await store.listInForceFor(db, subjectUris, at)) {
    // A VC-JWT endorsement cannot sit in `endorsement` (that is `endorsementJwt`); Cairn signs them as JSON.
    if (!r.document.trimStart().startsWith('{')) continue;
    const list = out.get(r.subject_uri) ?? [];
    list.push(JSON.parse(r.document) as JsonObject);
    out.set(r.subject_uri, list);
  }
  return out;
}

/**
 * The Achievement with the endorsements of it in force at `at` in its `endorsement` list, so the
 * issuer's signature over a credential covers them. Any list the stored Achievement carried is
 * replaced: it holds exactly what was in force when the credential is issued.
 */
export async function withEndorsementsInForce<T extends Record<string, unknown>>(
  db: Db,
  achievement: T,
  at: Date,
): Promise<T> {
  const id = achievement.id;
  return withEndorsements(achievement, typeof id === 'string' ? await endorsementCredentialsFor(db, [id], at) : []);
}

/** The Achievement with exactly these endorsements in its `endorsement` list (none: no list). */
export function withEndorsements<T extends Record<string, unknown>>(achievement: T, endorsements: JsonObject[]): T {
  const { endorsement: _old, ...rest } = achievement;
  return (endorsements.length > 0 ? { ...rest, endorsement: endorsements } : rest) as T;
}

/**
 * The signed endorsements of the organisation identified by `issuerDid` in force at `at`, for its
 * issuer Profile's `endorsement` list in a credential it issues then. An organisation is endorsed
 * as its did:web, so a credential signed with another identifier (its did:key) gets none.
 */
export function issuerEndorsementsInForce(db: Db, issuerDid: string, at: Date): Promise<JsonObject[]> {
  return endorsementCredentialsFor(db, [issuerDid], at);
}

/** The endorsements of the organisation identified by `did` (not of its programmes) in force at `at`. */
export async function endorsementsOfOrganization(db: Db, did: string, at: Date): Promise<EndorsementView[]> {
  return (await store.listInForceFor(db, [did], at)).map(presentEndorsement);
}

/** The slugs of the organisations endorsing each programme version now (for catalogue rows). */
export function endorserSlugsOfVersions(db: Db, versionIds: string[]): Promise<Map<string, string[]>> {
  return store.endorserSlugsOfVersions(db, versionIds);
}

/** Endorsements given by an organisation: all of them, or only those in force. */
export async function endorsementsGivenBy(db: Db, endorserOrgId: string, options: { isInForceOnly?: boolean } = {}) {
  return (await store.listByEndorser(db, endorserOrgId, options)).map(presentEndorsement);
}
