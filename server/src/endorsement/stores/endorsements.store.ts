import type { Db } from '../../db/transaction.js';
import type { EndorsementSubjectType } from '../../db/schema.js';

export type NewEndorsement = {
  endorserOrgId: string;
  subjectType: EndorsementSubjectType;
  subjectOrgId: string;
  subjectMicrocredentialId: string | null;
  subjectVersionId: string | null;
  subjectUri: string;
  comment: string;
  credentialId: string;
  validFrom: Date;
  createdBy: string | null;
};

export async function insertEndorsement(db: Db, e: NewEndorsement): Promise<string> {
  const row = await db
    .insertInto('endorsements')
    .values({
      endorser_org_id: e.endorserOrgId,
      subject_type: e.subjectType,
      subject_org_id: e.subjectOrgId,
      subject_microcredential_id: e.subjectMicrocredentialId,
      subject_version_id: e.subjectVersionId,
      subject_uri: e.subjectUri,
      comment: e.comment,
      credential_id: e.credentialId,
      valid_from: e.validFrom,
      created_by: e.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Endorsements with who gave them, what they endorse and their signed credential. */
function endorsementsWithNames(db: Db) {
  return db
    .selectFrom('endorsements as e')
    .innerJoin('organizations as by', 'by.id', 'e.endorser_org_id')
    .innerJoin('organizations as subj', 'subj.id', 'e.subject_org_id')
    .innerJoin('credentials as c', 'c.id', 'e.credential_id')
    .leftJoin('microcredentials as m', 'm.id', 'e.subject_microcredential_id')
    .leftJoin('microcredential_versions as v', 'v.id', 'e.subject_version_id')
    .select([
      'e.id',
      'e.endorser_org_id',
      'by.slug as endorser_slug',
      'by.name as endorser_name',
      'by.did as endorser_did',
      'e.subject_type',
      'e.subject_org_id',
      'subj.slug as subject_org_slug',
      'subj.name as subject_org_name',
      'e.subject_microcredential_id',
      'm.slug as subject_slug',
      'e.subject_version_id',
      'v.title as subject_title',
      'v.version_number as subject_version_number',
      'e.subject_uri',
      'e.comment',
      'e.credential_id',
      'c.credential_id as credential_uri',
      'c.document',
      'e.valid_from',
      'e.withdrawn_at',
      'e.withdrawal_reason',
      'e.created_at',
    ]);
}

export type EndorsementRow = Awaited<ReturnType<typeof findEndorsement>> & {};

export function findEndorsement(db: Db, endorserOrgId: string, id: string) {
  return endorsementsWithNames(db)
    .where('e.endorser_org_id', '=', endorserOrgId)
    .where('e.id', '=', id)
    .executeTakeFirst();
}

export function lockEndorsement(db: Db, endorserOrgId: string, id: string) {
  return db
    .selectFrom('endorsements')
    .select(['id', 'credential_id', 'withdrawn_at', 'subject_org_id'])
    .where('endorser_org_id', '=', endorserOrgId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function markWithdrawn(db: Db, id: string, at: Date, reason: string) {
  await db
    .updateTable('endorsements')
    .set({ withdrawn_at: at, withdrawal_reason: reason })
    .where('id', '=', id)
    .execute();
}

/** Every endorsement an organisation gave, newest first (withdrawn ones too). */
export function listByEndorser(db: Db, endorserOrgId: string, options: { isInForceOnly?: boolean } = {}) {
  let q = endorsementsWithNames(db).where('e.endorser_org_id', '=', endorserOrgId);
  if (options.isInForceOnly) q = q.where('e.withdrawn_at', 'is', null);
  return q.orderBy('e.created_at', 'desc').execute();
}

/** The endorsement in force by one endorser of one signed subject, if any. */
export function findInForce(db: Db, endorserOrgId: string, subjectUri: string) {
  return db
    .selectFrom('endorsements')
    .select('id')
    .where('endorser_org_id', '=', endorserOrgId)
    .where('subject_uri', '=', subjectUri)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
}

/**
 * Endorsements of signed subjects (Achievement ids, provider DIDs) in force at `at`: given at or
 * before it and not withdrawn by then. Oldest first, so embedded lists keep a stable order.
 */
export function listInForceFor(db: Db, subjectUris: string[], at: Date) {
  if (subjectUris.length === 0) return Promise.resolve([]);
  return (
    endorsementsWithNames(db)
      .where('e.subject_uri', 'in', subjectUris)
      .where('e.valid_from', '<=', at)
      .where((eb) => eb.or([eb('e.withdrawn_at', 'is', null), eb('e.withdrawn_at', '>', at)]))
      // Revoked through the credentials API rather than withdrawn here: the same.
      .where((eb) => eb.or([eb('c.revoked_at', 'is', null), eb('c.revoked_at', '>', at)]))
      .orderBy('e.valid_from')
      .orderBy('e.id')
      .execute()
  );
}

/** Endorsements whose signed credential is one of these `credential_id` URLs (for the verifier). */
export function findByCredentialUris(db: Db, credentialUris: string[]) {
  if (credentialUris.length === 0) return Promise.resolve([]);
  return endorsementsWithNames(db).where('c.credential_id', 'in', credentialUris).execute();
}

/** Slugs of the endorsers of each programme version now in force (for the catalogue rows). */
export async function endorserSlugsOfVersions(db: Db, versionIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (versionIds.length === 0) return out;
  const rows = await db
    .selectFrom('endorsements as e')
    .innerJoin('organizations as o', 'o.id', 'e.endorser_org_id')
    .innerJoin('credentials as c', 'c.id', 'e.credential_id')
    .select(['e.subject_version_id', 'o.slug'])
    .where('e.subject_version_id', 'in', versionIds)
    .where('e.withdrawn_at', 'is', null)
    .where('c.revoked_at', 'is', null)
    .orderBy('o.slug')
    .execute();
  for (const r of rows) {
    const list = out.get(r.subject_version_id!) ?? [];
    if (!list.includes(r.slug)) list.push(r.slug);
    out.set(r.subject_version_id!, list);
  }
  return out;
}
