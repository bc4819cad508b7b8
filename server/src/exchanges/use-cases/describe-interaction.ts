import type { Deps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import * as store from '../credential-exchange.store.js';
import { exchangeUrl, interactionUrl } from '../exchange-urls.js';

/** The protocols an interaction offers a wallet (only VC-API: see docs/wallet-pickup.md for OID4VCI). */
export type Interaction = { protocols: { vcapi: string } };

/**
 * What a wallet learns from an interaction URL. An unknown id is not found; an exchange that is
 * collected or past its 10 minutes is gone (410), so the wallet says so instead of trying.
 */
export async function describeInteraction(deps: Deps, interactionId: string): Promise<Interaction> {
  const exchange = await store.findByInteractionId(deps.db, interactionId);
  if (!exchange) throw new AppError('not_found', 'No wallet pickup at this address. Ask the holder for a new QR code.');
  if (exchange.state === 'collected') {
    throw new AppError(
      'gone',
      'This credential was already picked up from this QR code. Open a new one to pick it up again.',
    );
  }
  if (exchange.expires_at <= deps.clock()) {
    throw new AppError('gone', 'This wallet pickup has expired (they last 10 minutes). Open a new one.');
  }
  return { protocols: { vcapi: exchangeUrl(deps.publicUrl, exchange.exchange_id) } };
}

/** The interaction URL of an interaction id, for its QR code; not found when there is no such pickup. */
export async function interactionUrlOf(deps: Deps, interactionId: string): Promise<string> {
  const exchange = await store.findByInteractionId(deps.db, interactionId);
  if (!exchange) throw new AppError('not_found', 'No wallet pickup at this address.');
  return interactionUrl(deps.publicUrl, interactionId);
}
