import type { Actor, Deps } from '../deps.js';
import { findUserByEmail } from '../identity/identity.store.js';
import { recordCredentialCpd } from '../cpd/use-cases/record-credential-cpd.js';
import { logCpdActivity } from '../cpd/use-cases/log-cpd-activity.js';
import { setCpdScheme } from '../cpd/use-cases/manage-cpd-scheme.js';
import { createGoal } from '../goals/use-cases/manage-goals.js';

const asUser = (userId: string): Actor => ({ kind: 'user', userId, sessionId: 'demo-seed' });
const daysFrom = (now: Date, days: number) => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The demo learner's goal and CPD record: a goal to become Harbor Logistics' Data analyst
 * (a skills goal when the employer's roles are not there), half of it already held through the
 * credentials seeded before; a CPD scheme of 30 hours a year (structured capped at 20) with
 * the entries of their credentials and two self-logged activities with reflections.
 * Runs after the learning and employer demo data.
 */
export async function seedDemoLearnerGoals(deps: Deps, options: { learnerEmail: string; employerSlug: string }) {
  const learner = await findUserByEmail(deps.db, options.learnerEmail);
  if (!learner) throw new Error('The demo learner must exist first.');
  const actor = asUser(learner.id);
  const now = deps.clock();

  const role = await deps.db
    .selectFrom('employer_roles as r')
    .innerJoin('organizations as o', 'o.id', 'r.org_id')
    .select('r.id')
    .where('o.slug', '=', options.employerSlug)
    .where('r.name', '=', 'Data analyst')
    .executeTakeFirst();
  const goal = { targetDate: daysFrom(now, 180), weeklyHours: 4, wantsNudges: true };
  let isRoleGoal = false;
  if (role) {
    try {
      await createGoal(deps, actor, { kind: 'role', ref: role.id, ...goal });
      isRoleGoal = true;
    } catch {
      // The learner cannot see the role (no team membership in this demo): fall back to skills.
    }
  }
  if (!isRoleGoal) {
    const skills = await deps.db
      .selectFrom('catalog_entries')
      .select('skill_ids')
      .where('slug', 'in', ['data-literacy-foundations', 'sql-for-analysts'])
      .execute();
    const skillIds = [...new Set(skills.flatMap((s) => s.skill_ids))].slice(0, 6);
    if (skillIds.length > 0) await createGoal(deps, actor, { kind: 'skills', skillIds, ...goal });
  }

  await setCpdScheme(deps, actor, { preset: 'general-30' });
  const credentials = await deps.db
    .selectFrom('credentials')
    .select('id')
    .where('recipient_user_id', '=', learner.id)
    .execute();
  for (const c of credentials) await recordCredentialCpd(deps, c.id);
  await logCpdActivity(deps, actor, {
    date: daysFrom(now, -40),
    title: 'Webinar: visualising delivery delays',
    hours: 1.5,
    category: 'self-directed',
    evidenceLink: 'https://example.org/webinars/delivery-delays',
    learned: 'Median and percentile charts show delays better than averages, which hide the long tail.',
    application: 'Replace the average-delay tile on our weekly dashboard with a p50/p90 chart.',
  });
  await logCpdActivity(deps, actor, {
    date: daysFrom(now, -12),
    title: 'Read: “Storytelling with Data”, chapters 1–4',
    hours: 4,
    category: 'self-directed',
    learned: 'Declutter first, then draw the eye to one message per chart.',
    application: 'Review my next three reports against the checklist before sending them.',
  });
}
