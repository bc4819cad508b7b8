import type { Deps } from '../deps.js';
import { recordEvent } from '../events/record-event.js';
import { setCredentialStatus } from '../issuance/credentials.store.js';
import { lockStatusListsInOrder, setStatusBit } from '../issuance/status-lists.service.js';
import { loadActiveSigner } from '../keys/signing-keys.service.js';
import { queueMail } from '../mail/queue-mail.js';
import { findOrganizationById } from '../orgs/orgs.store.js';
import { credentialRowsForStatus } from './stores/held-credentials.store.js';
import { awardsWithComponent, inactiveComponentsOf, setAwardStatus } from './stores/pathway-award.store.js';
import { findVersion } from './stores/pathway.store.js';
import { findUser, orgAdminEmails } from './stores/people.store.js';
import { PATHWAY_AWARDS } from './pathway-awards-actor.js';

/**
 * Called when a component's status changes (a credential revoked, suspended, reinstated or
 * expired; a wallet entry's status re-read). Pathway credentials that count it are suspended
 * while any of their components is not in force, and reinstated when all are again; the
 * learner and the issuer are told each time. Runs in the caller's transaction. A pathway
 * credential suspended here records its own event, whose consumer follows pathways that
 * include this one.
 */
export async function onComponentStatusChanged(deps: Deps, componentId: string): Promise<void> {
  const awards = await awardsWithComponent(deps.db, componentId);
  const now = deps.clock();
  const changes: { award: AwardRow; shouldSuspend: boolean; reason: string | null }[] = [];
  for (const award of awards) {
    const inactive = await inactiveComponentsOf(deps.db, award.id, now);
    const shouldSuspend = inactive.length > 0;
    if (shouldSuspend === (award.status === 'suspended')) continue;
    const reason = shouldSuspend
      ? `A credential it stacks is no longer in force: ${inactive.map((c) => c.achievement_name ?? c.id).join(', ')}.`
      : null;
    changes.push({ award, shouldSuspend, reason });
  }
  // Awards of several providers are re-signed by each: their status lists are taken by id.
  await lockStatusListsInOrder(
    deps,
    changes.map((c) => c.award.org_id),
  );
  for (const { award, shouldSuspend, reason } of changes) await setAwardSuspension(deps, award, shouldSuspend, reason);
}

type AwardRow = Awaited<ReturnType<typeof awardsWithComponent>>[number];

/**
 * Suspends (or reinstates) an award's pathway credential and CLR: status bits re-signed, the
 * award marked, the learner and the issuer's admins mailed, and `credential.suspended` (or
 * `reinstated`) recorded for each, so a larger pathway stacking this one follows in a job.
 * Runs in the caller's transaction.
 */
export async function setAwardSuspension(
  deps: Deps,
  award: AwardRow,
  shouldSuspend: boolean,
  reason: string | null,
): Promise<void> {
  const now = deps.clock();
  const rows = await credentialRowsForStatus(
    deps.db,
    [award.credential_row_id, award.clr_row_id].filter((id): id is string => id !== null),
  );
  const org = (await findOrganizationById(deps.db, award.org_id))!;
  const issuer = { id: org.id, slug: org.slug, did: org.did, name: org.name };
  const signer = await loadActiveSigner(deps, issuer);
  const version = await findVersion(deps.db, award.version_id);
  for (const row of rows) {
    if (row.revoked_at || !row.status_purposes.includes('suspension')) continue;
    if (Boolean(row.suspended_at) === shouldSuspend) continue;
    await setCredentialStatus(deps.db, row.id, { suspendedAt: shouldSuspend ? now : null, suspensionReason: reason });
    await setStatusBit(
      deps,
      issuer,
      signer,
      { listNumber: row.status_list_number, index: row.status_index },
      'suspension',
      shouldSuspend,
    );
    const base = { credentialId: row.id, recipientUserId: row.recipient_user_id };
    if (shouldSuspend)
      await recordEvent(deps, deps.db, {
        type: 'credential.suspended',
        orgId: award.org_id,
        actor: PATHWAY_AWARDS,
        data: { ...base, reason },
      });
    else
      await recordEvent(deps, deps.db, {
        type: 'credential.reinstated',
        orgId: award.org_id,
        actor: PATHWAY_AWARDS,
        data: base,
      });
  }
  await setAwardStatus(deps.db, award.id, shouldSuspend ? 'suspended' : 'active');
  const learner = await findUser(deps.db, award.learner_id);
  const name = version?.name ?? 'pathway';
  const subject = shouldSuspend
    ? `${name}: your pathway credential is suspended`
    : `${name}: your pathway credential is reinstated`;
  const body = shouldSuspend
    ? `The ${name} credential and its learner record are suspended because ${reason ?? 'a credential it stacks no longer counts.'}\n\nThey are reinstated automatically if that credential is reinstated.\n`
    : `Every credential that ${name} stacks is in force again, so the pathway credential and its learner record are reinstated.\n`;
  if (learner)
    await queueMail(deps, deps.db, {
      to: learner.email,
      orgId: award.org_id,
      subject,
      text: `Hello ${learner.name},\n\n${body}`,
    });
  for (const admin of await orgAdminEmails(deps.db, award.org_id)) {
    await queueMail(deps, deps.db, {
      to: admin.email,
      orgId: award.org_id,
      subject: `${subject} (${learner?.name ?? 'a learner'})`,
      text: `Hello ${admin.name},\n\nFor ${learner?.name ?? 'a learner'} (${learner?.email ?? ''}): ${body}`,
    });
  }
}
