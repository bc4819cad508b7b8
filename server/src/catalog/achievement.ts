/** An OB 3.0 Achievement as plain JSON. */
export type AchievementJson = Record<string, unknown>;

export type AchievementSkill = {
  id: string;
  code: string;
  name: string;
  description: string;
  /** The skill's own URI (an ESCO concept), when it has one. */
  uri: string | null;
  frameworkName: string;
};

export type AchievementModule = {
  id: string;
  title: string;
  activity:
    { type: 'quiz'; passMark: number } | { type: 'assignment'; maxPoints: number; passPoints: number | null } | null;
};

export type BuildAchievementOptions = {
  version: {
    id: string;
    versionNumber: number;
    title: string;
    summary: string;
    outcomes: string[];
    criteriaNarrative: string;
    level: number | null;
    format: 'self_paced' | 'cohort' | 'blended' | null;
    language: string | null;
    passMark: number | null;
    effortHours: number | null;
    /** OB 3.0 `fieldOfStudy`; omitted when the version declares none. */
    fieldOfStudy?: string | null;
  };
  skills: AchievementSkill[];
  modules: AchievementModule[];
  issuer: { did: string; name: string; url: string };
  /** Where Cairn is reached; ids and skill URLs are built from it. */
  publicUrl: URL;
  /** Public page of the programme, the criteria's id. */
  programmeUrl: string;
  imageUrl: string | null;
};

const formatTags = { self_paced: 'self-paced', cohort: 'cohort', blended: 'blended' } as const;

/** The id URL of the Achievement of one published version. */
export function achievementUrl(publicUrl: URL, versionId: string): string {
  return new URL(`/achievements/${versionId}`, publicUrl).toString();
}

/**
 * Builds the Open Badges 3.0 Achievement of a micro-credential version: achievementType
 * MicroCredential, one Alignment per skill, one ResultDescription per assessed module plus the
 * overall score, the criteria narrative with the learning outcomes, tags and the version.
 * Pure: the same inputs give the same JSON.
 */
export function buildAchievement(options: BuildAchievementOptions): AchievementJson {
  const { version, publicUrl } = options;
  const id = achievementUrl(publicUrl, version.id);
  const outcomes =
    version.outcomes.length > 0 ? `\n\nLearning outcomes:\n${version.outcomes.map((o) => `- ${o}`).join('\n')}` : '';
  const results: AchievementJson[] = [];
  if (version.passMark !== null) {
    results.push({
      id: `${id}#result-overall`,
      type: ['ResultDescription'],
      name: 'Overall score',
      resultType: 'Percent',
      requiredValue: String(version.passMark),
      valueMin: '0',
      valueMax: '100',
    });
  }
  for (const m of options.modules) {
    if (!m.activity) continue;
    if (m.activity.type === 'quiz') {
      results.push({
        id: `${id}#result-${m.id}`,
        type: ['ResultDescription'],
        name: `Quiz: ${m.title}`,
        resultType: 'Percent',
        requiredValue: String(m.activity.passMark),
        valueMin: '0',
        valueMax: '100',
      });
    } else {
      results.push({
        id: `${id}#result-${m.id}`,
        type: ['ResultDescription'],
        name: `Assignment: ${m.title}`,
        resultType: 'RubricScore',
        ...(m.activity.passPoints !== null ? { requiredValue: String(m.activity.passPoints) } : {}),
        valueMin: '0',
        valueMax: String(m.activity.maxPoints),
      });
    }
  }
  const tags = [
    'micro-credential',
    ...(version.level !== null ? [`EQF level ${version.level}`] : []),
    ...(version.format ? [formatTags[version.format]] : []),
    ...options.skills.map((s) => s.name),
  ];
  return {
    id,
    type: ['Achievement'],
    achievementType: 'MicroCredential',
    name: version.title,
    description: version.summary,
    criteria: { id: options.programmeUrl, narrative: `${version.criteriaNarrative}${outcomes}`.trim() },
    ...(options.imageUrl ? { image: { id: options.imageUrl, type: 'Image', caption: version.title } } : {}),
    creator: { id: options.issuer.did, type: ['Profile'], name: options.issuer.name, url: options.issuer.url },
    alignment: options.skills.map((s) => ({
      type: ['Alignment'],
      targetName: s.name,
      targetDescription: s.description,
      targetUrl: s.uri ?? new URL(`/api/v1/skills/${s.id}`, publicUrl).toString(),
      targetFramework: s.frameworkName,
      targetCode: s.code,
      targetType: 'ceasn:Competency',
    })),
    ...(results.length > 0 ? { resultDescription: results } : {}),
    tag: [...new Set(tags)],
    version: String(version.versionNumber),
    ...(version.fieldOfStudy ? { fieldOfStudy: version.fieldOfStudy } : {}),
    ...(version.language ? { inLanguage: version.language } : {}),
  };
}
