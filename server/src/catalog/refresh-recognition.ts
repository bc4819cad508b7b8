import { accreditationsFor } from '../accreditation/accreditations-in-force.js';
import type { Deps } from '../deps.js';
import { transaction } from '../db/transaction.js';
import { endorserSlugsOfVersions } from '../endorsement/endorsements-in-force.js';
import { listRecognitionOfOrganization, setRecognitionOfEntry } from './catalog.store.js';

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * Brings the catalogue's "Accredited by" and "Endorsed by" of a provider's listed programmes up
 * to date: accreditations in force now (of the provider or of the programme, signed) and
 * endorsements in force of the listed version (signed, not withdrawn). Rows already right are
 * left alone; running it twice changes nothing. Returns how many rows changed.
 */
export async function refreshRecognitionInCatalog(
  deps: Pick<Deps, 'db' | 'clock'>,
  providerOrgId: string,
  options: { microcredentialId?: string } = {},
): Promise<{ changedEntries: number }> {
  return transaction(deps.db, async (trx) => {
    const now = deps.clock();
    const entries = (await listRecognitionOfOrganization(trx, providerOrgId)).filter(
      (e) => options.microcredentialId === undefined || e.microcredential_id === options.microcredentialId,
    );
    const endorsers = await endorserSlugsOfVersions(
      trx,
      entries.map((e) => e.version_id),
    );
    let changedEntries = 0;
    for (const entry of entries) {
      const accreditations = await accreditationsFor(trx, {
        subjectOrgId: providerOrgId,
        microcredentialId: entry.microcredential_id,
        at: now,
      });
      const accreditorSlugs = [...new Set(accreditations.map((a) => a.accreditorSlug))].sort();
      const endorserSlugs = endorsers.get(entry.version_id) ?? [];
      if (sameList(accreditorSlugs, entry.accreditor_slugs) && sameList(endorserSlugs, entry.endorser_slugs)) continue;
      await setRecognitionOfEntry(trx, entry.microcredential_id, { accreditorSlugs, endorserSlugs });
      changedEntries += 1;
    }
    return { changedEntries };
  });
}
