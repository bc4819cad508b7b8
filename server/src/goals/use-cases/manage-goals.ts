import type { Actor, Deps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import { requireUser } from '../../orgs/orgs.service.js';
import { occupationForGoal } from '../../skills/occupations.service.js';
import { targetsOf, type RequirementNode } from '../../pathways/requirement-tree.js';
import * as store from '../stores/goals.store.js';

export type GoalInput = {
  kind: 'role' | 'pathway' | 'skills';
  ref?: string | undefined;
  skillIds?: string[] | undefined;
  targetDate?: string | undefined;
  weeklyHours?: number | undefined;
  wantsNudges?: boolean | undefined;
  /** A skills goal started from an occupation: its essential skills unless skillIds are given. */
  occupationId?: string | undefined;
};

const refError = (message: string) =>
  new AppError('validation_failed', message, { fields: [{ field: 'ref', message }] });

/**
 * The skills a goal asks for, worked out now: a role's profile (as its employer keeps it
 * today), a pathway's programmes and skill requirements (its latest published version), or
 * the skills the learner chose. Null when the role or pathway is no longer there to see.
 */
export async function goalSkills(
  deps: Deps,
  learnerId: string,
  goal: { kind: GoalInput['kind']; ref: string; skillIds: string[] },
): Promise<{ title: string; skillIds: string[] } | null> {
  if (goal.kind === 'skills') return { title: '', skillIds: goal.skillIds };
  if (goal.kind === 'role') {
    const role = await store.visibleRole(deps.db, learnerId, goal.ref);
    return role ? { title: `${role.name} at ${role.orgName}`, skillIds: role.skillIds } : null;
  }
  const pathway = await store.publishedPathway(deps.db, goal.ref);
  if (!pathway) return null;
  const targets = targetsOf(pathway.tree as RequirementNode);
  const programmes = await store.programmeSkills(deps.db, targets.microcredentialIds);
  const skillIds = [...new Set([...targets.skillIds, ...programmes.flatMap((p) => p.skill_ids)])];
  return { title: pathway.name, skillIds };
}

/** Sets a goal: a role the learner can see, a published pathway, or a list of skills. */
export async function createGoal(deps: Deps, actor: Actor, input: GoalInput): Promise<{ id: string }> {
  const user = requireUser(actor);
  const today = deps.clock().toISOString().slice(0, 10);
  if (input.targetDate && input.targetDate <= today)
    throw new AppError('validation_failed', 'Choose a target date in the future.', {
      fields: [{ field: 'targetDate', message: 'The date has passed' }],
    });
  let ref = input.ref ?? '';
  let skillIds: string[] = [];
  let title: string;
  let occupation: Awaited<ReturnType<typeof occupationForGoal>> = null;
  if (input.occupationId) {
    if (input.kind !== 'skills')
      throw new AppError('validation_failed', 'An occupation starts a skills goal; send kind "skills".', {
        fields: [{ field: 'occupationId', message: 'Only with kind "skills"' }],
      });
    occupation = await occupationForGoal(deps, actor, input.occupationId);
    if (!occupation)
      throw new AppError('validation_failed', 'No occupation with this id is open to you.', {
        fields: [{ field: 'occupationId', message: 'Choose an occupation from the list' }],
      });
  }
  if (input.kind === 'skills') {
    const wanted = [...new Set(input.skillIds ?? occupation?.essentialSkillIds ?? [])];
    if (wanted.length === 0)
      throw new AppError('validation_failed', 'Choose at least one skill.', {
        fields: [{ field: 'skillIds', message: 'Choose at least one skill' }],
      });
    const known = await store.skillsByIds(deps.db, wanted);
    if (known.length !== wanted.length)
      throw new AppError('validation_failed', 'Some skills do not exist.', {
        fields: [{ field: 'skillIds', message: 'Choose skills from the framework' }],
      });
    skillIds = wanted;
    ref = '';
    const names = known.map((k) => k.name);
    title = occupation
      ? occupation.title
      : names.length <= 3
        ? names.join(', ')
        : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
  } else {
    if (!/^[0-9a-f-]{36}$/i.test(ref)) throw refError(`Give the ${input.kind}'s id.`);
    const resolved = await goalSkills(deps, user.userId, { kind: input.kind, ref, skillIds: [] });
    // A role of an employer the learner does not belong to is as absent as one that does not exist.
    if (!resolved)
      throw refError(
        input.kind === 'role' ? 'No role with this id is open to you.' : 'No published pathway has this id.',
      );
    if (resolved.skillIds.length === 0) throw refError(`This ${input.kind} names no skills to plan for.`);
    title = resolved.title;
  }
  const id = await store.insertGoal(deps.db, user.userId, {
    kind: input.kind,
    ref,
    skillIds,
    title,
    targetDate: input.targetDate ?? null,
    weeklyHours: input.weeklyHours ?? null,
    wantsNudges: input.wantsNudges ?? false,
    occupationId: occupation?.id ?? null,
  });
  return { id };
}

export async function listGoals(deps: Deps, actor: Actor) {
  const user = requireUser(actor);
  return store.listGoals(deps.db, user.userId);
}

export async function deleteGoal(deps: Deps, actor: Actor, id: string): Promise<void> {
  const user = requireUser(actor);
  if (!(await store.deleteGoal(deps.db, user.userId, id)))
    throw new AppError('not_found', 'No goal with this id is yours.');
}
