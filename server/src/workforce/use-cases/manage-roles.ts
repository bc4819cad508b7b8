import type { Actor, Deps } from '../../deps.js';
import { transaction } from '../../db/transaction.js';
import { AppError } from '../../http/app-error.js';
import { parseRoleCsv } from '../role-csv.js';
import type { LevelScale } from '../skill-levels.js';
import * as rolesStore from '../stores/roles.store.js';
import { findUsableSkills } from '../stores/skill-lookup.store.js';
import type { Db } from '../../db/transaction.js';
import { actorUserId, authorizeEmployer, roleNotFound } from '../workforce-access.js';

export type RoleSkill = { skillId: string; level: number; essential: boolean };
export type RoleInput = { name: string; description?: string; skills: RoleSkill[] };
export type RoleView = {
  id: string;
  name: string;
  description: string;
  version: number;
  escoOccupationUri: string | null;
  skills: (RoleSkill & { name: string })[];
  updatedAt: Date;
};

/** The organisation's roles with their required skills, by name. */
export async function listRoles(deps: Deps, actor: Actor, slug: string): Promise<RoleView[]> {
  const { org } = await authorizeEmployer(deps, actor, slug, 'workforce.read');
  return rolesWithSkills(deps.db, org.id, await rolesStore.listRoles(deps.db, org.id));
}

export async function getRole(deps: Deps, actor: Actor, slug: string, id: string) {
  const { org } = await authorizeEmployer(deps, actor, slug, 'workforce.read');
  const role = await rolesStore.findRole(deps.db, org.id, id);
  if (!role) throw roleNotFound();
  const [view] = await rolesWithSkills(deps.db, org.id, [role]);
  const versions = await rolesStore.listRoleVersions(deps.db, org.id, id);
  return {
    ...view!,
    versions: versions.map((v) => ({
      version: v.version,
      name: v.name,
      skills: v.skills as RoleSkill[],
      createdAt: v.created_at,
    })),
  };
}

async function rolesWithSkills(
  db: Db,
  orgId: string,
  roles: Awaited<ReturnType<typeof rolesStore.listRoles>>,
): Promise<RoleView[]> {
  const skills = await rolesStore.listRoleSkills(
    db,
    orgId,
    roles.map((r) => r.id),
  );
  return roles.map((r) => ({
    id: r.id,
    name: r.name,
    description: r.description,
    version: r.version,
    escoOccupationUri: r.esco_occupation_uri,
    updatedAt: r.updated_at,
    skills: skills
      .filter((s) => s.role_id === r.id)
      .map((s) => ({ skillId: s.skill_id, level: s.level, essential: s.essential, name: s.skillName })),
  }));
}

/** Checks every skill is one the organisation may use (starter framework or its own) and listed once. */
async function checkSkills(db: Db, orgId: string, skills: RoleSkill[], field = 'skills') {
  const ids = skills.map((s) => s.skillId);
  const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
  if (dupes.length > 0) {
    throw new AppError('validation_failed', 'A skill is listed twice; list each skill once with its level.', {
      fields: dupes.map((d) => ({ field, message: `Listed twice: ${d}` })),
    });
  }
  const found = new Set((await findUsableSkills(db, orgId, { ids, codes: [], names: [] })).map((s) => s.id));
  const unknown = skills.flatMap((s, i) =>
    found.has(s.skillId) ? [] : [{ field: `${field}.${i}.skillId`, message: 'No such skill in your frameworks' }],
  );
  if (unknown.length > 0) {
    throw new AppError('validation_failed', 'Some skills are not in the starter framework or your own frameworks.', {
      fields: unknown,
    });
  }
}

const nameTaken = (name: string) =>
  new AppError('conflict', `A role named "${name}" already exists; edit it or choose another name.`, {
    fields: [{ field: 'name', message: 'Already used' }],
  });

export async function createRole(
  deps: Deps,
  actor: Actor,
  slug: string,
  input: RoleInput & { escoOccupationUri?: string | null },
) {
  const access = await authorizeEmployer(deps, actor, slug, 'workforce.manage');
  const { org } = access;
  const id = await transaction(deps.db, async (trx) => {
    await checkSkills(trx, org.id, input.skills);
    const role = await rolesStore.insertRole(trx, {
      orgId: org.id,
      name: input.name,
      description: input.description ?? '',
      escoOccupationUri: input.escoOccupationUri ?? null,
      createdBy: actorUserId(access),
    });
    if (!role) throw nameTaken(input.name);
    await rolesStore.replaceRoleSkills(
      trx,
      { id: role.id, orgId: org.id, name: role.name, version: 1, createdBy: actorUserId(access) },
      input.skills,
    );
    return role.id;
  });
  return getRole(deps, actor, slug, id);
}

/** Saves a new version of the role: its name, description and required skills. */
export async function updateRole(deps: Deps, actor: Actor, slug: string, id: string, input: RoleInput) {
  const access = await authorizeEmployer(deps, actor, slug, 'workforce.manage');
  const { org } = access;
  await transaction(deps.db, async (trx) => {
    const role = await rolesStore.lockRole(trx, org.id, id);
    if (!role) throw roleNotFound();
    await checkSkills(trx, org.id, input.skills);
    const other = await rolesStore.findRoleByName(trx, org.id, input.name);
    if (other && other.id !== id) throw nameTaken(input.name);
    const version = role.version + 1;
    await rolesStore.updateRole(trx, id, {
      name: input.name,
      description: input.description ?? role.description,
      version,
    });
    await rolesStore.replaceRoleSkills(
      trx,
      { id, orgId: org.id, name: input.name, version, createdBy: actorUserId(access) },
      input.skills,
    );
  });
  return getRole(deps, actor, slug, id);
}

export async function deleteRole(deps: Deps, actor: Actor, slug: string, id: string) {
  const { org } = await authorizeEmployer(deps, actor, slug, 'workforce.manage');
  if (!(await rolesStore.deleteRole(deps.db, org.id, id))) throw roleNotFound();
}

/**
 * Imports roles from a CSV (`role,skill,level,essential`). A role that exists gets a new
 * version with the file's skills; a new one is created. Every problem is listed with its line
 * and nothing is written unless the whole file is good.
 */
export async function importRolesCsv(
  deps: Deps,
  actor: Actor,
  slug: string,
  input: { csv: string; scale: LevelScale },
) {
  const access = await authorizeEmployer(deps, actor, slug, 'workforce.manage');
  const { org } = access;
  const { rows, issues } = parseRoleCsv(input.csv, input.scale);
  const refs = [...new Set(rows.map((r) => r.skill))];
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const skills = await findUsableSkills(deps.db, org.id, {
    ids: refs.filter((r) => uuid.test(r)),
    codes: refs,
    names: refs,
  });
  const resolve = (ref: string) =>
    skills.find((s) => s.id === ref) ??
    skills.find((s) => s.code === ref) ??
    skills.find((s) => s.name.toLowerCase() === ref.toLowerCase());
  const byRole = new Map<string, { name: string; skills: RoleSkill[] }>();
  for (const row of rows) {
    const skill = resolve(row.skill);
    if (!skill) {
      issues.push({ line: row.line, field: 'skill', message: `No skill "${row.skill}" in your frameworks` });
      continue;
    }
    const key = row.role.toLowerCase();
    const role = byRole.get(key) ?? { name: row.role, skills: [] };
    if (role.skills.some((s) => s.skillId === skill.id)) {
      issues.push({ line: row.line, field: 'skill', message: `"${row.skill}" is listed twice for ${row.role}` });
      continue;
    }
    role.skills.push({ skillId: skill.id, level: row.level, essential: row.essential });
    byRole.set(key, role);
  }
  if (issues.length > 0) {
    issues.sort((a, b) => a.line - b.line);
    throw new AppError('validation_failed', `The file has ${issues.length} problem(s); nothing was imported.`, {
      fields: issues.map((i) => ({ field: i.field, message: i.message, line: i.line })),
    });
  }
  const ids = await transaction(deps.db, async (trx) => {
    const out: { id: string; name: string; isNew: boolean }[] = [];
    for (const role of byRole.values()) {
      const existing = await rolesStore.findRoleByName(trx, org.id, role.name);
      if (existing) {
        const locked = (await rolesStore.lockRole(trx, org.id, existing.id))!;
        const version = locked.version + 1;
        await rolesStore.updateRole(trx, existing.id, { name: locked.name, description: locked.description, version });
        await rolesStore.replaceRoleSkills(
          trx,
          { id: existing.id, orgId: org.id, name: locked.name, version, createdBy: actorUserId(access) },
          role.skills,
        );
        out.push({ id: existing.id, name: locked.name, isNew: false });
      } else {
        const created = await rolesStore.insertRole(trx, {
          orgId: org.id,
          name: role.name,
          description: '',
          escoOccupationUri: null,
          createdBy: actorUserId(access),
        });
        if (!created) throw nameTaken(role.name);
        await rolesStore.replaceRoleSkills(
          trx,
          { id: created.id, orgId: org.id, name: created.name, version: 1, createdBy: actorUserId(access) },
          role.skills,
        );
        out.push({ id: created.id, name: created.name, isNew: true });
      }
    }
    return out;
  });
  return {
    created: ids.filter((r) => r.isNew).length,
    updated: ids.filter((r) => !r.isNew).length,
    roles: ids.map(({ id, name }) => ({ id, name })),
  };
}
