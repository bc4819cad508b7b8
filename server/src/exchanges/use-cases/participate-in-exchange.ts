import type { Deps } from '../../deps.js';
import { transaction } from '../../db/transaction.js';
import type { CredentialExchangesTable } from '../../db/schema.js';
import { AppError } from '../../http/app-error.js';
import { lifecycleOf } from '../../issuance/credential-lifecycle.js';
import { issueCredentialAs } from '../../issuance/use-cases/issue-credential.js';
import { randomToken } from '../../lib/tokens.js';
import * as store from '../credential-exchange.store.js';
import { checkDidAuthentication } from '../did-auth.js';
import { logStep } from '../exchange-log.js';
import { exchangeDomain, PICKUP_WORKFLOW } from '../exchange-urls.js';
import { findCredentialRow, findIssuerOrganization } from '../held-credential.store.js';
import { issuerIdentifierOf, walletCopyOf } from '../wallet-copy.js';

type JsonObject = Record<string, unknown>;
type Exchange = CredentialExchangesTable;

/** The VC-API answer to `{}`: what the wallet must present. */
export type PresentationRequest = {
  verifiablePresentationRequest: {
    query: [{ type: 'DIDAuthentication' }];
    challenge: string;
    domain: string;
    interact?: unknown;
  };
};

/** The VC-API answer to the wallet's presentation: the credential, bound to its DID. */
export type PickedUp = {
  verifiablePresentation: {
    '@context': string[];
    type: string[];
    verifiableCredential: (JsonObject | string)[];
  };
};

/** The presentation a wallet sent: VC-API's `{verifiablePresentation}`, or older wallets' bare presentation. */
function presentationIn(body: JsonObject): unknown {
  if ('verifiablePresentation' in body) return body.verifiablePresentation;
  const type = body.type;
  const types = Array.isArray(type) ? type : [type];
  return types.includes('VerifiablePresentation') ? body : undefined;
}

/** Refuses, with the reason a wallet can show, an exchange that cannot go on. */
function checkOpen(deps: Deps, exchange: Exchange): void {
  if (exchange.state === 'collected') {
    throw new AppError(
      'conflict',
      'This credential was already picked up from this exchange; each exchange is collected once.',
    );
  }
  if (exchange.expires_at <= deps.clock()) {
    throw new AppError('gone', 'This exchange has expired (they last 10 minutes). Ask the holder for a new QR code.');
  }
}

/**
 * One VC-API exchange step. `{}` asks for the DIDAuthentication request (a fresh challenge when
 * the last one was answered); a presentation answers it and, when it verifies, collects the
 * credential re-issued to the wallet's DID. Every refusal is a 4xx with nothing issued, and is
 * logged for the holder.
 */
export async function participateInExchange(
  deps: Deps,
  options: { workflow: string; exchangeId: string; body: JsonObject },
): Promise<PresentationRequest | PickedUp> {
  const exchange =
    options.workflow === PICKUP_WORKFLOW ? await store.findByExchangeId(deps.db, options.exchangeId) : undefined;
  if (!exchange) throw new AppError('not_found', 'No exchange at this address. Ask the holder for a new QR code.');
  try {
    checkOpen(deps, exchange);
    const presentation = presentationIn(options.body);
    if (presentation !== undefined) return await collect(deps, exchange, presentation);
    const unknown = Object.keys(options.body);
    if (unknown.length > 0) {
      throw new AppError('validation_failed', 'Send {} to start, then {"verifiablePresentation": …}.', {
        fields: unknown.map((field) => ({ field, message: 'Not part of this exchange' })),
      });
    }
    return await requestPresentation(deps, exchange);
  } catch (error) {
    if (error instanceof AppError) {
      await logStep(deps.db, exchange, 'refused', deps.clock(), { detail: error.message });
    }
    throw error;
  }
}

async function requestPresentation(deps: Deps, exchange: Exchange): Promise<PresentationRequest> {
  const renewed = exchange.challenge_used_at
    ? await store.renewChallenge(deps.db, exchange.id, randomToken(24))
    : undefined;
  const challenge = renewed?.challenge ?? exchange.challenge;
  await logStep(deps.db, exchange, 'requested', deps.clock());
  return {
    verifiablePresentationRequest: {
      query: [{ type: 'DIDAuthentication' }],
      challenge,
      domain: exchangeDomain(deps.publicUrl),
    },
  };
}

async function collect(deps: Deps, exchange: Exchange, presentation: unknown): Promise<PickedUp> {
  // The challenge is burnt before the (slow) check: two presentations racing for it cannot both
  // be checked against it, and a refused one cannot be tried again with small changes.
  const claimed = await store.claimChallenge(deps.db, exchange.id, deps.clock());
  if (!claimed) {
    throw new AppError(
      'conflict',
      'This challenge was already answered. Send {} to the exchange for a new one, and sign your presentation with it.',
    );
  }
  const holderDid = await checkDidAuthentication(deps, presentation, {
    challenge: claimed.challenge,
    domain: exchangeDomain(deps.publicUrl),
  });
  const issued = await transaction(deps.db, async (trx) => {
    const locked = await store.lockExchange(trx, exchange.id);
    const now = deps.clock();
    if (!locked || locked.state !== 'pending') throw new AppError('conflict', 'This exchange was already collected.');
    if (locked.expires_at <= now)
      throw new AppError('gone', 'This exchange expired while the presentation was checked.');
    const original = await findCredentialRow(trx, locked.credential_id);
    const standing = original ? lifecycleOf(original, now) : 'revoked';
    if (!original || standing !== 'active') {
      throw new AppError('conflict', `The credential is ${standing} now, so it is not handed out.`);
    }
    const org = await findIssuerOrganization(trx, original.org_id);
    if (!org) throw new AppError('not_found', 'The issuer of this credential no longer exists.');
    const copy = walletCopyOf(original, holderDid);
    const result = await issueCredentialAs(
      { ...deps, db: trx },
      org,
      { actor: { kind: 'system', reason: `picked up into a wallet by ${holderDid}` } },
      {
        credential: copy,
        format: 'ldp',
        cryptosuite: original.cryptosuite === 'eddsa-jcs-2022' ? 'eddsa-jcs-2022' : 'eddsa-rdfc-2022',
        issuerIdentifier: issuerIdentifierOf(copy),
        context: { kind: 'vc-api' },
        sharesStatusWith: original.id,
      },
    );
    const marked = await store.markCollected(trx, locked.id, {
      holderDid,
      issuedCredentialId: result.id,
      at: now,
    });
    if (!marked) throw new AppError('conflict', 'This exchange was already collected.');
    await logStep(trx, locked, 'collected', now, { did: holderDid });
    return result.verifiableCredential;
  });
  return {
    verifiablePresentation: {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiablePresentation'],
      verifiableCredential: [issued],
    },
  };
}
