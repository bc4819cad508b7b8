import type { Db } from '../../db/transaction.js';

export type RoleSkillInput = { skillId: string; level: number; essential: boolean };

export function listRoles(db: Db, orgId: string) {
  return db.selectFrom('employer_roles').selectAll().where('org_id', '=', orgId).orderBy('name').execute();
}

export function findRole(db: Db, orgId: string, id: string) {
  return db
    .selectFrom('employer_roles')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function lockRole(db: Db, orgId: string, id: string) {
  return db
    .selectFrom('employer_roles')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export function findRoleByName(db: Db, orgId: string, name: string) {
  return db
    .selectFrom('employer_roles')
    .select(['id'])
    .where('org_id', '=', orgId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .executeTakeFirst();
}

export function listRoleSkills(db: Db, orgId: string, roleIds: string[]) {
  if (roleIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('employer_role_skills as rs')
    .innerJoin('skills as s', 's.id', 'rs.skill_id')
    .select(['rs.role_id', 'rs.skill_id', 'rs.level', 'rs.essential', 's.name as skillName'])
    .where('rs.org_id', '=', orgId)
    .where('rs.role_id', 'in', roleIds)
    .orderBy('rs.essential', 'desc')
    .orderBy('s.name')
    .execute();
}

export function insertRole(
  db: Db,
  role: {
    orgId: string;
    name: string;
    description: string;
    escoOccupationUri: string | null;
    createdBy: string | null;
  },
) {
  return db
    .insertInto('employer_roles')
    .values({
      org_id: role.orgId,
      name: role.name,
      description: role.description,
      esco_occupation_uri: role.escoOccupationUri,
      created_by: role.createdBy,
    })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function updateRole(db: Db, id: string, changes: { name: string; description: string; version: number }) {
  await db
    .updateTable('employer_roles')
    .set({ name: changes.name, description: changes.description, version: changes.version, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

/** Replaces the role's skills and records the version as it now is. */
export async function replaceRoleSkills(
  db: Db,
  role: { id: string; orgId: string; name: string; version: number; createdBy: string | null },
  skills: RoleSkillInput[],
) {
  await db.deleteFrom('employer_role_skills').where('role_id', '=', role.id).execute();
  if (skills.length > 0) {
    await db
      .insertInto('employer_role_skills')
      .values(
        skills.map((s) => ({
          role_id: role.id,
          org_id: role.orgId,
          skill_id: s.skillId,
          level: s.level,
          essential: s.essential,
        })),
      )
      .execute();
  }
  await db
    .insertInto('employer_role_versions')
    .values({
      role_id: role.id,
      org_id: role.orgId,
      version: role.version,
      name: role.name,
      skills: JSON.stringify(skills),
      created_by: role.createdBy,
    })
    .execute();
}

export function listRoleVersions(db: Db, orgId: string, roleId: string) {
  return db
    .selectFrom('employer_role_versions')
    .select(['version', 'name', 'skills', 'created_at'])
    .where('org_id', '=', orgId)
    .where('role_id', '=', roleId)
    .orderBy('version', 'desc')
    .execute();
}

export async function deleteRole(db: Db, orgId: string, id: string) {
  const r = await db.deleteFrom('employer_roles').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function findRoleOrgId(db: Db, id: string) {
  const row = await db.selectFrom('employer_roles').select('org_id').where('id', '=', id).executeTakeFirstOrThrow();
  return row.org_id;
}
