import { sql } from 'kysely';
import type { Db } from '../../db/transaction.js';

/** A profile as a link preview shows it: name, headline, how many credentials, the first one. */
export function findProfileCard(db: Db, handle: string) {
  return db
    .selectFrom('public_profiles as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select([
      'p.handle',
      'p.is_public',
      'p.headline',
      'u.name',
      sql<number>`(select count(*)::int from public_profile_credentials pc where pc.user_id = p.user_id)`.as(
        'credentialCount',
      ),
      sql<
        string | null
      >`(select pc.credential_id from public_profile_credentials pc where pc.user_id = p.user_id order by pc.position limit 1)`.as(
        'firstCredentialId',
      ),
    ])
    .where('p.handle', '=', handle)
    .executeTakeFirst();
}
