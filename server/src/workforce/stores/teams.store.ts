/** Team membership beyond creation: who is in a team, and removing a team. */
import type { Db } from '../../db/transaction.js';

/** The members of one team of the organisation, by name. */
export function listTeamMembers(db: Db, orgId: string, teamId: string) {
  return db
    .selectFrom('employer_team_members as tm')
    .innerJoin('users as u', 'u.id', 'tm.user_id')
    .select(['u.id as userId', 'u.name', 'u.email'])
    .where('tm.org_id', '=', orgId)
    .where('tm.team_id', '=', teamId)
    .orderBy('u.name')
    .orderBy('u.id')
    .execute();
}

/** Deletes a team (its member rows go with it); assignments made through it keep their people. */
export async function deleteTeam(db: Db, orgId: string, teamId: string) {
  const deleted = await db
    .deleteFrom('employer_teams')
    .where('org_id', '=', orgId)
    .where('id', '=', teamId)
    .executeTakeFirst();
  return Number(deleted.numDeletedRows) > 0;
}
