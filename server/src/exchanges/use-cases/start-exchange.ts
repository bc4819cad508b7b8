import { randomUUID } from 'node:crypto';
import type { Actor, Deps } from '../../deps.js';
import { transaction } from '../../db/transaction.js';
import { AppError } from '../../http/app-error.js';
import { lifecycleOf } from '../../issuance/credential-lifecycle.js';
import { randomToken } from '../../lib/tokens.js';
import { requireUser } from '../../orgs/orgs.service.js';
import * as store from '../credential-exchange.store.js';
import { EXCHANGE_TTL_MS, logStep } from '../exchange-log.js';
import { exchangeUrl, interactionUrl, legacyWalletDeepLink, PICKUP_WORKFLOW, qrCodePath } from '../exchange-urls.js';
import { findCredentialRow } from '../held-credential.store.js';

export type StartedExchange = {
  /** The pickup's id, as the pickup log lists it. */
  id: string;
  interactionUrl: string;
  expiresAt: Date;
  exchangeUrl: string;
  workflow: string;
  legacyDeepLink: string;
  qrCodePath: string;
};

/**
 * Opens a pickup of one of the signed-in person's credentials into a wallet: an exchange open
 * for 10 minutes, with its interaction URL (for the QR code), its VC-API URL and the legacy
 * Learner Credential Wallet deep link. Someone else's credential is not found (404); a revoked,
 * suspended or expired one cannot be picked up (409).
 */
export async function startExchange(deps: Deps, actor: Actor, credentialId: string): Promise<StartedExchange> {
  const user = requireUser(actor);
  const original = await findCredentialRow(deps.db, credentialId);
  if (!original || original.recipient_user_id !== user.userId) {
    throw new AppError('not_found', 'No credential of yours with this id.');
  }
  const now = deps.clock();
  const standing = lifecycleOf(original, now);
  if (standing !== 'active') {
    throw new AppError(
      'conflict',
      `This credential is ${standing}, so it cannot be added to a wallet: a wallet would only hold a credential that does not verify.`,
    );
  }
  const exchange = {
    id: randomUUID(),
    orgId: original.org_id,
    credentialId: original.id,
    holderUserId: user.userId,
    interactionId: randomToken(12),
    exchangeId: randomToken(16),
    challenge: randomToken(24),
    expiresAt: new Date(now.getTime() + EXCHANGE_TTL_MS),
    createdAt: now,
  };
  await transaction(deps.db, async (trx) => {
    await store.insertExchange(trx, exchange);
    await logStep(trx, { id: exchange.id, org_id: exchange.orgId }, 'created', now);
  });
  return {
    id: exchange.id,
    interactionUrl: interactionUrl(deps.publicUrl, exchange.interactionId),
    expiresAt: exchange.expiresAt,
    exchangeUrl: exchangeUrl(deps.publicUrl, exchange.exchangeId),
    workflow: PICKUP_WORKFLOW,
    legacyDeepLink: legacyWalletDeepLink({
      publicUrl: deps.publicUrl,
      challenge: exchange.challenge,
      exchangeId: exchange.exchangeId,
    }),
    qrCodePath: qrCodePath(exchange.interactionId),
  };
}
