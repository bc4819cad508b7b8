import type { Actor, Deps } from '../../deps.js';
import type { AccreditationStatus } from '../../db/schema.js';
import { transaction } from '../../db/transaction.js';
import { eventActorOf, recordEvent } from '../../events/record-event.js';
import { AppError } from '../../http/app-error.js';
import { changeCredentialStatus } from '../../issuance/issuance.service.js';
import { authorizeOrgAs } from '../accreditation-access.js';
import { accreditationMail, mailProvider } from '../accreditation-mail.js';
import { presentAccreditation, type AccreditationView } from '../accreditation-view.js';
import * as accreditations from '../stores/accreditation.store.js';

export type AccreditationStatusChange =
  { action: 'suspend'; reason: string } | { action: 'reinstate' } | { action: 'withdraw'; reason: string };

const target: Record<AccreditationStatusChange['action'], AccreditationStatus> = {
  suspend: 'suspended',
  reinstate: 'accredited',
  withdraw: 'withdrawn',
};

/**
 * Suspends, reinstates or withdraws an accreditation. The signed credential follows through the
 * accreditor's status lists (suspension bit; revocation bit for a withdrawal, which is final),
 * the provider's owners and admins are mailed, and the catalogue is refreshed (event), all in
 * one transaction. Repeating a change that already holds changes nothing.
 */
export async function changeAccreditationStatus(
  deps: Deps,
  actor: Actor,
  accreditorSlug: string,
  accreditationId: string,
  change: AccreditationStatusChange,
): Promise<AccreditationView> {
  const { org } = await authorizeOrgAs(deps, actor, accreditorSlug, 'accreditor', 'accreditation.manage');
  return transaction(deps.db, async (trx) => {
    const tdeps = { ...deps, db: trx };
    const row = await accreditations.findAccreditationFor(trx, org.id, accreditationId, { forUpdate: true });
    if (!row || row.accreditor_org_id !== org.id)
      throw new AppError('not_found', 'No such accreditation granted by your organisation.');
    const wanted = target[change.action];
    const present = async () =>
      presentAccreditation((await accreditations.findAccreditationView(trx, row.id))!, deps.clock());
    // Reinstating a candidacy returns it to candidacy, not to accredited.
    const isCandidacy = await accreditations.wasCandidacy(trx, row.id);
    const after: AccreditationStatus = change.action === 'reinstate' && isCandidacy ? 'candidate' : wanted;
    if (row.status === after) return present();
    const allowedFrom: Record<AccreditationStatusChange['action'], AccreditationStatus[]> = {
      suspend: ['accredited', 'candidate'],
      reinstate: ['suspended'],
      withdraw: ['accredited', 'candidate', 'suspended'],
    };
    if (!allowedFrom[change.action].includes(row.status))
      throw new AppError(
        'conflict',
        `This accreditation is ${row.status}; it cannot be ${change.action === 'withdraw' ? 'withdrawn' : change.action === 'suspend' ? 'suspended' : 'reinstated'}.`,
      );
    const now = deps.clock();
    const reason = change.action === 'reinstate' ? null : change.reason;
    if (row.credential_id) {
      if (change.action === 'withdraw')
        await changeCredentialStatus(tdeps, actor, row.credential_id, { action: 'revoke', reason: change.reason });
      else if (change.action === 'suspend')
        await changeCredentialStatus(tdeps, actor, row.credential_id, { action: 'suspend', reason: change.reason });
      else await changeCredentialStatus(tdeps, actor, row.credential_id, { action: 'unsuspend' });
    }
    await accreditations.setAccreditationStatus(trx, row, {
      status: after,
      reason,
      at: now,
      ...(change.action === 'withdraw' ? { withdrawnAt: now } : {}),
    });
    await recordEvent(tdeps, trx, {
      type: 'accreditation.changed',
      orgId: org.id,
      actor: eventActorOf(actor),
      data: { accreditationId: row.id, subjectOrgId: row.subject_org_id, status: after },
    });
    const view = await present();
    await mailProvider(
      deps,
      trx,
      row.subject_org_id,
      accreditationMail(
        change.action === 'withdraw' ? 'withdrawn' : change.action === 'suspend' ? 'suspended' : 'reinstated',
        {
          accreditorName: org.name,
          schemeName: view.scheme.name,
          subjectName: view.subject.name,
          providerSlug: view.subject.providerSlug,
          validUntil: view.validUntil,
          publicUrl: deps.publicUrl,
          reason,
        },
      ),
    );
    return view;
  });
}
