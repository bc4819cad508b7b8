import type { Actor, Deps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import { requireUser } from '../../orgs/orgs.service.js';
import { summaryOf } from '../learner-pathway-summary.js';
import { computeLearnerPathways } from '../learner-pathways.js';
import { findOwnCredential } from '../stores/held-credentials.store.js';
import { awardsCountingComponent } from '../stores/pathway-award.store.js';
import { findWalletCredential } from '../stores/wallet.store.js';

/** The pathways one of the learner's credentials (a Cairn credential or a wallet entry) counts toward. */
export async function pathwaysOfMyCredential(deps: Deps, actor: Actor, credentialId: string) {
  const user = requireUser(actor);
  const own = await findOwnCredential(deps.db, user.userId, credentialId);
  const wallet = own ? undefined : await findWalletCredential(deps.db, user.userId, credentialId);
  if (!own && !wallet) throw new AppError('not_found', 'No credential with this id is yours.');
  const ref = own ? `credential:${credentialId}` : `wallet:${credentialId}`;
  const { states } = await computeLearnerPathways(deps, user.userId);
  const awardedWith = new Set(
    (await awardsCountingComponent(deps.db, user.userId, credentialId)).map((a) => a.pathway_id),
  );
  return states
    .filter(
      (s) => awardedWith.has(s.pathwayId) || Object.values(s.evaluation.perNode).some((n) => n.counted.includes(ref)),
    )
    .map(summaryOf);
}
