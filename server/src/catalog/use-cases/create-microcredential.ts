import { transaction } from '../../db/transaction.js';
import type { Actor, Deps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import { authorizeOrg } from '../../orgs/orgs.service.js';
import { columnsOf } from '../draft-columns.js';
import { userIdOf, requireProvider } from '../microcredential-access.js';
import type { VersionPatch } from '../microcredentials.schemas.js';
import * as store from '../microcredentials.store.js';
import { getMicrocredential } from './get-microcredential.js';

export type CreateMicrocredentialOptions = VersionPatch & { slug: string; title: string };

/** Creates a micro-credential with its first draft version. Provider organisations only. */
export async function createMicrocredential(
  deps: Deps,
  actor: Actor,
  orgSlug: string,
  options: CreateMicrocredentialOptions,
) {
  const access = await authorizeOrg(deps, actor, orgSlug, 'catalog.author');
  requireProvider(access.org);
  const { slug, ...patch } = options;
  return transaction(deps.db, async (trx) => {
    const columns = await columnsOf(trx, access.org, patch);
    const mc = await store.insertMicrocredential(trx, { orgId: access.org.id, slug, createdBy: userIdOf(access) });
    if (!mc)
      throw new AppError(
        'conflict',
        `${access.org.name} already has a micro-credential at "${slug}". Choose another slug.`,
        { fields: [{ field: 'slug', message: 'Already taken' }] },
      );
    await store.insertVersion(trx, {
      ...columns,
      org_id: access.org.id,
      microcredential_id: mc.id,
      version_number: 1,
      status: 'draft',
      created_by: userIdOf(access),
    });
    return getMicrocredential({ ...deps, db: trx }, actor, orgSlug, mc.id);
  });
}
