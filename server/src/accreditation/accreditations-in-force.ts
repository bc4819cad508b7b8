import { sql } from 'kysely';
import type { Db } from '../db/transaction.js';
import type { AccreditationStatus, AccreditationSubjectType } from '../db/schema.js';

/** An accreditation as other areas (catalogue, verification) read it. */
export type AccreditationInForce = {
  id: string;
  accreditorOrgId: string;
  accreditorSlug: string;
  accreditorName: string;
  accreditorDid: string;
  schemeId: string;
  schemeName: string;
  subjectType: AccreditationSubjectType;
  subjectOrgId: string;
  subjectMicrocredentialId: string | null;
  /** Its status now (it may have been withdrawn since the date asked about). */
  status: AccreditationStatus;
  validFrom: Date;
  validUntil: Date | null;
  withdrawnAt: Date | null;
  /** Row id in `credentials` of the signed accreditation credential. */
  credentialId: string | null;
  verificationCode: string;
};

/**
 * The accreditations in force at `at` for a provider (`subjectOrgId`): those of the
 * organisation itself and, when `microcredentialId` is given, those of that programme.
 * In force means: accredited (not a candidacy) as of `at` by its status history, `at` within
 * its validity, and a signed credential exists. A withdrawal or suspension after `at` does not
 * change the answer for `at`; one before it does.
 */
export async function accreditationsFor(
  db: Db,
  options: { subjectOrgId: string; microcredentialId?: string; at: Date },
): Promise<AccreditationInForce[]> {
  const { subjectOrgId, microcredentialId, at } = options;
  const rows = await db
    .selectFrom('accreditations as a')
    .innerJoin('organizations as o', 'o.id', 'a.accreditor_org_id')
    .innerJoin('accreditation_schemes as s', 's.id', 'a.scheme_id')
    .select([
      'a.id',
      'a.accreditor_org_id',
      'o.slug as accreditor_slug',
      'o.name as accreditor_name',
      'o.did as accreditor_did',
      'a.scheme_id',
      's.name as scheme_name',
      'a.subject_type',
      'a.subject_org_id',
      'a.subject_microcredential_id',
      'a.status',
      'a.valid_from',
      'a.valid_until',
      'a.withdrawn_at',
      'a.credential_id',
      'a.verification_code',
    ])
    .where('a.subject_org_id', '=', subjectOrgId)
    .where((eb) =>
      microcredentialId === undefined
        ? eb('a.subject_type', '=', 'organization')
        : eb.or([
            eb('a.subject_type', '=', 'organization'),
            eb('a.subject_microcredential_id', '=', microcredentialId),
          ]),
    )
    .where('a.credential_id', 'is not', null)
    .where('a.valid_from', '<=', at)
    .where((eb) => eb.or([eb('a.valid_until', 'is', null), eb('a.valid_until', '>', at)]))
    // The status it had at `at`: the last change at or before it.
    .where(
      sql<string>`(select c.status from accreditation_status_changes c
        where c.accreditation_id = a.id and c.changed_at <= ${at}
        order by c.changed_at desc, c.seq desc limit 1)`,
      '=',
      'accredited',
    )
    .orderBy('a.valid_from')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    accreditorOrgId: r.accreditor_org_id,
    accreditorSlug: r.accreditor_slug,
    accreditorName: r.accreditor_name,
    accreditorDid: r.accreditor_did,
    schemeId: r.scheme_id,
    schemeName: r.scheme_name,
    subjectType: r.subject_type,
    subjectOrgId: r.subject_org_id,
    subjectMicrocredentialId: r.subject_microcredential_id,
    status: r.status,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    withdrawnAt: r.withdrawn_at,
    credentialId: r.credential_id,
    verificationCode: r.verification_code,
  }));
}
