import type { Actor, Deps } from '../../deps.js';
import { loadCoverOptions } from '../../planning/cover-options.store.js';
import { planSkillCover, type CoverOption, type CoverPlan } from '../../planning/skill-cover.js';
import { listPrivateProgrammes } from '../stores/private-programmes.store.js';
import { findRoleOrgId } from '../stores/roles.store.js';
import { skillNames } from '../stores/skill-lookup.store.js';
import { getRoleGaps, type GapFilter } from './get-role-gaps.js';

/**
 * What closes a role's gaps (for everyone who shares, a team, or one person): the cheapest and
 * the shortest set of programmes (and pathways) that covers every skill someone is missing or
 * below on, from the public catalogue and the employer's private programmes.
 */
export async function recommendProgrammes(
  deps: Deps,
  actor: Actor,
  slug: string,
  roleId: string,
  filter: GapFilter = {},
) {
  const gaps = await getRoleGaps(deps, actor, slug, roleId, filter);
  const needed = [
    ...new Set(gaps.members.flatMap((m) => m.skills.filter((s) => s.status !== 'met').map((s) => s.skillId))),
  ];
  const orgId = await findRoleOrgId(deps.db, gaps.role.id);
  const [publicOptions, privateRows] = await Promise.all([
    loadCoverOptions(deps.db, { skillIds: needed }),
    needed.length > 0 ? listPrivateProgrammes(deps.db, [orgId], needed) : Promise.resolve([]),
  ]);
  const privateOptions: CoverOption[] = privateRows.map((r) => ({
    kind: 'programme',
    id: r.id,
    name: r.title,
    slug: r.slug,
    providerSlug: r.providerSlug,
    cost:
      r.cost_amount_minor !== null && r.cost_currency
        ? { amountMinor: r.cost_amount_minor, currency: r.cost_currency }
        : null,
    hours: r.effort_hours ?? 0,
    cpdHours: r.cpd_hours ?? 0,
    durationWeeks: r.duration_weeks,
    language: r.language,
    skillIds: r.skill_ids,
  }));
  const options = [...publicOptions, ...privateOptions];
  const names = await skillNames(deps.db, needed);
  const present = (plan: CoverPlan) => ({
    ...plan,
    steps: plan.steps.map((s) => ({
      ...s,
      skillIds: [...s.skillIds],
      isPrivate: privateOptions.some((p) => p.id === s.id),
    })),
  });
  return {
    role: { id: gaps.role.id, name: gaps.role.name },
    needed: needed.map((id) => ({ skillId: id, name: names.get(id) ?? id })),
    cheapest: present(planSkillCover({ skillIds: needed, options, optimise: 'cost' })),
    shortest: present(planSkillCover({ skillIds: needed, options, optimise: 'time' })),
  };
}
