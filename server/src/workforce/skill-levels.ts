/**
 * Cairn's 1-5 skill level scale and how other scales map onto it. The thresholds are documented
 * in docs/employers.md; change both together.
 */
export const SKILL_LEVELS = [
  { level: 1, name: 'Aware', descriptor: 'Knows what the skill is and when it is needed; works under close guidance.' },
  { level: 2, name: 'Working', descriptor: 'Applies the skill to routine tasks with some guidance.' },
  { level: 3, name: 'Practitioner', descriptor: 'Applies the skill independently to varied tasks.' },
  { level: 4, name: 'Advanced', descriptor: 'Handles complex, unfamiliar cases and guides others.' },
  { level: 5, name: 'Expert', descriptor: 'Sets practice for the organisation and is sought out for it.' },
] as const;

export type SkillLevel = 1 | 2 | 3 | 4 | 5;

/** A scale a CSV may use for levels: Cairn's own, an EQF-like 1-8, or a 1-100 score. */
export type LevelScale = '1-5' | '1-8' | '1-100';

/**
 * EQF-like 1-8 (and a programme's declared `level`, which is an EQF level) onto 1-5:
 * 1-2 → 1, 3 → 2, 4 → 3, 5-6 → 4, 7-8 → 5.
 */
export function fromEightPointLevel(level: number): SkillLevel {
  if (level <= 2) return 1;
  if (level === 3) return 2;
  if (level === 4) return 3;
  if (level <= 6) return 4;
  return 5;
}

/** A 1-100 score onto 1-5: 1-20 → 1, 21-40 → 2, 41-60 → 3, 61-80 → 4, 81-100 → 5. */
export function fromPercentLevel(score: number): SkillLevel {
  return Math.min(5, Math.max(1, Math.ceil(score / 20))) as SkillLevel;
}

/** The level of a value on `scale`, or null when it is not a whole number within the scale. */
export function toCairnLevel(value: number, scale: LevelScale): SkillLevel | null {
  if (!Number.isInteger(value) || value < 1) return null;
  switch (scale) {
    case '1-5':
      return value <= 5 ? (value as SkillLevel) : null;
    case '1-8':
      return value <= 8 ? fromEightPointLevel(value) : null;
    case '1-100':
      return value <= 100 ? fromPercentLevel(value) : null;
  }
}

/**
 * The level a verified credential evidences: the programme's declared (EQF) level mapped onto
 * 1-5; a credential whose programme declares none (or one from outside Cairn that names no
 * Cairn programme) evidences level 2, "Working": it shows the skill was assessed, not how deep.
 */
export const UNDECLARED_EVIDENCE_LEVEL: SkillLevel = 2;

export function evidenceLevelOf(declaredLevel: number | null | undefined): SkillLevel {
  if (declaredLevel === null || declaredLevel === undefined || !Number.isInteger(declaredLevel) || declaredLevel < 1)
    return UNDECLARED_EVIDENCE_LEVEL;
  return fromEightPointLevel(Math.min(8, declaredLevel));
}

export type GapStatus = 'met' | 'below' | 'missing';

/** Only verified evidence decides the status; self- and manager-assessed levels are shown beside it. */
export function gapStatusOf(required: number, verified: number | null): GapStatus {
  if (verified === null) return 'missing';
  return verified >= required ? 'met' : 'below';
}
