/** What learning reads of the catalogue's tables: the programme a learner enrols in or a voucher is for. */
import type { Db } from '../../db/transaction.js';

/** The latest published version of a programme, as listed in the catalogue. */
export function findListedProgramme(db: Db, providerSlug: string, slug: string) {
  return db
    .selectFrom('catalog_entries as ce')
    .innerJoin('microcredential_versions as v', 'v.id', 'ce.version_id')
    .innerJoin('organizations as o', 'o.id', 'ce.org_id')
    .select([
      'ce.microcredential_id',
      'ce.version_id',
      'ce.org_id',
      'o.slug as providerSlug',
      'o.name as providerName',
      'o.did as providerDid',
      'o.roles as providerRoles',
      'v.title',
      'v.cost_amount_minor',
      'v.cost_currency',
    ])
    .where('ce.provider_slug', '=', providerSlug)
    .where('ce.slug', '=', slug)
    .where('v.status', '=', 'published')
    .executeTakeFirst();
}

/** The programme when it belongs to this organisation, locked until the transaction ends so it cannot vanish meanwhile. */
export function lockOwnMicrocredential(db: Db, orgId: string, microcredentialId: string) {
  return db
    .selectFrom('microcredentials')
    .select('id')
    .where('id', '=', microcredentialId)
    .where('org_id', '=', orgId)
    .forShare()
    .executeTakeFirst();
}
