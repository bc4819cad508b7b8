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

/**
 * The latest published version of a private programme (one a provider made for one employer,
 * not in the public catalogue) when `userId` is a member of that employer; nobody else finds it.
 */
export function findPrivateProgrammeFor(db: Db, providerSlug: string, slug: string, userId: string) {
  return db
    .selectFrom('microcredentials as mc')
    .innerJoin('organizations as o', 'o.id', 'mc.org_id')
    .innerJoin('memberships as m', (j) => j.onRef('m.org_id', '=', 'mc.audience_org_id').on('m.user_id', '=', userId))
    .innerJoin('microcredential_versions as v', 'v.microcredential_id', 'mc.id')
    .select([
      'mc.id as microcredential_id',
      'v.id as version_id',
      'mc.org_id',
      'o.slug as providerSlug',
      'o.name as providerName',
      'o.did as providerDid',
      'o.roles as providerRoles',
      'v.title',
      'v.cost_amount_minor',
      'v.cost_currency',
    ])
    .where('o.slug', '=', providerSlug)
    .where('mc.slug', '=', slug)
    .where('v.status', '=', 'published')
    .orderBy('v.version_number', 'desc')
    .limit(1)
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
