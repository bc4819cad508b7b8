// The status checks of a credential: not revoked, not suspended.
import type { Context } from './credential-report.js';
import type { CheckId } from './result.js';
import type { SignedFacts } from './signed-meaning.js';
import { checkStatusEntries } from './status-entries.js';

export const PURPOSES = {
  revocation: {
    label: 'Has not been revoked',
    set: 'The issuer has revoked this credential',
    clear: 'The issuer has not revoked this credential',
  },
  suspension: {
    label: 'Is not suspended',
    set: 'The issuer has suspended this credential for now',
    clear: 'The issuer has not suspended this credential',
  },
} as const;

/**
 * Every status entry in the signed meaning is checked; one that is present but cannot be
 * checked fails. Only the absence of any entry is "not applicable".
 */
export async function checkStatuses(facts: SignedFacts, ctx: Context): Promise<void> {
  const outcomes = await checkStatusEntries(facts, {
    fetchStatusList: ctx.fetchStatusList,
    documentLoader: ctx.documentLoader,
    now: ctx.now,
    ...(ctx.canonicalizer ? { canonicalizer: ctx.canonicalizer } : {}),
  });
  if (outcomes.length === 0) {
    ctx.report.add(
      'revocation',
      PURPOSES.revocation.label,
      'skipped',
      'The issuer publishes no revocation list for this credential',
    );
  }
  for (const outcome of outcomes) {
    const known =
      outcome.purpose === 'revocation' || outcome.purpose === 'suspension' ? PURPOSES[outcome.purpose] : undefined;
    const id: CheckId = outcome.purpose === 'suspension' ? 'suspension' : 'revocation';
    const label = known?.label ?? 'Status can be checked';
    if (outcome.state === 'unreadable') ctx.report.add(id, label, 'failed', outcome.reason);
    else if (outcome.state === 'set') ctx.report.add(id, label, 'failed', PURPOSES[outcome.purpose].set);
    else if (outcome.warnings.length > 0)
      ctx.report.add(id, label, 'warning', `${PURPOSES[outcome.purpose].clear}, but: ${outcome.warnings.join('; ')}`);
    else ctx.report.add(id, label, 'passed', PURPOSES[outcome.purpose].clear);
  }
}
