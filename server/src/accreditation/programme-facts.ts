import type { PublishedProgramme } from './stores/provider-lookup.store.js';
import type { ProgrammeFacts } from './scope-limits.js';

/** The facts the scope check reads of a published programme: its level, and from its signed Achievement its field and type. */
export function programmeFactsOf(programme: PublishedProgramme): ProgrammeFacts {
  const achievement =
    typeof programme.achievement === 'object' && programme.achievement !== null
      ? (programme.achievement as Record<string, unknown>)
      : {};
  const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : null);
  return {
    title: programme.title,
    eqfLevel: programme.level,
    fieldOfStudy: text(achievement.fieldOfStudy),
    // Every Cairn programme is a MicroCredential Achievement; older rows without one still are.
    achievementType: text(achievement.achievementType) ?? 'MicroCredential',
  };
}
