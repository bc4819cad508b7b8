import type { Actor, Deps } from '../../deps.js';
import type { AccreditationDecision } from '../../db/schema.js';
import { transaction } from '../../db/transaction.js';
import { eventActorOf, recordEvent } from '../../events/record-event.js';
import { AppError, type FieldError } from '../../http/app-error.js';
import { achievementUrl } from '../../catalog/achievement.js';
import { changeCredentialStatus, issueCredentialAs } from '../../issuance/issuance.service.js';
import { authorizeOrgAs, userIdOf } from '../accreditation-access.js';
import { buildAccreditationCredential } from '../accreditation-credential.js';
import { accreditationMail, mailProvider } from '../accreditation-mail.js';
import { loadApplicationDetail, type ApplicationDetail } from '../application-view.js';
import { assertStep, nextState } from '../application-state.js';
import { programmeFactsOf } from '../programme-facts.js';
import { limitsOf } from '../scheme-view.js';
import { programmeScopeViolations } from '../scope-limits.js';
import * as accreditations from '../stores/accreditation.store.js';
import * as applications from '../stores/application.store.js';
import { findOrganizationById, findPublishedProgrammes } from '../stores/provider-lookup.store.js';
import { findSchemeById } from '../stores/scheme.store.js';
import { addMonthsUtc as addMonths } from '../../learning/credential-validity.js';
import { newVerificationCode } from '../verification-code.js';

export type DecideApplicationInput = {
  decision: AccreditationDecision;
  reasons: string;
  publicReportUrl: string | null;
};

/**
 * The accrediting body decides an application: candidate, accredited or refused, with reasons.
 * A candidacy or an accreditation creates one accreditation per subject (the organisation, or
 * each programme), each with its signed credential (revocation and suspension entries in the
 * accreditor's status lists); what it supersedes for the same subject and scheme is revoked.
 * All in one transaction. Deciding again with the same decision returns the decision already
 * made (nothing new is signed); a different one is a conflict.
 */
export async function decideApplication(
  deps: Deps,
  actor: Actor,
  accreditorSlug: string,
  applicationId: string,
  input: DecideApplicationInput,
): Promise<ApplicationDetail> {
  const access = await authorizeOrgAs(deps, actor, accreditorSlug, 'accreditor', 'accreditation.manage');
  const { org } = access;
  return transaction(deps.db, async (trx) => {
    const tdeps = { ...deps, db: trx };
    const row = await applications.findApplicationFor(trx, org.id, applicationId, { forUpdate: true });
    if (!row || row.accreditor_org_id !== org.id)
      throw new AppError('not_found', 'No such application for your organisation.');
    if (row.state === 'decided') {
      if (row.decision === input.decision) return loadApplicationDetail(trx, row, org.id, deps.clock());
      throw new AppError(
        'conflict',
        `This application was already decided (${row.decision}). Start a new application to decide again.`,
      );
    }
    assertStep(row.state, 'decide');
    // The database refuses it too; saying why is kinder than a constraint error.
    if (row.provider_org_id === org.id)
      throw new AppError('unprocessable_content', 'An organisation cannot accredit itself.');
    const scheme = (await findSchemeById(trx, row.scheme_id))!;
    const provider = (await findOrganizationById(trx, row.provider_org_id))!;
    const programmeIds = (await applications.listApplicationProgrammes(trx, row.id)).map((p) => p.microcredential_id);
    const published = await findPublishedProgrammes(trx, provider.id, programmeIds);
    const limits = limitsOf(scheme);
    const now = deps.clock();

    if (input.decision !== 'refused') {
      // Checked again at decision time: the scheme or the programme may have changed since.
      const problems: FieldError[] = [];
      for (const id of programmeIds) {
        const programme = published.find((p) => p.microcredentialId === id);
        if (!programme) {
          problems.push({ field: 'programmes', message: 'A programme of this application is no longer published.' });
          continue;
        }
        for (const v of programmeScopeViolations(limits, programmeFactsOf(programme)))
          problems.push({ field: `programmes.${programme.slug}`, message: v.message });
      }
      if (problems.length > 0)
        throw new AppError('unprocessable_content', problems.map((p) => p.message).join(' '), { fields: problems });

      const subjects =
        row.subject_type === 'organization'
          ? [{ microcredentialId: null, id: provider.did, name: provider.name }]
          : published.map((p) => ({
              microcredentialId: p.microcredentialId,
              id: achievementUrl(deps.publicUrl, p.versionId),
              name: p.title,
            }));
      const validUntil = addMonths(now, scheme.validity_months);
      const reviewDate = scheme.review_interval_months ? addMonths(now, scheme.review_interval_months) : null;
      for (const subject of subjects) {
        for (const earlier of await accreditations.lockCurrentForSubject(trx, {
          schemeId: scheme.id,
          subjectOrgId: provider.id,
          microcredentialId: subject.microcredentialId,
        })) {
          await accreditations.setAccreditationStatus(trx, earlier, {
            status: 'expired',
            reason: 'Superseded by a later decision',
            at: now,
            validUntil: now,
          });
          if (earlier.credential_id)
            await changeCredentialStatus(tdeps, actor, earlier.credential_id, {
              action: 'revoke',
              reason: 'Superseded by a later decision',
            });
        }
        const verificationCode = newVerificationCode();
        const accreditation = await accreditations.insertAccreditation(trx, {
          accreditor_org_id: org.id,
          scheme_id: scheme.id,
          application_id: row.id,
          subject_type: row.subject_type,
          subject_org_id: provider.id,
          subject_microcredential_id: subject.microcredentialId,
          status: input.decision,
          decision_reasons: input.reasons,
          public_report_url: input.publicReportUrl,
          jurisdiction: row.jurisdiction,
          valid_from: now,
          valid_until: validUntil,
          review_date: reviewDate,
          status_changed_at: now,
          verification_code: verificationCode,
          created_at: now,
          updated_at: now,
        });
        const credential = buildAccreditationCredential({
          publicUrl: deps.publicUrl,
          accreditor: { did: org.did, name: org.name, slug: org.slug },
          scheme: {
            slug: scheme.slug,
            name: scheme.name,
            summary: scheme.summary,
            criteriaMarkdown: scheme.criteria_markdown,
            limits,
          },
          subject: { type: row.subject_type, id: subject.id, name: subject.name },
          decision: input.decision,
          decidedAt: now,
          validUntil,
          reviewDate,
          reportUrl: input.publicReportUrl,
          jurisdiction: row.jurisdiction,
          verificationCode,
        });
        const issued = await issueCredentialAs(
          tdeps,
          org,
          { actor: eventActorOf(actor), ...(userIdOf(actor) ? { userId: userIdOf(actor)! } : {}) },
          {
            credential,
            statusPurposes: ['revocation', 'suspension'],
            idempotencyKey: `accreditation:${accreditation.id}`,
            issuerIdentifier: 'did:web',
            context: { kind: 'accreditation' },
          },
        );
        await accreditations.setAccreditationCredential(trx, accreditation.id, issued.id);
        await recordEvent(tdeps, trx, {
          type: 'accreditation.changed',
          orgId: org.id,
          actor: eventActorOf(actor),
          data: { accreditationId: accreditation.id, subjectOrgId: provider.id, status: input.decision },
        });
      }
    }

    await applications.insertMessage(trx, {
      applicationId: row.id,
      authorOrgId: org.id,
      authorUserId: userIdOf(actor),
      kind: 'decision',
      body: `Decision: ${input.decision}. ${input.reasons}`,
      at: now,
    });
    const updated = await applications.updateApplication(
      trx,
      row.id,
      {
        state: nextState('decide'),
        decision: input.decision,
        decision_reasons: input.reasons,
        public_report_url: input.publicReportUrl,
        decided_by: userIdOf(actor),
        decided_at: now,
      },
      now,
    );
    await mailProvider(
      deps,
      trx,
      provider.id,
      accreditationMail('decided', {
        accreditorName: org.name,
        schemeName: scheme.name,
        subjectName: row.subject_type === 'organization' ? provider.name : published.map((p) => p.title).join(', '),
        providerSlug: provider.slug,
        validUntil: null,
        publicUrl: deps.publicUrl,
        status: input.decision,
        reason: input.reasons,
      }),
    );
    return loadApplicationDetail(trx, updated, org.id, deps.clock());
  });
}
