import type { Deps } from '../deps.js';
import { evidenceOfMany, type HeldCredential } from './skill-evidence.js';
import * as evidenceStore from './stores/evidence.store.js';

/** One piece of verified evidence for a skill. */
export type SkillProof = { level: number; credentialId: string; validUntil: Date | null; issuedAt: Date };

/** What an organisation may know of one member's skills: only from what they share with it. */
export type MemberSkills = {
  userId: string;
  name: string;
  /** Verified evidence by skill id, from shared credentials that verify now. */
  verified: Map<string, SkillProof[]>;
  selfAssessed: Map<string, number>;
  managerAssessed: Map<string, number>;
  /** Shared credentials that did not verify, with why (shown to the employer, never counted). */
  refused: { credentialId: string; achievementName: string | null; failure: string }[];
};

/**
 * Loads the skills of the members who share with the organisation (all of them, or those in
 * `userIds`). Members who have not shared are not read at all, so they can appear nowhere.
 */
export async function loadMemberSkills(deps: Deps, orgId: string, userIds?: string[]): Promise<MemberSkills[]> {
  const members = await evidenceStore.listSharingMembers(deps.db, orgId, userIds);
  const ids = members.map((m) => m.userId);
  const [issued, wallet, assessments] = await Promise.all([
    evidenceStore.listIssuedCredentials(deps.db, ids),
    evidenceStore.listWalletCredentials(deps.db, ids),
    evidenceStore.listAssessments(deps.db, orgId, ids),
  ]);
  const byUser = new Map(members.map((m) => [m.userId, m]));
  const shared = (userId: string, credentialId: string) => {
    const m = byUser.get(userId);
    return m !== undefined && (m.scope === 'all' || m.credential_ids.includes(credentialId));
  };
  const held: (HeldCredential & { issuedAt: Date })[] = [
    ...issued.map((c) => ({ ...c, kind: 'issued' as const })),
    ...wallet.map((c) => ({ ...c, kind: 'wallet' as const })),
  ]
    .filter((c) => c.userId !== null && shared(c.userId, c.id))
    .map((c) => ({
      id: c.id,
      kind: c.kind,
      userId: c.userId!,
      document: c.document,
      format: c.format,
      achievementName: c.achievement_name,
      issuedAt: c.issued_at,
    }));
  const evidence = await evidenceOfMany(
    deps,
    held.map((h) => ({ held: h, email: byUser.get(h.userId)!.email })),
  );
  const out = new Map<string, MemberSkills>(
    members.map((m) => [
      m.userId,
      {
        userId: m.userId,
        name: m.name,
        verified: new Map(),
        selfAssessed: new Map(),
        managerAssessed: new Map(),
        refused: [],
      },
    ]),
  );
  held.forEach((h, i) => {
    const e = evidence[i]!;
    const member = out.get(h.userId)!;
    if (!e.isVerified) {
      member.refused.push({ credentialId: h.id, achievementName: e.achievementName, failure: e.failure ?? '' });
      return;
    }
    for (const s of e.skills) {
      const list = member.verified.get(s.skillId) ?? [];
      list.push({ level: s.level, credentialId: h.id, validUntil: e.validUntil, issuedAt: h.issuedAt });
      member.verified.set(s.skillId, list);
    }
  });
  for (const a of assessments) {
    const member = out.get(a.user_id);
    if (!member) continue;
    (a.source === 'self' ? member.selfAssessed : member.managerAssessed).set(a.skill_id, a.level);
  }
  return [...out.values()];
}

/** The highest verified level of a skill still valid at `at` (null: none). */
export function verifiedLevelAt(proofs: SkillProof[] | undefined, at: Date): number | null {
  let best: number | null = null;
  for (const p of proofs ?? []) {
    if (p.validUntil && p.validUntil.getTime() <= at.getTime()) continue;
    if (best === null || p.level > best) best = p.level;
  }
  return best;
}
