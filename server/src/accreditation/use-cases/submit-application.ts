import { createHash } from 'node:crypto';
import type { Actor, Deps } from '../../deps.js';
import type { AccreditationSubjectType } from '../../db/schema.js';
import { transaction } from '../../db/transaction.js';
import { AppError, type FieldError } from '../../http/app-error.js';
import { detectEvidenceType } from '../../learning/evidence-file.js';
import { authorizeOrgAs, userIdOf } from '../accreditation-access.js';
import { loadApplicationDetail, type ApplicationDetail } from '../application-view.js';
import { assertStep, nextState } from '../application-state.js';
import { programmeFactsOf } from '../programme-facts.js';
import { limitsOf } from '../scheme-view.js';
import { jurisdictionViolation, programmeScopeViolations } from '../scope-limits.js';
import * as applications from '../stores/application.store.js';
import { insertApplicationEvidence } from '../stores/application-evidence.store.js';
import { findPublishedProgrammes } from '../stores/provider-lookup.store.js';
import { findSchemeById } from '../stores/scheme.store.js';

/** Largest evidence file an application takes. */
export const MAX_APPLICATION_EVIDENCE_BYTES = 20 * 1024 * 1024;

export type EvidenceUpload = { filename: string; bytes: Buffer; evidenceItem: string | null };

export type SubmitApplicationInput = {
  schemeId: string;
  subjectType: AccreditationSubjectType;
  /** The programmes (micro-credential ids) to accredit; empty for the organisation. */
  programmeIds: string[];
  statement: string;
  jurisdiction: string | null;
  /** The earlier application this one renews (same scheme, decided). */
  renewsId: string | null;
};

/**
 * A provider applies to a scheme for itself or for named programmes of its own. Refuses, with
 * nothing written: applying to its own scheme (no one accredits themself), a closed scheme,
 * programmes that are not the provider's published ones, and programmes outside the scheme's
 * scope (422 naming the limit).
 */
export async function submitApplication(
  deps: Deps,
  actor: Actor,
  providerSlug: string,
  input: SubmitApplicationInput,
): Promise<ApplicationDetail> {
  const { org } = await authorizeOrgAs(deps, actor, providerSlug, 'provider', 'accreditation.apply');
  const scheme = await findSchemeById(deps.db, input.schemeId);
  if (!scheme)
    throw new AppError('not_found', 'No such accreditation scheme.', {
      fields: [{ field: 'schemeId', message: 'Unknown scheme' }],
    });
  if (scheme.accreditor_org_id === org.id)
    throw new AppError('unprocessable_content', `${org.name} runs this scheme: a provider cannot accredit itself.`, {
      fields: [{ field: 'schemeId', message: 'Your own scheme' }],
    });
  if (!scheme.is_open) throw new AppError('conflict', `The scheme “${scheme.name}” is not taking applications.`);
  const programmeIds = [...new Set(input.programmeIds)];
  if (input.subjectType === 'organization' && programmeIds.length > 0)
    throw new AppError('validation_failed', 'An application for the organisation names no programmes.', {
      fields: [{ field: 'programmeIds', message: 'Leave empty, or apply for programmes' }],
    });
  if (input.subjectType === 'programme' && programmeIds.length === 0)
    throw new AppError('validation_failed', 'Name at least one programme to accredit.', {
      fields: [{ field: 'programmeIds', message: 'Choose one or more programmes' }],
    });
  const limits = limitsOf(scheme);
  const problems: FieldError[] = [];
  const jurisdiction = jurisdictionViolation(limits, input.jurisdiction);
  if (jurisdiction) problems.push({ field: 'jurisdiction', message: jurisdiction.message });
  const published = await findPublishedProgrammes(deps.db, org.id, programmeIds);
  programmeIds.forEach((id, i) => {
    const programme = published.find((p) => p.microcredentialId === id);
    if (!programme) {
      problems.push({ field: `programmeIds.${i}`, message: 'Not a published programme of your organisation.' });
      return;
    }
    for (const v of programmeScopeViolations(limits, programmeFactsOf(programme)))
      problems.push({ field: `programmeIds.${i}`, message: v.message });
  });
  if (problems.length > 0)
    throw new AppError('unprocessable_content', problems.map((p) => p.message).join(' '), { fields: problems });
  if (input.renewsId) {
    const earlier = await applications.findApplicationFor(deps.db, org.id, input.renewsId);
    if (
      !earlier ||
      earlier.provider_org_id !== org.id ||
      earlier.scheme_id !== scheme.id ||
      earlier.state !== 'decided'
    )
      throw new AppError(
        'unprocessable_content',
        'A renewal names a decided application of yours to the same scheme.',
        {
          fields: [{ field: 'renewsId', message: 'Not a decided application of yours to this scheme' }],
        },
      );
  }
  return transaction(deps.db, async (trx) => {
    const now = deps.clock();
    const row = await applications.insertApplication(trx, {
      accreditor_org_id: scheme.accreditor_org_id,
      provider_org_id: org.id,
      scheme_id: scheme.id,
      subject_type: input.subjectType,
      statement: input.statement,
      jurisdiction: input.jurisdiction,
      renews_id: input.renewsId,
      submitted_by: userIdOf(actor),
      created_at: now,
      updated_at: now,
    });
    await applications.insertApplicationProgrammes(trx, { id: row.id, providerOrgId: org.id }, programmeIds);
    return loadApplicationDetail(trx, row, org.id, deps.clock());
  });
}

/** The provider adds an evidence file to its application (until it is decided). */
export async function addApplicationEvidence(
  deps: Deps,
  actor: Actor,
  providerSlug: string,
  applicationId: string,
  upload: EvidenceUpload,
): Promise<ApplicationDetail> {
  const { org } = await authorizeOrgAs(deps, actor, providerSlug, 'provider', 'accreditation.apply');
  const userId = userIdOf(actor);
  if (!userId) throw new AppError('forbidden', 'Evidence is uploaded by a person: sign in.');
  if (upload.bytes.length === 0)
    throw new AppError('validation_failed', 'The file is empty.', {
      fields: [{ field: 'file', message: 'Empty file' }],
    });
  if (upload.bytes.length > MAX_APPLICATION_EVIDENCE_BYTES)
    throw new AppError(
      'payload_too_large',
      `The file is larger than ${MAX_APPLICATION_EVIDENCE_BYTES / 1024 / 1024} MB.`,
    );
  const detected = detectEvidenceType(upload.filename, upload.bytes);
  if ('problem' in detected)
    throw new AppError('validation_failed', detected.problem, {
      fields: [{ field: 'file', message: detected.problem }],
    });
  return transaction(deps.db, async (trx) => {
    const row = await applications.findApplicationFor(trx, org.id, applicationId, { forUpdate: true });
    if (!row || row.provider_org_id !== org.id)
      throw new AppError('not_found', 'No such application of your organisation.');
    if (row.state === 'decided')
      throw new AppError('conflict', 'This application has been decided: start a renewal to send new evidence.');
    const now = deps.clock();
    await insertApplicationEvidence(trx, {
      applicationId: row.id,
      providerOrgId: org.id,
      uploadedBy: userId,
      evidenceItem: upload.evidenceItem,
      filename: upload.filename.slice(0, 200),
      mediaType: detected.mediaType,
      size: upload.bytes.length,
      sha256: createHash('sha256').update(upload.bytes).digest('hex'),
      bytes: upload.bytes,
      at: now,
    });
    const updated = await applications.updateApplication(trx, row.id, {}, now);
    return loadApplicationDetail(trx, updated, org.id, deps.clock());
  });
}

/** The provider answers a request for more information; the application goes back for review. */
export async function answerInformationRequest(
  deps: Deps,
  actor: Actor,
  providerSlug: string,
  applicationId: string,
  body: string,
): Promise<ApplicationDetail> {
  const { org } = await authorizeOrgAs(deps, actor, providerSlug, 'provider', 'accreditation.apply');
  return transaction(deps.db, async (trx) => {
    const row = await applications.findApplicationFor(trx, org.id, applicationId, { forUpdate: true });
    if (!row || row.provider_org_id !== org.id)
      throw new AppError('not_found', 'No such application of your organisation.');
    assertStep(row.state, 'answer');
    const now = deps.clock();
    await applications.insertMessage(trx, {
      applicationId: row.id,
      authorOrgId: org.id,
      authorUserId: userIdOf(actor),
      kind: 'answer',
      body,
      at: now,
    });
    const updated = await applications.updateApplication(trx, row.id, { state: nextState('answer') }, now);
    return loadApplicationDetail(trx, updated, org.id, deps.clock());
  });
}
