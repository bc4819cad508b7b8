/** What workforce reads of the skills tables: skills a role may require, by id, code or name. */
import type { Db } from '../../db/transaction.js';

/** Starter-framework skills and the organisation's own whose id, code or name (any case) is listed. */
export function findUsableSkills(db: Db, orgId: string, refs: { ids: string[]; codes: string[]; names: string[] }) {
  if (refs.ids.length + refs.codes.length + refs.names.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('skills')
    .select(['id', 'code', 'name'])
    .where((eb) => eb.or([eb('org_id', 'is', null), eb('org_id', '=', orgId)]))
    .where((eb) =>
      eb.or([
        ...(refs.ids.length > 0 ? [eb('id', 'in', refs.ids)] : []),
        ...(refs.codes.length > 0 ? [eb('code', 'in', refs.codes)] : []),
        ...(refs.names.length > 0
          ? [
              eb(
                eb.fn('lower', ['name']),
                'in',
                refs.names.map((n) => n.toLowerCase()),
              ),
            ]
          : []),
      ]),
    )
    .execute();
}

export async function skillNames(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.selectFrom('skills').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
