import type { Deps } from '../deps.js';
import { transaction } from '../db/transaction.js';
import { findOrganizationById } from '../orgs/orgs.store.js';
import { rewriteOrganizationInEntries } from './catalog.store.js';
import { refreshRecognitionInCatalog } from './refresh-recognition.js';

/**
 * Consumer of `organization.updated`: the catalogue keeps an organisation's name on each
 * programme it provides or partners in (search reads no join), so a rename is copied there.
 * Reads the organisation as it is now, not as the event says, so events handled late or out
 * of order still leave the newest name; running it twice changes nothing. Also brings its
 * programmes' "Accredited by" / "Endorsed by" up to date (accrediting bodies call it after a decision).
 */
export async function refreshOrganizationInCatalog(
  deps: Pick<Deps, 'db'> & { clock?: Deps['clock'] },
  orgId: string,
): Promise<{ changedEntries: number }> {
  return transaction(deps.db, async (trx) => {
    const org = await findOrganizationById(trx, orgId);
    // Deleted since: its programmes left the catalogue with it.
    if (!org) return { changedEntries: 0 };
    const changedEntries = await rewriteOrganizationInEntries(trx, {
      id: org.id,
      slug: org.slug,
      name: org.name,
      isPartner: org.roles.includes('partner'),
    });
    const recognition = await refreshRecognitionInCatalog({ db: trx, clock: deps.clock ?? (() => new Date()) }, org.id);
    return { changedEntries: changedEntries + recognition.changedEntries };
  });
}
