/** What learning reads of issuance's credentials table: the learner's own credentials. */
import type { Db } from '../../db/transaction.js';

/** Credentials held by a person on this Cairn, newest first. */
export function listCredentialsOfRecipient(db: Db, userId: string) {
  return db
    .selectFrom('credentials as c')
    .innerJoin('organizations as o', 'o.id', 'c.org_id')
    .select([
      'c.id',
      'c.credential_id',
      'c.format',
      'c.document',
      'c.achievement_name',
      'c.issued_at',
      'c.valid_until',
      'c.revoked_at',
      'c.suspended_at',
      'o.name as issuerName',
      'o.did as issuerDid',
    ])
    .where('c.recipient_user_id', '=', userId)
    .orderBy('c.issued_at', 'desc')
    .execute();
}
