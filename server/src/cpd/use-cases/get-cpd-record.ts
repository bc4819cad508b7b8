import type { Actor, Deps } from '../../deps.js';
import { requireUser } from '../../orgs/orgs.service.js';
import { periodBounds, periodOf, periodTotals } from '../cpd-record.js';
import * as store from '../stores/cpd.store.js';
import { syncWalletCpd } from './record-credential-cpd.js';

/**
 * The learner's CPD record for one period (the current one by default): their scheme, the
 * target, what counts after caps and carry-over, and every entry. Without a scheme the totals
 * are shown against no target.
 */
export async function getCpdRecord(deps: Deps, actor: Actor, period?: number) {
  const user = requireUser(actor);
  return cpdRecordOf(deps, user.userId, period);
}

/**
 * The CPD record of a learner, by id: for callers that have already decided who may see it (the
 * learner's public profile, when they chose to show their CPD summary).
 */
export async function cpdRecordOf(deps: Deps, learnerId: string, period?: number) {
  await syncWalletCpd(deps, learnerId);
  const scheme = await store.findScheme(deps.db, learnerId);
  const rules = scheme ?? {
    preset: null,
    name: 'No scheme chosen',
    body: '',
    unit: 'hours' as const,
    target: 0,
    periodStartMonth: 1,
    caps: { structured: null, 'self-directed': null },
    carryOverMax: 0,
  };
  const p = period ?? periodOf(rules, deps.clock().toISOString().slice(0, 10));
  const bounds = periodBounds(rules, p);
  const before = periodBounds(rules, p - 1);
  const [entries, previous] = await Promise.all([
    store.listEntries(deps.db, learnerId, bounds.from, bounds.to),
    rules.carryOverMax > 0 ? store.listEntries(deps.db, learnerId, before.from, before.to) : Promise.resolve([]),
  ]);
  const totals = periodTotals(rules, entries, previous);
  return { scheme, period: bounds, totals, entries };
}
