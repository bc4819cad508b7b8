import { sql } from 'kysely';
import type { Db } from '../../db/transaction.js';

/**
 * What showcase reads of credentials, organisations and people: one credential with its
 * issuer, holder and the holder's consent, and whether the holder shared it publicly.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function findShowcaseCredential(db: Db, id: string) {
  if (!UUID.test(id)) return Promise.resolve(undefined);
  return db
    .selectFrom('credentials as c')
    .innerJoin('organizations as o', 'o.id', 'c.org_id')
    .leftJoin('users as u', 'u.id', 'c.recipient_user_id')
    .leftJoin('public_profiles as p', 'p.user_id', 'c.recipient_user_id')
    .leftJoin('pathway_awards as pa', 'pa.credential_row_id', 'c.id')
    .select([
      'c.id',
      'c.org_id',
      'c.credential_id',
      'c.format',
      'c.document',
      'c.achievement_name',
      'c.recipient_user_id',
      'c.recipient_label',
      'c.issued_at',
      'c.valid_until',
      'c.revoked_at',
      'c.suspended_at',
      'o.name as issuerName',
      'o.slug as issuerSlug',
      'o.did as issuerDid',
      'u.name as holderName',
      'p.is_name_shown as isNameShown',
      'p.handle as profileHandle',
      'p.is_public as isProfilePublic',
      'pa.pathway_id as pathwayId',
    ])
    .where('c.id', '=', id)
    .executeTakeFirst();
}

export type ShowcaseCredentialRow = NonNullable<Awaited<ReturnType<typeof findShowcaseCredential>>>;

/**
 * Whether the holder shared the credential publicly: it is on their public profile, or a live
 * share link opens it (a link to the credential, or to the profile that shows it).
 */
export async function isSharedPublicly(db: Db, credentialRowId: string, userId: string, now: Date) {
  const onProfile = await db
    .selectFrom('public_profile_credentials as pc')
    .innerJoin('public_profiles as p', 'p.user_id', 'pc.user_id')
    .select(['pc.credential_id', 'p.is_public'])
    .where('pc.credential_id', '=', credentialRowId)
    .where('pc.user_id', '=', userId)
    .executeTakeFirst();
  if (onProfile?.is_public) return true;
  const link = await db
    .selectFrom('showcase_share_links')
    .select('id')
    .where('user_id', '=', userId)
    .where((eb) =>
      onProfile
        ? eb.or([eb('credential_id', '=', credentialRowId), eb('credential_id', 'is', null)])
        : eb('credential_id', '=', credentialRowId),
    )
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .executeTakeFirst();
  return link !== undefined;
}

/** The credentials a person holds, with the pathway each one awards (if any), newest first. */
export function listHeldCredentials(db: Db, userId: string) {
  return db
    .selectFrom('credentials as c')
    .innerJoin('organizations as o', 'o.id', 'c.org_id')
    .leftJoin('pathway_awards as pa', 'pa.credential_row_id', 'c.id')
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
      'pa.pathway_id as pathwayId',
      sql<boolean>`exists (select 1 from pathway_awards x where x.clr_row_id = c.id)`.as('isClr'),
    ])
    .where('c.recipient_user_id', '=', userId)
    .orderBy('c.issued_at', 'desc')
    .execute();
}

export type HeldCredentialRow = Awaited<ReturnType<typeof listHeldCredentials>>[number];
