import type { Db } from '../../db/transaction.js';

// Pathway awards and the components they stack; suspension when a component lapses.

/** Claims the award for a learner and pathway version; undefined when it was claimed already. */
export function claimAward(
  db: Db,
  row: { orgId: string; pathwayId: string; versionId: string; learnerId: string; idempotencyKey: string; now: Date },
) {
  return db
    .insertInto('pathway_awards')
    .values({
      org_id: row.orgId,
      pathway_id: row.pathwayId,
      version_id: row.versionId,
      learner_id: row.learnerId,
      idempotency_key: row.idempotencyKey,
      awarded_at: row.now,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
}

export async function completeAward(
  db: Db,
  awardId: string,
  options: {
    credentialRowId: string;
    clrRowId: string;
    components: { kind: 'credential' | 'wallet'; id: string }[];
    orgId: string;
  },
) {
  await db
    .updateTable('pathway_awards')
    .set({ credential_row_id: options.credentialRowId, clr_row_id: options.clrRowId })
    .where('id', '=', awardId)
    .execute();
  if (options.components.length > 0) {
    await db
      .insertInto('pathway_award_components')
      .values(
        options.components.map((c) => ({
          award_id: awardId,
          org_id: options.orgId,
          component_kind: c.kind,
          component_id: c.id,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

export function awardsOfLearner(db: Db, learnerId: string) {
  return db.selectFrom('pathway_awards').selectAll().where('learner_id', '=', learnerId).execute();
}

export function awardsWithComponent(db: Db, componentId: string) {
  return (
    db
      .selectFrom('pathway_awards as a')
      .innerJoin('pathway_award_components as pc', 'pc.award_id', 'a.id')
      .selectAll('a')
      .where('pc.component_id', '=', componentId)
      // Locked in one order (by organisation, then award), whoever else locks the same awards.
      .orderBy('a.org_id')
      .orderBy('a.id')
      .forUpdate()
      .execute()
  );
}

/** Whether every Cairn credential among an award's components is still in force. */
export async function inactiveComponentsOf(db: Db, awardId: string, now: Date) {
  const cairn = await db
    .selectFrom('pathway_award_components as pc')
    .innerJoin('credentials as c', 'c.id', 'pc.component_id')
    .select(['c.id', 'c.achievement_name'])
    .where('pc.award_id', '=', awardId)
    .where('pc.component_kind', '=', 'credential')
    .where((eb) =>
      eb.or([eb('c.revoked_at', 'is not', null), eb('c.suspended_at', 'is not', null), eb('c.valid_until', '<=', now)]),
    )
    .execute();
  // A wallet entry removed by its holder stays part of the award as issued; one its issuer
  // revoked or suspended, or that expired, does not.
  const wallet = await db
    .selectFrom('pathway_award_components as pc')
    .innerJoin('wallet_credentials as w', 'w.id', 'pc.component_id')
    .select(['w.id', 'w.achievement_name'])
    .where('pc.award_id', '=', awardId)
    .where('pc.component_kind', '=', 'wallet')
    .where((eb) => eb.or([eb('w.status', '!=', 'active'), eb('w.valid_until', '<=', now)]))
    .execute();
  return [...cairn, ...wallet];
}

export async function setAwardStatus(db: Db, awardId: string, status: 'active' | 'suspended') {
  await db.updateTable('pathway_awards').set({ status }).where('id', '=', awardId).execute();
}

/** Components that expired while the award stacking them is still active (periodic check). */
export async function expiredComponentsOfActiveAwards(db: Db, now: Date) {
  const rows = await db
    .selectFrom('pathway_awards as a')
    .innerJoin('pathway_award_components as pc', 'pc.award_id', 'a.id')
    .leftJoin('credentials as c', (join) =>
      join.onRef('c.id', '=', 'pc.component_id').on('pc.component_kind', '=', 'credential'),
    )
    .leftJoin('wallet_credentials as w', (join) =>
      join.onRef('w.id', '=', 'pc.component_id').on('pc.component_kind', '=', 'wallet'),
    )
    .select(['pc.component_id', 'a.learner_id'])
    .distinct()
    .where('a.status', '=', 'active')
    .where((eb) => eb.or([eb('c.valid_until', '<=', now), eb('w.valid_until', '<=', now)]))
    .execute();
  return rows;
}

/** Components of awards: which pathways a credential counts toward once awarded. */
export function awardsCountingComponent(db: Db, learnerId: string, componentId: string) {
  return db
    .selectFrom('pathway_awards as a')
    .innerJoin('pathway_award_components as pc', 'pc.award_id', 'a.id')
    .select(['a.pathway_id', 'a.version_id'])
    .where('a.learner_id', '=', learnerId)
    .where('pc.component_id', '=', componentId)
    .execute();
}
