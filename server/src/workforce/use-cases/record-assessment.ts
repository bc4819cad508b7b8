import type { Actor, Deps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import { requireUser } from '../../orgs/org-access.js';
import { findMember, listSelfAssessments, upsertAssessment } from '../stores/evidence.store.js';
import { findMembershipBySlug } from '../stores/shares.store.js';
import { findUsableSkills } from '../stores/skill-lookup.store.js';
import { authorizeEmployer } from '../workforce-access.js';

async function checkSkill(deps: Deps, orgId: string, skillId: string) {
  const [skill] = await findUsableSkills(deps.db, orgId, { ids: [skillId], codes: [], names: [] });
  if (!skill)
    throw new AppError('validation_failed', 'No such skill in your frameworks.', {
      fields: [{ field: 'skillId', message: 'Unknown skill' }],
    });
}

/** A manager's view of a member's level: recorded apart from verified evidence and never counted as it. */
export async function recordManagerAssessment(
  deps: Deps,
  actor: Actor,
  slug: string,
  userId: string,
  input: { skillId: string; level: number },
) {
  const access = await authorizeEmployer(deps, actor, slug, 'workforce.manage');
  const by = requireUser(actor);
  const member = await findMember(deps.db, access.org.id, userId);
  if (!member) throw new AppError('not_found', 'No member with this id in this organisation.');
  await checkSkill(deps, access.org.id, input.skillId);
  await upsertAssessment(deps.db, {
    orgId: access.org.id,
    userId,
    skillId: input.skillId,
    source: 'manager',
    level: input.level,
    by: by.userId,
    now: deps.clock(),
  });
}

/** The member's own view of their level, for one employer. */
export async function recordSelfAssessment(
  deps: Deps,
  actor: Actor,
  orgSlug: string,
  input: { skillId: string; level: number },
) {
  const user = requireUser(actor);
  const org = await findMembershipBySlug(deps.db, orgSlug, user.userId);
  if (!org || !org.roles.includes('employer'))
    throw new AppError('not_found', `No employer "${orgSlug}" that you belong to.`);
  await checkSkill(deps, org.id, input.skillId);
  await upsertAssessment(deps.db, {
    orgId: org.id,
    userId: user.userId,
    skillId: input.skillId,
    source: 'self',
    level: input.level,
    by: user.userId,
    now: deps.clock(),
  });
}

/** The member's own assessments for one employer, with skill names (never verified evidence). */
export async function listMySelfAssessments(deps: Deps, actor: Actor, orgSlug: string) {
  const user = requireUser(actor);
  const org = await findMembershipBySlug(deps.db, orgSlug, user.userId);
  if (!org || !org.roles.includes('employer'))
    throw new AppError('not_found', `No employer "${orgSlug}" that you belong to.`);
  const rows = await listSelfAssessments(deps.db, org.id, user.userId);
  return rows.map((r) => ({ skillId: r.skill_id, name: r.name, level: r.level, assessedAt: r.assessed_at }));
}
