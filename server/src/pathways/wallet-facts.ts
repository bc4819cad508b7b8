import type { SignedFacts } from '@cairn/credentials';
import type { Deps } from '../deps.js';
import { AppError } from '../http/app-error.js';
import { microcredentialVersionsByIds, skillsByUrisOrIds } from './stores/catalogue-lookup.store.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What pathway requirements look at, for a credential from elsewhere. */
export type WalletFacts = {
  achievementId: string;
  achievementName: string | null;
  issuerDid: string;
  issuerName: string | null;
  /** Set only when the credential is signed by the organisation that published that micro-credential. */
  microcredentialId: string | null;
  cpdHours: number;
  credits: number;
  skillIds: string[];
  validFrom: Date | null;
  validUntil: Date | null;
};

const date = (v: string | undefined) => (v !== undefined && !Number.isNaN(Date.parse(v)) ? new Date(v) : null);
const text = (v: unknown) => (typeof v === 'string' ? v : null);

/**
 * Reads a verified credential's facts from its signed meaning (never its JSON shape). A Cairn
 * micro-credential's Achievement counts as that micro-credential only when the credential's
 * issuer is the organisation that published it: anyone can name the achievement id in a badge
 * they sign themselves. Names come from the JSON and are for display only.
 */
export async function walletFactsOf(
  deps: Deps,
  facts: SignedFacts,
  display: Record<string, unknown>,
): Promise<WalletFacts> {
  const subject = facts.subjects.length === 1 ? facts.subjects[0] : undefined;
  const achievement = subject?.achievement;
  const achievementId = achievement?.id;
  const issuerDid = facts.issuerId;
  if (!achievementId || !issuerDid) {
    throw new AppError(
      'validation_failed',
      'This credential names no achievement id or no issuer id, so it cannot count toward a pathway.',
      {
        fields: [{ field: 'credential.credentialSubject.achievement.id', message: 'Required' }],
      },
    );
  }
  const urls = achievement.alignmentTargets;
  const ownSkillPrefix = new URL('/api/v1/skills/', deps.publicUrl).toString();
  const skillIds = urls
    .filter((u) => u.startsWith(ownSkillPrefix))
    .map((u) => u.slice(ownSkillPrefix.length))
    .filter((id) => UUID.test(id));
  const skills = await skillsByUrisOrIds(deps.db, urls, skillIds);
  const achievementPrefix = new URL('/achievements/', deps.publicUrl).toString();
  const versionId = achievementId.startsWith(achievementPrefix) ? achievementId.slice(achievementPrefix.length) : '';
  const [named] = UUID.test(versionId) ? await microcredentialVersionsByIds(deps.db, [versionId]) : [];
  const version = named && named.orgDids.includes(issuerDid) ? named : undefined;
  const credits = subject?.creditsEarned ?? achievement.creditsAvailable ?? 0;
  const displaySubject = display.credentialSubject as Record<string, unknown> | undefined;
  const displayAchievement = displaySubject?.achievement as Record<string, unknown> | undefined;
  const displayIssuer = display.issuer as Record<string, unknown> | string | undefined;
  return {
    achievementId,
    achievementName: text(displayAchievement?.name) ?? text(display.name),
    issuerDid,
    issuerName: typeof displayIssuer === 'object' ? text(displayIssuer.name) : null,
    microcredentialId: version?.microcredential_id ?? null,
    cpdHours: version?.cpd_hours ?? 0,
    credits: Number.isFinite(credits) && credits > 0 ? credits : 0,
    skillIds: [...new Set([...skills.map((s) => s.id), ...(version?.skill_ids ?? [])])],
    // VC 1.1 credentials say issuanceDate / expirationDate.
    validFrom: date(facts.validFrom ?? facts.issuanceDate),
    validUntil: date(facts.validUntil ?? facts.expirationDate),
  };
}
