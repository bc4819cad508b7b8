import type { Actor, Deps } from '../../deps.js';
import { transaction } from '../../db/transaction.js';
import { eventActorOf, recordEvent } from '../../events/record-event.js';
import { AppError } from '../../http/app-error.js';
import { authorizeOrg } from '../org-access.js';
import * as store from '../org-showcase-settings.store.js';

export type ShowcaseSettings = store.ShowcaseSettingsRow;

/** The organisation's showcase settings, for anyone in it (owners and admins change them). */
export async function getShowcaseSettings(deps: Deps, actor: Actor, slug: string) {
  const { org } = await authorizeOrg(deps, actor, slug, 'org.read');
  return store.findShowcaseSettings(deps.db, org.id);
}

/**
 * Replaces the showcase settings (owners and admins). The logo must be an image the
 * organisation uploaded; the LinkedIn page id is the number in the page's admin URL.
 */
export async function updateShowcaseSettings(deps: Deps, actor: Actor, slug: string, settings: ShowcaseSettings) {
  const { org } = await authorizeOrg(deps, actor, slug, 'org.update');
  return transaction(deps.db, async (trx) => {
    if (settings.logoFileId && !(await store.isOwnImage(trx, org.id, settings.logoFileId)))
      throw new AppError('validation_failed', 'The logo must be an image uploaded to this organisation.', {
        fields: [{ field: 'logoFileId', message: 'Upload the logo first, then save.' }],
      });
    await store.saveShowcaseSettings(trx, org.id, settings, deps.clock());
    await recordEvent(deps, trx, {
      type: 'organization.updated',
      orgId: org.id,
      actor: eventActorOf(actor),
      data: { organizationId: org.id, changed: ['showcase'] },
    });
    return store.findShowcaseSettings(trx, org.id);
  });
}
