import type { Actor, Deps } from '../../deps.js';
import { loadMemberSkills } from '../member-skills.js';
import { teamMemberIds } from '../stores/evidence.store.js';
import * as rolesStore from '../stores/roles.store.js';
import { authorizeEmployer } from '../workforce-access.js';
import { gapsOf } from './get-role-gaps.js';
import { assignmentsWithStatus } from './manage-assignments.js';

const DAY = 86_400_000;
/** No progress for this long on an open assignment puts a member at risk. */
export const AT_RISK_AFTER_DAYS = 30;
const MONTHS = 6;

const monthOf = (d: Date) => `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;

function lastMonths(now: Date, count: number): string[] {
  const out: string[] = [];
  for (let i = count - 1; i >= 0; i -= 1)
    out.push(monthOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1))));
  return out;
}

/**
 * The team dashboard: assignments by status (now and per month), skills gained per month,
 * the share of each role's requirements met, and members at risk. Only members who share
 * with the organisation contribute anything but the fact of an assignment.
 */
export async function getTeamDashboard(deps: Deps, actor: Actor, slug: string, filter: { teamId?: string } = {}) {
  const { org } = await authorizeEmployer(deps, actor, slug, 'workforce.read');
  const now = deps.clock();
  const teamIds = filter.teamId ? new Set(await teamMemberIds(deps.db, org.id, filter.teamId)) : null;
  const inScope = (userId: string) => teamIds === null || teamIds.has(userId);
  const assignments = (await assignmentsWithStatus(deps, org.id)).filter((a) => inScope(a.userId));
  const members = (await loadMemberSkills(deps, org.id)).filter((m) => inScope(m.userId));
  const roles = await rolesStore.listRoles(deps.db, org.id);
  const roleSkills = await rolesStore.listRoleSkills(
    deps.db,
    org.id,
    roles.map((r) => r.id),
  );

  const counts = { assigned: 0, in_progress: 0, overdue: 0, completed: 0, not_shared: 0 };
  for (const a of assignments) counts[a.status] += 1;

  const months = lastMonths(now, MONTHS);
  const byMonth = new Map(months.map((m) => [m, { month: m, assigned: 0, started: 0, completed: 0, skillsGained: 0 }]));
  for (const a of assignments) {
    byMonth.get(monthOf(a.assignedAt))!.assigned += 1;
    if (a.enrolledAt) {
      const row = byMonth.get(monthOf(a.enrolledAt));
      if (row) row.started += 1;
    }
    if (a.completedAt) {
      const row = byMonth.get(monthOf(a.completedAt));
      if (row) row.completed += 1;
    }
  }
  // A skill is gained in the month of the first verified credential that evidences it.
  for (const m of members) {
    for (const proofs of m.verified.values()) {
      const first = proofs.reduce((a, b) => (a.issuedAt <= b.issuedAt ? a : b));
      const row = byMonth.get(monthOf(first.issuedAt));
      if (row) row.skillsGained += 1;
    }
  }

  const roleProgress = roles.map((r) => {
    const required = roleSkills
      .filter((s) => s.role_id === r.id)
      .map((s) => ({ skillId: s.skill_id, level: s.level, essential: s.essential }));
    const all = members.flatMap((m) => gapsOf(m, required, now));
    const met = all.filter((g) => g.status === 'met').length;
    return {
      roleId: r.id,
      name: r.name,
      requirements: all.length,
      met,
      closedPercent: all.length === 0 ? 0 : Math.round((met / all.length) * 1000) / 10,
    };
  });

  const atRisk = new Map<string, { userId: string; name: string; reasons: string[] }>();
  for (const a of assignments) {
    if (a.status === 'completed' || a.status === 'not_shared') continue;
    const reasons: string[] = [];
    if (a.status === 'overdue') reasons.push(`Overdue: ${a.title} (due ${a.dueAt.toISOString().slice(0, 10)})`);
    const since = a.lastActivityAt ?? a.assignedAt;
    if (now.getTime() - since.getTime() > AT_RISK_AFTER_DAYS * DAY)
      reasons.push(`No progress on ${a.title} for ${Math.floor((now.getTime() - since.getTime()) / DAY)} days`);
    if (reasons.length === 0) continue;
    const entry = atRisk.get(a.userId) ?? { userId: a.userId, name: a.userName, reasons: [] };
    entry.reasons.push(...reasons);
    atRisk.set(a.userId, entry);
  }

  return {
    sharingMembers: members.length,
    assignments: counts,
    months: [...byMonth.values()],
    roles: roleProgress,
    atRisk: [...atRisk.values()],
  };
}
