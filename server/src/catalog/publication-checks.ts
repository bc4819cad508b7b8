import type { FieldError } from '../http/app-error.js';
import type { AchievementModule } from './achievement.js';
import type { VersionRow, ModuleRow, Activity } from './microcredential-view.js';

// What publishing a version checks and derives: completeness, the modules its Achievement lists, currency digits.

/** What a version still lacks before it can be published, by field. */
export function completenessErrors(v: VersionRow, modules: ModuleRow[]): FieldError[] {
  const errors: FieldError[] = [];
  const need = (isMissing: boolean, field: string, message: string) => {
    if (isMissing) errors.push({ field, message });
  };
  need(v.title.trim() === '', 'title', 'Give it a title');
  need(v.summary.trim() === '', 'summary', 'Write a one- or two-sentence summary');
  need(v.description.trim() === '', 'description', 'Describe the programme');
  need(v.outcomes.length === 0, 'outcomes', 'List at least one learning outcome');
  need(v.skill_ids.length === 0, 'skillIds', 'Align at least one skill');
  need(v.level === null, 'level', 'Choose an EQF level (1-8)');
  need(v.effort_hours === null, 'effortHours', 'Estimate the effort in hours');
  need(v.duration_weeks === null, 'durationWeeks', 'Give the duration in weeks');
  need(v.format === null, 'format', 'Choose self-paced, cohort or blended');
  need(v.language === null, 'language', 'Choose the language of instruction');
  need(v.criteria_narrative.trim() === '', 'criteriaNarrative', 'Say what a learner must do to earn the credential');
  need(v.pass_mark === null, 'passMark', 'Set the pass mark (0-100)');
  need(modules.length === 0, 'modules', 'Add at least one module');
  return errors;
}

export function achievementModules(modules: ModuleRow[]): AchievementModule[] {
  return modules.map((m) => {
    const a = m.activity as Activity | null;
    if (!a) return { id: m.id, title: m.title, activity: null };
    if (a.type === 'quiz') return { id: m.id, title: m.title, activity: { type: 'quiz', passMark: a.passMark } };
    const maxPoints = a.rubric.criteria.reduce((sum, c) => sum + Math.max(...c.levels.map((l) => l.points)), 0);
    return { id: m.id, title: m.title, activity: { type: 'assignment', maxPoints, passPoints: a.passPoints } };
  });
}

/** Digits after the decimal point of a currency (2 for EUR, 0 for JPY). */
export function minorDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}
