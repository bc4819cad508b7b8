import type { Actor, Deps } from '../../deps.js';
import type { ReviewOutcome } from '../../db/schema.js';
import { transaction } from '../../db/transaction.js';
import { AppError } from '../../http/app-error.js';
import { authorizeOrg } from '../../orgs/orgs.service.js';
import { authorizeOrgAs, userIdOf } from '../accreditation-access.js';
import { loadApplicationDetail, type ApplicationDetail } from '../application-view.js';
import { assertStep, nextState } from '../application-state.js';
import * as applications from '../stores/application.store.js';
import { findApplicationEvidenceFile } from '../stores/application-evidence.store.js';
import { findSchemeById } from '../stores/scheme.store.js';

const notFound = () => new AppError('not_found', 'No such application for your organisation.');

/** An application, for a member of its accrediting body or of its provider. */
export async function getApplication(
  deps: Deps,
  actor: Actor,
  orgSlug: string,
  applicationId: string,
): Promise<ApplicationDetail> {
  const { org } = await authorizeOrg(deps, actor, orgSlug, 'accreditation.read');
  const row = await applications.findApplicationFor(deps.db, org.id, applicationId);
  if (!row) throw notFound();
  return loadApplicationDetail(deps.db, row, org.id, deps.clock());
}

export type ApplicationSummary = {
  id: string;
  state: string;
  decision: string | null;
  subjectType: string;
  scheme: { id: string; name: string };
  provider: { slug: string; name: string };
  accreditor: { slug: string; name: string };
  isRenewal: boolean;
  createdAt: Date;
  updatedAt: Date;
};

/** The applications an organisation received (as accrediting body) or sent (as provider). */
export async function listApplications(
  deps: Deps,
  actor: Actor,
  orgSlug: string,
  side: 'received' | 'sent',
): Promise<ApplicationSummary[]> {
  const { org } = await authorizeOrgAs(
    deps,
    actor,
    orgSlug,
    side === 'received' ? 'accreditor' : 'provider',
    'accreditation.read',
  );
  const rows = await applications.listApplications(deps.db, org.id, side === 'received' ? 'accreditor' : 'provider');
  return rows.map((r) => ({
    id: r.id,
    state: r.state,
    decision: r.decision,
    subjectType: r.subject_type,
    scheme: { id: r.scheme_id, name: r.scheme_name },
    provider: { slug: r.provider_slug, name: r.provider_name },
    accreditor: { slug: r.accreditor_slug, name: r.accreditor_name },
    isRenewal: r.renews_id !== null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

/** An evidence file of an application, for either side. */
export async function getApplicationEvidenceFile(
  deps: Deps,
  actor: Actor,
  orgSlug: string,
  applicationId: string,
  fileId: string,
) {
  const { org } = await authorizeOrg(deps, actor, orgSlug, 'accreditation.read');
  const row = await applications.findApplicationFor(deps.db, org.id, applicationId);
  if (!row) throw notFound();
  const file = await findApplicationEvidenceFile(deps.db, row.id, fileId);
  if (!file) throw new AppError('not_found', 'No such evidence file in this application.');
  return file;
}

/** The accrediting body records its judgement of one criterion of the scheme's checklist. */
export async function recordReviewCheck(
  deps: Deps,
  actor: Actor,
  accreditorSlug: string,
  applicationId: string,
  check: { criterion: string; outcome: ReviewOutcome; note: string },
): Promise<ApplicationDetail> {
  const { org } = await authorizeOrgAs(deps, actor, accreditorSlug, 'accreditor', 'accreditation.review');
  return transaction(deps.db, async (trx) => {
    const row = await applications.findApplicationFor(trx, org.id, applicationId, { forUpdate: true });
    if (!row || row.accreditor_org_id !== org.id) throw notFound();
    assertStep(row.state, 'review');
    const scheme = await findSchemeById(trx, row.scheme_id);
    if (!scheme!.checklist.includes(check.criterion))
      throw new AppError('validation_failed', `“${check.criterion}” is not a criterion of the scheme's checklist.`, {
        fields: [{ field: 'criterion', message: 'Not in the checklist' }],
      });
    const now = deps.clock();
    await applications.upsertCheck(trx, {
      applicationId: row.id,
      accreditorOrgId: org.id,
      criterion: check.criterion,
      outcome: check.outcome,
      note: check.note,
      userId: userIdOf(actor),
      at: now,
    });
    const updated = await applications.updateApplication(trx, row.id, {}, now);
    return loadApplicationDetail(trx, updated, org.id, deps.clock());
  });
}

/** A comment either side writes on the application (the provider sees all of them). */
export async function commentOnApplication(
  deps: Deps,
  actor: Actor,
  orgSlug: string,
  applicationId: string,
  body: string,
): Promise<ApplicationDetail> {
  const { org } = await authorizeOrg(deps, actor, orgSlug, 'accreditation.read');
  return transaction(deps.db, async (trx) => {
    const row = await applications.findApplicationFor(trx, org.id, applicationId, { forUpdate: true });
    if (!row) throw notFound();
    // Reading is not enough to write: the accrediting body's reviewers, the provider's applicants.
    await authorizeOrg(
      { ...deps, db: trx },
      actor,
      orgSlug,
      org.id === row.accreditor_org_id ? 'accreditation.review' : 'accreditation.apply',
    );
    const now = deps.clock();
    await applications.insertMessage(trx, {
      applicationId: row.id,
      authorOrgId: org.id,
      authorUserId: userIdOf(actor),
      kind: 'comment',
      body,
      at: now,
    });
    const updated = await applications.updateApplication(trx, row.id, {}, now);
    return loadApplicationDetail(trx, updated, org.id, deps.clock());
  });
}

/** The accrediting body asks the provider for more information; the application waits for the answer. */
export async function requestInformation(
  deps: Deps,
  actor: Actor,
  accreditorSlug: string,
  applicationId: string,
  body: string,
): Promise<ApplicationDetail> {
  const { org } = await authorizeOrgAs(deps, actor, accreditorSlug, 'accreditor', 'accreditation.review');
  return transaction(deps.db, async (trx) => {
    const row = await applications.findApplicationFor(trx, org.id, applicationId, { forUpdate: true });
    if (!row || row.accreditor_org_id !== org.id) throw notFound();
    assertStep(row.state, 'request_information');
    const now = deps.clock();
    await applications.insertMessage(trx, {
      applicationId: row.id,
      authorOrgId: org.id,
      authorUserId: userIdOf(actor),
      kind: 'information_request',
      body,
      at: now,
    });
    const updated = await applications.updateApplication(trx, row.id, { state: nextState('request_information') }, now);
    return loadApplicationDetail(trx, updated, org.id, deps.clock());
  });
}
