import type { Actor, Deps } from '../../deps.js';
import { transaction } from '../../db/transaction.js';
import { AppError } from '../../http/app-error.js';
import { loadActiveSigner } from '../../keys/signing-keys.service.js';
import { authorizeOrgById } from '../../orgs/orgs.service.js';
import type { EventActor } from '../../events/event-types.js';
import { eventActorOf, recordEvent } from '../../events/record-event.js';
import { statusView, type CredentialStatusView } from '../credential-lifecycle.js';
import * as store from '../credentials.store.js';
import { setStatusBit, type ChangeablePurpose } from '../status-lists.service.js';

export type StatusChange =
  { action: 'revoke'; reason: string } | { action: 'suspend'; reason?: string } | { action: 'unsuspend' };

/**
 * Revokes, suspends or reinstates a credential and republishes its status list at once.
 * Repeating a change that already holds answers with the current state and changes nothing.
 */
export async function changeCredentialStatus(
  deps: Deps,
  actor: Actor,
  credentialRef: string,
  change: StatusChange,
): Promise<CredentialStatusView> {
  const notFound = new AppError('not_found', 'No credential with this id that you may manage.');
  return transaction(deps.db, async (trx) => {
    const tdeps = { ...deps, db: trx };
    const row = await store.findCredential(trx, credentialRef, { forUpdate: true });
    if (!row) throw notFound;
    const { org } = await authorizeOrgById(tdeps, actor, row.org_id, 'credentials.changeStatus', notFound);
    const now = deps.clock();
    if (row.status_list_number === null) {
      throw new AppError(
        'conflict',
        'This credential carries the status entry its issuer sent, not one of Cairn’s lists, so Cairn cannot revoke or suspend it. Change its status where that list is published.',
      );
    }
    const at = { listNumber: row.status_list_number, index: row.status_index };
    let purpose: ChangeablePurpose | undefined;
    let isSet = true;
    switch (change.action) {
      case 'revoke':
        if (row.revoked_at) return statusView(row, now);
        purpose = 'revocation';
        await store.setCredentialStatus(trx, row.id, { revokedAt: now, revocationReason: change.reason });
        break;
      case 'suspend':
        if (row.revoked_at)
          throw new AppError(
            'conflict',
            'This credential is revoked; revocation is permanent, so it cannot be suspended.',
          );
        if (row.suspended_at) return statusView(row, now);
        if (!row.status_purposes.includes('suspension')) {
          throw new AppError(
            'conflict',
            'This credential was issued without a suspension entry, so verifiers could not see a suspension. Revoke it instead, or issue with statusPurposes ["revocation", "suspension"].',
          );
        }
        purpose = 'suspension';
        await store.setCredentialStatus(trx, row.id, { suspendedAt: now, suspensionReason: change.reason ?? null });
        break;
      case 'unsuspend':
        if (row.revoked_at) throw new AppError('conflict', 'This credential is revoked; revocation is permanent.');
        if (!row.suspended_at) return statusView(row, now);
        purpose = 'suspension';
        isSet = false;
        await store.setCredentialStatus(trx, row.id, { suspendedAt: null, suspensionReason: null });
        break;
    }
    const signer = await loadActiveSigner(tdeps, org);
    await setStatusBit(tdeps, org, signer, at, purpose, isSet);
    // Pathway credentials that stack this one are suspended or reinstated with it, by a job.
    await recordStatusEvent(tdeps, eventActorOf(actor), row, change);
    const updated = await store.findCredential(trx, row.id);
    return statusView(updated!, now);
  });
}

/** Records the event of a status change in its transaction; the consumers follow it in jobs. */
async function recordStatusEvent(
  deps: Deps,
  actor: EventActor,
  row: { id: string; org_id: string; recipient_user_id: string | null },
  change: StatusChange,
) {
  const base = { credentialId: row.id, recipientUserId: row.recipient_user_id };
  const orgId = row.org_id;
  switch (change.action) {
    case 'revoke':
      await recordEvent(deps, deps.db, {
        type: 'credential.revoked',
        orgId,
        actor,
        data: { ...base, reason: change.reason },
      });
      break;
    case 'suspend':
      await recordEvent(deps, deps.db, {
        type: 'credential.suspended',
        orgId,
        actor,
        data: { ...base, reason: change.reason ?? null },
      });
      break;
    case 'unsuspend':
      await recordEvent(deps, deps.db, { type: 'credential.reinstated', orgId, actor, data: base });
      break;
  }
}
