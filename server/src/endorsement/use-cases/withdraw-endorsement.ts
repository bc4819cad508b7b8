import type { Actor, Deps } from '../../deps.js';
import { transaction } from '../../db/transaction.js';
import { AppError } from '../../http/app-error.js';
import { changeCredentialStatus } from '../../issuance/issuance.service.js';
import { authorizeOrg } from '../../orgs/orgs.service.js';
import { refreshRecognitionInCatalog } from '../../catalog/refresh-recognition.js';
import { presentEndorsement, type EndorsementView } from '../endorsements-in-force.js';
import * as store from '../stores/endorsements.store.js';

/**
 * Withdraws an endorsement: revokes its credential (the partner's status list is republished,
 * so every credential embedding it shows it withdrawn from now on), records when and why, and
 * takes it out of the catalogue. Credentials issued while it was in force keep it embedded and
 * stay valid. Withdrawing twice answers the same and changes nothing.
 */
export async function withdrawEndorsement(
  deps: Deps,
  actor: Actor,
  endorserSlug: string,
  endorsementId: string,
  options: { reason: string },
): Promise<EndorsementView> {
  const { org } = await authorizeOrg(deps, actor, endorserSlug, 'endorsements.manage');
  return transaction(deps.db, async (trx) => {
    const tdeps = { ...deps, db: trx };
    const row = await store.lockEndorsement(trx, org.id, endorsementId);
    if (!row) throw new AppError('not_found', `No endorsement ${endorsementId} by ${org.name}.`);
    if (!row.withdrawn_at) {
      await changeCredentialStatus(tdeps, actor, row.credential_id, { action: 'revoke', reason: options.reason });
      await store.markWithdrawn(trx, row.id, deps.clock(), options.reason);
      await refreshRecognitionInCatalog(tdeps, row.subject_org_id);
    }
    return presentEndorsement((await store.findEndorsement(trx, org.id, row.id))!);
  });
}
