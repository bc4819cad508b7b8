import type { Deps } from '../deps.js';
import { achievementUrl } from '../catalog/achievement.js';
import { type HeldCredential } from './requirement-tree.js';
import { microcredentialVersionsByIds } from './stores/catalogue-lookup.store.js';
import { heldCairnCredentials, heldWalletCredentials } from './stores/held-credentials.store.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The credentials each learner holds now, reduced to what requirements look at: Cairn
 * credentials in force (with their micro-credential or pathway) and verified wallet entries.
 */
export async function loadHeldCredentials(deps: Deps, learnerIds: string[]): Promise<Map<string, HeldCredential[]>> {
  if (learnerIds.length === 0) return new Map();
  const now = deps.clock();
  const [cairn, wallet] = await Promise.all([
    heldCairnCredentials(deps.db, learnerIds, now),
    heldWalletCredentials(deps.db, learnerIds, now),
  ]);
  return heldFromRows(deps, learnerIds, cairn, wallet);
}

type CairnHeldRow = Awaited<ReturnType<typeof heldCairnCredentials>>[number];
type WalletHeldRow = Awaited<ReturnType<typeof heldWalletCredentials>>[number];

/** Held credentials from the rows of `heldCairnCredentials` and `heldWalletCredentials`. */
export async function heldFromRows(
  deps: Deps,
  learnerIds: string[],
  cairn: readonly CairnHeldRow[],
  wallet: readonly WalletHeldRow[],
): Promise<Map<string, HeldCredential[]>> {
  const held = new Map<string, HeldCredential[]>(learnerIds.map((id) => [id, []]));
  const achievementPrefix = new URL('/achievements/', deps.publicUrl).toString();
  // Credentials issued outside learning may still name a micro-credential version's Achievement.
  const loose = cairn.filter(
    (c) => !c.microcredential_id && !c.pathway_id && c.achievementId?.startsWith(achievementPrefix),
  );
  const versionIds = loose.map((c) => c.achievementId!.slice(achievementPrefix.length)).filter((id) => UUID.test(id));
  const versions = new Map(
    versionIds.length === 0 ? [] : (await microcredentialVersionsByIds(deps.db, versionIds)).map((v) => [v.id, v]),
  );
  for (const c of cairn) {
    let microcredentialId = c.microcredential_id;
    let cpdHours = c.cpd_hours ?? 0;
    let skillIds = c.skill_ids ?? [];
    let achievementId = c.achievementId ?? '';
    if (c.microcredentialVersionId) achievementId = achievementUrl(deps.publicUrl, c.microcredentialVersionId);
    else if (c.pathwayVersionId)
      achievementId = new URL(`/pathway-achievements/${c.pathwayVersionId}`, deps.publicUrl).toString();
    else if (achievementId.startsWith(achievementPrefix)) {
      const v = versions.get(achievementId.slice(achievementPrefix.length));
      // Another organisation naming this programme's achievement does not make it this programme.
      if (v && v.orgDids.includes(c.issuerDid)) {
        microcredentialId = v.microcredential_id;
        cpdHours = v.cpd_hours ?? 0;
        skillIds = v.skill_ids;
      }
    }
    held.get(c.recipient_user_id!)?.push({
      ref: `credential:${c.id}`,
      name: c.achievement_name ?? '',
      achievementId,
      issuerDid: c.issuerDid,
      microcredentialId,
      pathwayId: c.pathway_id,
      cpdHours,
      credits: 0,
      skillIds,
    });
  }
  for (const w of wallet) {
    held.get(w.learner_id)?.push({
      ref: `wallet:${w.id}`,
      name: w.achievement_name ?? w.achievement_id,
      achievementId: w.achievement_id,
      issuerDid: w.issuer_did,
      microcredentialId: w.microcredential_id,
      pathwayId: null,
      cpdHours: w.cpd_hours,
      credits: w.credits,
      skillIds: w.skill_ids,
    });
  }
  return held;
}

/** The targets a set of held credentials could meet, for the published-pathway index. */
export function heldTargets(held: readonly HeldCredential[]) {
  const targets: { kind: 'microcredential' | 'pathway' | 'external' | 'skill'; target: string }[] = [];
  for (const h of held) {
    if (h.microcredentialId) targets.push({ kind: 'microcredential', target: h.microcredentialId });
    if (h.pathwayId) targets.push({ kind: 'pathway', target: h.pathwayId });
    if (h.achievementId) targets.push({ kind: 'external', target: h.achievementId });
    for (const s of h.skillIds) targets.push({ kind: 'skill', target: s });
  }
  const seen = new Set<string>();
  return targets.filter((t) => {
    const key = `${t.kind} ${t.target}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
