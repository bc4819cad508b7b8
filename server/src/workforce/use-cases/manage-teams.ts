import type { Actor, Deps } from '../../deps.js';
import { transaction } from '../../db/transaction.js';
import { AppError } from '../../http/app-error.js';
import * as assignmentsStore from '../stores/assignments.store.js';
import * as teamsStore from '../stores/teams.store.js';
import { authorizeEmployer } from '../workforce-access.js';

const noTeam = () => new AppError('not_found', 'No team with this id in this organisation.');

/** A team with its members (names and emails: the employer already sees them as members). */
export async function getTeam(deps: Deps, actor: Actor, slug: string, teamId: string) {
  const { org } = await authorizeEmployer(deps, actor, slug, 'workforce.read');
  const team = await assignmentsStore.findTeam(deps.db, org.id, teamId);
  if (!team) throw noTeam();
  const members = await teamsStore.listTeamMembers(deps.db, org.id, teamId);
  return { id: team.id, name: team.name, memberCount: members.length, members };
}

/** Replaces who is in a team (adding and removing members are both this); each must be a member of the organisation. */
export async function setTeamMembers(deps: Deps, actor: Actor, slug: string, teamId: string, userIds: string[]) {
  const { org } = await authorizeEmployer(deps, actor, slug, 'workforce.manage');
  const ids = [...new Set(userIds)];
  await transaction(deps.db, async (trx) => {
    const team = await assignmentsStore.findTeam(trx, org.id, teamId);
    if (!team) throw noTeam();
    const members = await assignmentsStore.membersIn(trx, org.id, ids);
    if (members.length !== ids.length) {
      const known = new Set(members.map((m) => m.id));
      throw new AppError(
        'validation_failed',
        'Everyone in a team must be a member of the organisation; nothing was changed.',
        {
          fields: ids
            .filter((id) => !known.has(id))
            .map((id) => ({ field: 'userIds', message: `Not a member of this organisation: ${id}` })),
        },
      );
    }
    await assignmentsStore.setTeamMembers(trx, org.id, teamId, ids);
  });
  return getTeam(deps, actor, slug, teamId);
}

/** Deletes a team; its members stay in the organisation and keep their assignments. */
export async function deleteTeam(deps: Deps, actor: Actor, slug: string, teamId: string) {
  const { org } = await authorizeEmployer(deps, actor, slug, 'workforce.manage');
  if (!(await teamsStore.deleteTeam(deps.db, org.id, teamId))) throw noTeam();
}
