import type { Deps } from '../../deps.js';
import { evidenceOfMany, type HeldCredential } from '../skill-evidence.js';
import * as evidenceStore from '../stores/evidence.store.js';
import { listSharesOfUser } from '../stores/shares.store.js';

/** The job that verifies what a member has just shared, ahead of the first report. */
export type RememberSharedEvidenceJob = { userId: string };

/**
 * Verifies, in the background, every credential a person shares with any employer, so that
 * reports find their signatures already checked and re-check only status, dates and keys.
 * Reads nothing of someone who shares with nobody. Answers how many credentials were looked at.
 */
export async function rememberSharedEvidence(deps: Deps, { userId }: RememberSharedEvidenceJob): Promise<number> {
  const [shares, user] = await Promise.all([
    listSharesOfUser(deps.db, userId),
    evidenceStore.findUserEmail(deps.db, userId),
  ]);
  if (shares.length === 0 || !user) return 0;
  const isAll = shares.some((s) => s.scope === 'all');
  const chosen = new Set(shares.flatMap((s) => s.credential_ids));
  const [issued, wallet] = await Promise.all([
    evidenceStore.listIssuedCredentials(deps.db, [userId]),
    evidenceStore.listWalletCredentials(deps.db, [userId]),
  ]);
  const held: HeldCredential[] = [
    ...issued.map((c) => ({ ...c, kind: 'issued' as const })),
    ...wallet.map((c) => ({ ...c, kind: 'wallet' as const })),
  ]
    .filter((c) => isAll || chosen.has(c.id))
    .map((c) => ({
      id: c.id,
      kind: c.kind,
      userId,
      document: c.document,
      format: c.format,
      achievementName: c.achievement_name,
    }));
  await evidenceOfMany(
    deps,
    held.map((h) => ({ held: h, email: user.email })),
  );
  return held.length;
}
