/** What a shared credential's signature proved, per holder and document hash (see migration 0031). */
import type { StatusEntryFacts } from '@cairn/credentials';
import { sql } from 'kysely';
import type { Db } from '../../db/transaction.js';
import type { SkillLevel } from '../skill-levels.js';

/** A verification method and a fingerprint of its public key (multibase, or the JWK as JSON). */
export type SigningKeyMemo = { id: string; key: string };

export type VerificationMemo = {
  userId: string;
  contentHash: string;
  emailHash: string;
  issuerId: string;
  /** The issuer's keys that signed, each with its key material as it was then. */
  signingKeys: SigningKeyMemo[];
  credentialUri: string | null;
  statusEntries: StatusEntryFacts[];
  validFrom: Date | null;
  validUntil: Date | null;
  achievementName: string | null;
  skills: { skillId: string; level: SkillLevel }[];
};

/** The memos of these holders' documents, by `${userId}:${contentHash}`. */
export async function findMemos(db: Db, keys: { userId: string; contentHash: string }[]) {
  const out = new Map<string, VerificationMemo>();
  if (keys.length === 0) return out;
  const userIds = [...new Set(keys.map((k) => k.userId))];
  const hashes = [...new Set(keys.map((k) => k.contentHash))];
  // Two array parameters rather than thousands of placeholders.
  const rows = await db
    .selectFrom('credential_verification_memos')
    .selectAll()
    .where(sql<boolean>`user_id = any(${userIds}::uuid[])`)
    .where(sql<boolean>`content_hash = any(${hashes}::text[])`)
    .execute();
  for (const r of rows) {
    out.set(`${r.user_id}:${r.content_hash}`, {
      userId: r.user_id,
      contentHash: r.content_hash,
      emailHash: r.email_hash,
      issuerId: r.issuer_id,
      signingKeys: r.signing_keys as SigningKeyMemo[],
      credentialUri: r.credential_uri,
      statusEntries: r.status_entries as StatusEntryFacts[],
      validFrom: r.valid_from,
      validUntil: r.valid_until,
      achievementName: r.achievement_name,
      skills: r.skills as VerificationMemo['skills'],
    });
  }
  return out;
}

/** Remembers (or replaces) what one document's verification proved. */
export async function upsertMemo(db: Db, memo: VerificationMemo, now: Date) {
  const values = {
    email_hash: memo.emailHash,
    issuer_id: memo.issuerId,
    signing_keys: JSON.stringify(memo.signingKeys),
    credential_uri: memo.credentialUri,
    status_entries: JSON.stringify(memo.statusEntries),
    valid_from: memo.validFrom,
    valid_until: memo.validUntil,
    achievement_name: memo.achievementName,
    skills: JSON.stringify(memo.skills),
    verified_at: now,
  };
  await db
    .insertInto('credential_verification_memos')
    .values({ user_id: memo.userId, content_hash: memo.contentHash, ...values })
    .onConflict((oc) => oc.columns(['user_id', 'content_hash']).doUpdateSet(values))
    .execute();
}
