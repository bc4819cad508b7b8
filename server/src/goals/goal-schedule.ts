/**
 * Lays a plan's steps out week by week at the learner's pace and says whether it ends by their
 * target date. Pure: dates in, dates out.
 */

export type ScheduleStep = { id: string; name: string; hours: number; durationWeeks: number | null };

export type ScheduleWeek = { week: number; startsOn: string; items: { id: string; name: string; hours: number }[] };

export type Schedule = {
  weeks: ScheduleWeek[];
  finishesOn: string | null;
  feasible: boolean;
  reason: string | null;
  /** Hours a week that would end by the target date, when there is one. */
  hoursNeededPerWeek: number | null;
};

/** Ten years: past that a schedule says so instead of listing weeks. */
export const MAX_WEEKS = 520;
const DAY = 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);
const round1 = (n: number) => Math.round(n * 10) / 10;

export function scheduleSteps(input: {
  steps: readonly ScheduleStep[];
  weeklyHours: number | null;
  start: Date;
  targetDate: string | null;
}): Schedule {
  const { steps, weeklyHours, start } = input;
  const weeks: ScheduleWeek[] = [];
  const weekAt = (i: number): ScheduleWeek => {
    while (weeks.length <= i)
      weeks.push({
        week: weeks.length + 1,
        startsOn: day(new Date(start.getTime() + weeks.length * 7 * DAY)),
        items: [],
      });
    return weeks[i]!;
  };
  let isTooLong = false;
  if (weeklyHours !== null && weeklyHours > 0) {
    // Fill each week up to the pace, one step after another.
    let week = 0;
    let room = weeklyHours;
    for (const s of steps) {
      let left = s.hours;
      if (left <= 0) weekAt(week).items.push({ id: s.id, name: s.name, hours: 0 });
      while (left > 1e-9) {
        if (week >= MAX_WEEKS) {
          isTooLong = true;
          break;
        }
        const take = Math.min(left, room);
        weekAt(week).items.push({ id: s.id, name: s.name, hours: round1(take) });
        left -= take;
        room -= take;
        if (room <= 1e-9) {
          week++;
          room = weeklyHours;
        }
      }
    }
  } else {
    // No pace given: each step takes its published duration, one after another.
    let week = 0;
    for (const s of steps) {
      const span = Math.max(1, s.durationWeeks ?? Math.ceil(Math.max(s.hours, 1) / 5));
      for (let i = 0; i < span && week + i < MAX_WEEKS; i++)
        weekAt(week + i).items.push({ id: s.id, name: s.name, hours: round1(s.hours / span) });
      week += span;
      if (week >= MAX_WEEKS) isTooLong = true;
    }
  }
  const last = weeks.length === 0 ? null : weeks[weeks.length - 1]!;
  const finishesOn = last ? day(new Date(Date.parse(last.startsOn) + 6 * DAY)) : null;
  const totalHours = steps.reduce((s, x) => s + x.hours, 0);
  let hoursNeededPerWeek: number | null = null;
  let reason: string | null = null;
  if (input.targetDate) {
    const weeksLeft = Math.floor((Date.parse(input.targetDate) - start.getTime()) / (7 * DAY)) + 1;
    hoursNeededPerWeek = weeksLeft > 0 ? round1(totalHours / weeksLeft) : null;
    if (weeksLeft <= 0 && steps.length > 0) reason = `Your target date ${input.targetDate} has passed.`;
    else if (finishesOn && finishesOn > input.targetDate)
      reason =
        weeklyHours !== null
          ? `At ${weeklyHours} hours a week the plan ends on ${finishesOn}, after your target date ${input.targetDate}: it needs about ${hoursNeededPerWeek} hours a week.`
          : `Taken one after another the programmes end on ${finishesOn}, after your target date ${input.targetDate}.`;
  }
  if (isTooLong) reason = 'At this pace the plan takes more than ten years.';
  return {
    weeks: isTooLong ? [] : weeks,
    finishesOn: isTooLong ? null : finishesOn,
    feasible: reason === null,
    reason,
    hoursNeededPerWeek,
  };
}

/** ISO week label (2026-W49) of a date, for once-a-week work. */
export function isoWeek(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const dayNum = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - dayNum);
  const yearStart = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((d.getTime() - yearStart.getTime()) / DAY + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
