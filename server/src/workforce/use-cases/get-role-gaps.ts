import type { Actor, Deps } from '../../deps.js';
import { csvCell } from '../../audit/audit-csv.js';
import { loadMemberSkills, verifiedLevelAt, type MemberSkills } from '../member-skills.js';
import { gapStatusOf, type GapStatus } from '../skill-levels.js';
import { teamMemberIds } from '../stores/evidence.store.js';
import * as rolesStore from '../stores/roles.store.js';
import { authorizeEmployer, roleNotFound } from '../workforce-access.js';

/** How far ahead expiring credentials are looked at. */
export const EXPIRY_HORIZON_DAYS = 90;

export type SkillGap = {
  skillId: string;
  required: number;
  essential: boolean;
  verified: number | null;
  selfAssessed: number | null;
  managerAssessed: number | null;
  status: GapStatus;
  /** When the skill is met now but the evidence that meets it expires within the horizon. */
  expiresAt: Date | null;
};

export type GapFilter = { userId?: string; teamId?: string; status?: GapStatus };

export type RoleGaps = {
  role: {
    id: string;
    name: string;
    version: number;
    skills: { skillId: string; name: string; level: number; essential: boolean }[];
  };
  members: { userId: string; name: string; skills: SkillGap[] }[];
  summary: { members: number; requirements: number; met: number; metPercent: number; expiring: number };
};

/** The gap of one member against a role's skills, from verified evidence only. */
export function gapsOf(
  member: MemberSkills,
  skills: { skillId: string; level: number; essential: boolean }[],
  now: Date,
): SkillGap[] {
  const horizon = new Date(now.getTime() + EXPIRY_HORIZON_DAYS * 86_400_000);
  return skills.map((s) => {
    const proofs = member.verified.get(s.skillId);
    const verified = verifiedLevelAt(proofs, now);
    const status = gapStatusOf(s.level, verified);
    let expiresAt: Date | null = null;
    if (status === 'met' && gapStatusOf(s.level, verifiedLevelAt(proofs, horizon)) !== 'met') {
      // The latest expiry among the proofs that meet the level now: after it, the gap opens.
      expiresAt = new Date(
        Math.max(
          ...(proofs ?? [])
            .filter((p) => p.level >= s.level && p.validUntil && p.validUntil > now)
            .map((p) => p.validUntil!.getTime()),
        ),
      );
    }
    return {
      skillId: s.skillId,
      required: s.level,
      essential: s.essential,
      verified,
      selfAssessed: member.selfAssessed.get(s.skillId) ?? null,
      managerAssessed: member.managerAssessed.get(s.skillId) ?? null,
      status,
      expiresAt,
    };
  });
}

/**
 * A role's gaps for the members who share with the organisation (optionally one person or one
 * team). Members who have not shared are not read, so they never appear.
 */
export async function getRoleGaps(
  deps: Deps,
  actor: Actor,
  slug: string,
  roleId: string,
  filter: GapFilter = {},
): Promise<RoleGaps> {
  const { org } = await authorizeEmployer(deps, actor, slug, 'workforce.read');
  const role = await rolesStore.findRole(deps.db, org.id, roleId);
  if (!role) throw roleNotFound();
  const skills = await rolesStore.listRoleSkills(deps.db, org.id, [role.id]);
  let userIds: string[] | undefined;
  if (filter.teamId) userIds = await teamMemberIds(deps.db, org.id, filter.teamId);
  if (filter.userId) userIds = userIds ? userIds.filter((u) => u === filter.userId) : [filter.userId];
  const members = await loadMemberSkills(deps, org.id, userIds);
  const now = deps.clock();
  const required = skills.map((s) => ({ skillId: s.skill_id, level: s.level, essential: s.essential }));
  const rows = members.map((m) => ({ userId: m.userId, name: m.name, skills: gapsOf(m, required, now) }));
  const visible = filter.status ? rows.filter((r) => r.skills.some((s) => s.status === filter.status)) : rows;
  const all = rows.flatMap((r) => r.skills);
  const met = all.filter((s) => s.status === 'met').length;
  return {
    role: {
      id: role.id,
      name: role.name,
      version: role.version,
      skills: skills.map((s) => ({ skillId: s.skill_id, name: s.skillName, level: s.level, essential: s.essential })),
    },
    members: visible,
    summary: {
      members: rows.length,
      requirements: all.length,
      met,
      metPercent: all.length === 0 ? 0 : Math.round((met / all.length) * 1000) / 10,
      expiring: all.filter((s) => s.expiresAt !== null).length,
    },
  };
}

/** The same report as CSV: one line per member and skill. */
export function gapsCsv(gaps: RoleGaps): string {
  const names = new Map(gaps.role.skills.map((s) => [s.skillId, s.name]));
  const header = [
    'member',
    'skill',
    'essential',
    'required',
    'verified',
    'self_assessed',
    'manager_assessed',
    'status',
    'expires_at',
  ];
  const lines = [header.map((v) => csvCell(v)).join(',')];
  for (const m of gaps.members) {
    for (const s of m.skills) {
      lines.push(
        [
          m.name,
          names.get(s.skillId) ?? s.skillId,
          s.essential ? 'yes' : 'no',
          s.required,
          s.verified ?? '',
          s.selfAssessed ?? '',
          s.managerAssessed ?? '',
          s.status,
          s.expiresAt?.toISOString() ?? '',
        ]
          .map((v) => csvCell(String(v)))
          .join(','),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
