import type { FastifyBaseLogger } from 'fastify';
import { sql, type Selectable } from 'kysely';
import type { WalletCredentialsTable } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { transaction } from '../db/transaction.js';
import { evaluatePathway, type RequirementNode } from './requirement-tree.js';
import { loadHeldCredentials } from './load-held-credentials.js';
import { onComponentStatusChanged, setAwardSuspension } from './award-suspension.js';
import { reevaluateLearnerPathways } from './pathway-awards.service.js';
import { awardsWithComponent } from './stores/pathway-award.store.js';
import { lockLearner } from './stores/pathway-progress.store.js';
import { findVersion } from './stores/pathway.store.js';
import { findUser } from './stores/people.store.js';
import { setWalletStatus } from './stores/wallet.store.js';
import { walletFactsOf } from './wallet-facts.js';
import { verifyForWallet, type WalletOptions } from './wallet.service.js';

/** The one-off task the trust fixes ask for (migration 0013 queues it). */
export const TRUST_RECHECK_TASK = 'trust-recheck-2026-12';

export type TrustRecheckRun = {
  walletChecked: number;
  walletUntrusted: number;
  walletUpdated: number;
  walletUndecided: number;
  awardsChecked: number;
  awardsSuspended: number;
};

/** Checks whose failure means the entry itself cannot be trusted (not merely out of force). */
const TRUST_CHECKS = new Set(['format', 'proof', 'issuer', 'recipient']);

/**
 * Re-checks every wallet entry and every pathway award against the current verification rules:
 * an entry that no longer verifies (forged key binding, unreadable meaning, someone else's) or
 * that was counted as a Cairn programme its provider never signed becomes `untrusted`, so it
 * stops counting; pathway credentials that relied on it are suspended, with mail to the learner
 * and the issuer. Awards whose pinned requirements are no longer met by their own components
 * are suspended the same way. Entries whose issuer cannot be reached are left as they are and
 * counted as undecided (the periodic status re-check tries again).
 */
export async function recheckTrust(
  deps: Deps,
  options: WalletOptions & { log?: FastifyBaseLogger } = {},
): Promise<TrustRecheckRun> {
  const run: TrustRecheckRun = {
    walletChecked: 0,
    walletUntrusted: 0,
    walletUpdated: 0,
    walletUndecided: 0,
    awardsChecked: 0,
    awardsSuspended: 0,
  };
  let afterId: string | undefined;
  for (;;) {
    let q = deps.db
      .selectFrom('wallet_credentials')
      .selectAll()
      .where('status', '!=', 'untrusted')
      .orderBy('id')
      .limit(100);
    if (afterId) q = q.where('id', '>', afterId);
    const rows = await q.execute();
    if (rows.length === 0) break;
    afterId = rows.at(-1)!.id;
    for (const row of rows) {
      run.walletChecked += 1;
      try {
        const outcome = await recheckWalletEntry(deps, row, options);
        if (outcome === 'untrusted') run.walletUntrusted += 1;
        else if (outcome === 'updated') run.walletUpdated += 1;
        else if (outcome === 'undecided') run.walletUndecided += 1;
      } catch (err) {
        run.walletUndecided += 1;
        options.log?.error({ err, walletCredentialId: row.id }, 'trust re-check of a wallet entry failed');
      }
    }
  }
  const awards = await deps.db
    .selectFrom('pathway_awards')
    .selectAll()
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
  for (const award of awards) {
    run.awardsChecked += 1;
    if (await recheckAward(deps, award)) run.awardsSuspended += 1;
  }
  return run;
}

type WalletRow = Selectable<WalletCredentialsTable>;

async function recheckWalletEntry(
  deps: Deps,
  row: WalletRow,
  options: WalletOptions,
): Promise<'untrusted' | 'updated' | 'unchanged' | 'undecided'> {
  const learner = await findUser(deps.db, row.learner_id);
  if (!learner) return 'unchanged';
  const input = row.format === 'jwt' ? row.document : (JSON.parse(row.document) as Record<string, never>);
  const { result } = await verifyForWallet(deps, input, learner.email, options);
  const trustFailures = result.checks.filter((c) => c.status === 'failed' && TRUST_CHECKS.has(c.id));
  if (trustFailures.length > 0) {
    await markUntrusted(deps, row, `It no longer verifies: ${trustFailures.map((c) => c.message).join('; ')}.`);
    return 'untrusted';
  }
  if (!result.facts) return 'undecided';
  const facts = await walletFactsOf(deps, result.facts, result.credential ?? {});
  if (row.microcredential_id && facts.microcredentialId !== row.microcredential_id) {
    await markUntrusted(
      deps,
      row,
      `It was counted as a programme on Cairn, but it is signed by ${facts.issuerDid}, not by the provider that publishes that programme.`,
    );
    return 'untrusted';
  }
  const isSame =
    row.credits === facts.credits &&
    row.cpd_hours === facts.cpdHours &&
    JSON.stringify([...row.skill_ids].sort()) === JSON.stringify([...facts.skillIds].sort()) &&
    row.issuer_did === facts.issuerDid &&
    row.achievement_id === facts.achievementId;
  if (isSame) return 'unchanged';
  await transaction(deps.db, async (trx) => {
    await lockLearner(trx, row.learner_id);
    await trx
      .updateTable('wallet_credentials')
      .set({
        credits: facts.credits,
        cpd_hours: facts.cpdHours,
        skill_ids: facts.skillIds,
        issuer_did: facts.issuerDid,
        achievement_id: facts.achievementId,
      })
      .where('id', '=', row.id)
      .execute();
    await reevaluateLearnerPathways({ ...deps, db: trx }, row.learner_id);
  });
  return 'updated';
}

async function markUntrusted(deps: Deps, row: WalletRow, reason: string) {
  await transaction(deps.db, async (trx) => {
    const tdeps = { ...deps, db: trx };
    await lockLearner(trx, row.learner_id);
    await setWalletStatus(trx, row.id, { status: 'untrusted', reason, checkedAt: deps.clock(), error: null });
    await onComponentStatusChanged(tdeps, row.id);
    await reevaluateLearnerPathways(tdeps, row.learner_id);
  });
}

type AwardRow = Awaited<ReturnType<typeof awardsWithComponent>>[number];

/** True when the award was suspended: its own components no longer meet its pinned requirements. */
async function recheckAward(deps: Deps, award: AwardRow): Promise<boolean> {
  const components = await deps.db
    .selectFrom('pathway_award_components')
    .select(['component_kind', 'component_id'])
    .where('award_id', '=', award.id)
    .execute();
  const walletIds = components.filter((c) => c.component_kind === 'wallet').map((c) => c.component_id);
  if (walletIds.length > 0) {
    const present = await deps.db.selectFrom('wallet_credentials').select('id').where('id', 'in', walletIds).execute();
    // A holder may remove a wallet entry after the award; it stays part of the award as issued
    // and cannot be re-checked, so such awards are left alone.
    if (present.length !== walletIds.length) return false;
  }
  const refs = new Set(components.map((c) => `${c.component_kind}:${c.component_id}`));
  const held = ((await loadHeldCredentials(deps, [award.learner_id])).get(award.learner_id) ?? []).filter((h) =>
    refs.has(h.ref),
  );
  const version = await findVersion(deps.db, award.version_id);
  if (!version) return false;
  if (evaluatePathway(version.tree as RequirementNode, held).isSatisfied) return false;
  return transaction(deps.db, async (trx) => {
    await lockLearner(trx, award.learner_id);
    const [current] = await trx
      .selectFrom('pathway_awards')
      .selectAll()
      .where('id', '=', award.id)
      .forUpdate()
      .execute();
    if (!current || current.status !== 'active') return false;
    await setAwardSuspension(
      { ...deps, db: trx },
      current,
      true,
      "the credentials it was awarded for no longer count under Cairn's verification rules (a credential must be signed by the provider of the programme it names).",
    );
    return true;
  });
}

/**
 * Runs the trust re-check once per database, after migrations: the task row is claimed with
 * a conditional update, so of several servers starting together only one runs it.
 */
export async function runPendingTrustRecheck(
  deps: Deps,
  log?: FastifyBaseLogger,
): Promise<TrustRecheckRun | undefined> {
  const claimed = await deps.db
    .updateTable('maintenance_tasks')
    .set({ status: 'done', finished_at: sql<Date>`now()` })
    .where('name', '=', TRUST_RECHECK_TASK)
    .where('status', '=', 'pending')
    .returning('name')
    .executeTakeFirst();
  if (!claimed) return undefined;
  try {
    const run = await recheckTrust(deps, log ? { log } : {});
    await deps.db
      .updateTable('maintenance_tasks')
      .set({ summary: JSON.stringify(run), finished_at: sql<Date>`now()` })
      .where('name', '=', TRUST_RECHECK_TASK)
      .execute();
    log?.info({ task: TRUST_RECHECK_TASK, ...run }, 'trust re-check finished');
    return run;
  } catch (err) {
    // Put it back so the next start tries again.
    await deps.db
      .updateTable('maintenance_tasks')
      .set({ status: 'pending', finished_at: null })
      .where('name', '=', TRUST_RECHECK_TASK)
      .execute();
    throw err;
  }
}
