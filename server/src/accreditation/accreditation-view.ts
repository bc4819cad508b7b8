import type { AccreditationStatus, AccreditationSubjectType } from '../db/schema.js';
import type { AccreditationViewRow } from './stores/accreditation.store.js';

/** An accreditation as the API shows it (register, workspace, provider's list). */
export type AccreditationView = {
  id: string;
  subject: { type: AccreditationSubjectType; id: string; name: string; providerSlug: string; providerName: string };
  scheme: { id: string; slug: string; name: string };
  accreditor: { slug: string; name: string };
  status: AccreditationStatus;
  statusReason: string | null;
  decisionReasons: string | null;
  publicReportUrl: string | null;
  jurisdiction: string | null;
  validFrom: Date;
  validUntil: Date | null;
  reviewDate: Date | null;
  statusChangedAt: Date;
  withdrawnAt: Date | null;
  /** Row id of the signed credential (`/credentials/{id}` serves it). */
  credentialId: string | null;
  /** The signed credential's own `id` URL. */
  credentialUrl: string | null;
  verificationCode: string;
  applicationId: string | null;
};

/**
 * The status an accreditation has at `now`: a candidacy, accreditation or suspension whose validity
 * has ended reads as expired from that moment, whether or not the lapse job has written it yet.
 */
export function accreditationStatusAt(
  row: { status: AccreditationStatus; validUntil: Date | null },
  now: Date,
): AccreditationStatus {
  const isOpen = row.status === 'candidate' || row.status === 'accredited' || row.status === 'suspended';
  return isOpen && row.validUntil !== null && row.validUntil.getTime() <= now.getTime() ? 'expired' : row.status;
}

/** An accreditation as it reads at `now` (its status computed from the date, see `accreditationStatusAt`). */
export function presentAccreditation(row: AccreditationViewRow, now: Date): AccreditationView {
  const isProgramme = row.subject_type === 'programme';
  return {
    id: row.id,
    subject: {
      type: row.subject_type,
      id: isProgramme ? row.subject_microcredential_id! : row.subject_org_id,
      name: isProgramme ? (row.programme_title ?? row.programme_slug ?? 'Programme') : row.provider_name,
      providerSlug: row.provider_slug,
      providerName: row.provider_name,
    },
    scheme: { id: row.scheme_id, slug: row.scheme_slug, name: row.scheme_name },
    accreditor: { slug: row.accreditor_slug, name: row.accreditor_name },
    status: accreditationStatusAt({ status: row.status, validUntil: row.valid_until }, now),
    statusReason: row.status_reason,
    decisionReasons: row.decision_reasons,
    publicReportUrl: row.public_report_url,
    jurisdiction: row.jurisdiction,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    reviewDate: row.review_date,
    statusChangedAt: row.status_changed_at,
    withdrawnAt: row.withdrawn_at,
    credentialId: row.credential_id,
    credentialUrl: row.credential_url,
    verificationCode: row.verification_code,
    applicationId: row.application_id,
  };
}
