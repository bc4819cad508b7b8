import type { JsonObject } from '@cairn/credentials';

/** The id URL of a pathway version's Achievement. */
export function pathwayAchievementUrl(publicUrl: URL, versionId: string): string {
  return new URL(`/pathway-achievements/${versionId}`, publicUrl).toString();
}

export type BuildPathwayAchievementOptions = {
  publicUrl: URL;
  pathwayId: string;
  version: {
    id: string;
    versionNumber: number;
    name: string;
    description: string;
    achievementType: string;
    criteriaNarrative: string;
    imageUrl: string | null;
  };
  issuer: { did: string; name: string; url: string };
  /** One line per requirement, for the criteria narrative. */
  requirementLines: string[];
};

/**
 * The Open Badges 3.0 Achievement a pathway version leads to (e.g. achievementType
 * `Certificate`). Frozen when the version is published. Pure.
 */
export function buildPathwayAchievement(options: BuildPathwayAchievementOptions): JsonObject {
  const { version } = options;
  const requirements =
    options.requirementLines.length > 0
      ? `\n\nRequirements:\n${options.requirementLines.map((l) => `- ${l}`).join('\n')}`
      : '';
  return {
    id: pathwayAchievementUrl(options.publicUrl, version.id),
    type: ['Achievement'],
    achievementType: version.achievementType,
    name: version.name,
    description: version.description || version.name,
    criteria: {
      id: new URL(`/pathways/${options.pathwayId}`, options.publicUrl).toString(),
      narrative:
        `${version.criteriaNarrative}${requirements}`.trim() ||
        `Meet every requirement of the ${version.name} pathway.`,
    },
    ...(version.imageUrl ? { image: { id: version.imageUrl, type: 'Image', caption: version.name } } : {}),
    creator: { id: options.issuer.did, type: ['Profile'], name: options.issuer.name, url: options.issuer.url },
    tag: ['pathway', 'stackable'],
    version: String(version.versionNumber),
  };
}

export type ClrComponent = {
  /** The signed credential as issued (a JSON object). */
  credential: JsonObject;
  achievement: JsonObject | null;
};

/**
 * The unsigned CLR 2.0 ClrCredential for an awarded pathway: the pathway credential and its
 * components embedded as signed, their Achievements listed, and each component's Achievement
 * related to the pathway's with `isPartOf`. Pure; the issuer completes and signs it.
 */
export function buildClrCredential(options: {
  name: string;
  description: string;
  pathwayCredential: JsonObject;
  pathwayAchievement: JsonObject;
  components: ClrComponent[];
}): JsonObject {
  const pathwayAchievementId = typeof options.pathwayAchievement.id === 'string' ? options.pathwayAchievement.id : '';
  const achievements = new Map<string, JsonObject>([[pathwayAchievementId, options.pathwayAchievement]]);
  for (const c of options.components) {
    if (c.achievement && typeof c.achievement.id === 'string' && !achievements.has(c.achievement.id))
      achievements.set(c.achievement.id, c.achievement);
  }
  const association = [...achievements.keys()]
    .filter((id) => id !== pathwayAchievementId)
    .map((id) => ({ type: 'Association', associationType: 'isPartOf', sourceId: id, targetId: pathwayAchievementId }));
  return {
    type: ['ClrCredential'],
    name: options.name,
    description: options.description,
    credentialSubject: {
      type: ['ClrSubject'],
      verifiableCredential: [options.pathwayCredential, ...options.components.map((c) => c.credential)],
      achievement: [...achievements.values()],
      association,
    },
  };
}

/** The Achievement inside a credential, when it has one. */
export function achievementOf(credential: JsonObject): JsonObject | null {
  const subject = credential.credentialSubject;
  const s = Array.isArray(subject) ? subject[0] : subject;
  if (typeof s !== 'object' || s === null) return null;
  const achievement = (s as JsonObject).achievement;
  return typeof achievement === 'object' && achievement !== null && !Array.isArray(achievement) ? achievement : null;
}
