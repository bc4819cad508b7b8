import type { Db } from '../db/transaction.js';

// Tests that hand a verifier a forged or borrowed credential put it straight in a wallet,
// past the upload checks, to show the verifier (not the upload) refuses it.

/** The signed document of a credential Cairn issued, as stored. */
export async function issuedDocument(db: Db, credentialId: string): Promise<string> {
  const row = await db
    .selectFrom('credentials')
    .select('document')
    .where('id', '=', credentialId)
    .executeTakeFirstOrThrow();
  return row.document;
}

/** An issued credential whose first alignment is re-pointed at another skill: its signature no longer matches. */
export async function forgedSkillClaim(db: Db, credentialId: string, skillUrl: string): Promise<string> {
  const forged = JSON.parse(await issuedDocument(db, credentialId)) as {
    credentialSubject: { achievement: { alignment: { targetUrl: string }[] } };
  };
  forged.credentialSubject.achievement.alignment[0]!.targetUrl = skillUrl;
  return JSON.stringify(forged);
}

/** Puts a JSON-LD document in a learner's wallet without verifying it; `tag` fills the sha256 and achievement id. */
export async function putInWallet(
  db: Db,
  { learnerId, document, issuerDid, tag }: { learnerId: string; document: string; issuerDid: string; tag: string },
): Promise<void> {
  await db
    .insertInto('wallet_credentials')
    .values({
      learner_id: learnerId,
      format: 'ldp',
      document,
      sha256: tag,
      achievement_id: `urn:${tag}`,
      issuer_did: issuerDid,
    })
    .execute();
}
