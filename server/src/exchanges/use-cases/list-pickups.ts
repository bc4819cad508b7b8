import type { Actor, Deps } from '../../deps.js';
import type { CredentialExchangeStepKind } from '../../db/schema.js';
import { AppError } from '../../http/app-error.js';
import { requireUser } from '../../orgs/orgs.service.js';
import * as store from '../credential-exchange.store.js';
import { findCredentialRow } from '../held-credential.store.js';

export type PickupStep = { at: Date; step: CredentialExchangeStepKind; did: string | null; message: string };

export type Pickup = {
  id: string;
  state: 'pending' | 'collected' | 'expired';
  createdAt: Date;
  expiresAt: Date;
  collectedAt: Date | null;
  holderDid: string | null;
  pickedUpCredentialUrl: string | null;
  steps: PickupStep[];
};

/** Exchanges listed on a credential page: the latest ones are what a person looks for. */
const LISTED = 20;

function messageOf(step: { step: CredentialExchangeStepKind; did: string | null; detail: string | null }): string {
  switch (step.step) {
    case 'created':
      return 'Wallet pickup opened';
    case 'requested':
      return 'A wallet opened the link and was asked to prove its DID';
    case 'refused':
      return `A wallet's answer was refused${step.detail ? `: ${step.detail}` : ''}`;
    case 'collected':
      return `Picked up by ${step.did ?? 'a wallet'}`;
  }
}

/** The pickup log of one of the signed-in person's credentials, newest exchange first. */
export async function listPickups(deps: Deps, actor: Actor, credentialId: string): Promise<Pickup[]> {
  const user = requireUser(actor);
  const original = await findCredentialRow(deps.db, credentialId);
  if (!original || original.recipient_user_id !== user.userId) {
    throw new AppError('not_found', 'No credential of yours with this id.');
  }
  const now = deps.clock();
  const exchanges = await store.listExchangesOfHolder(deps.db, user.userId, credentialId, LISTED);
  return exchanges.map((e) => ({
    id: e.id,
    state: e.state === 'collected' ? 'collected' : e.expires_at <= now ? 'expired' : 'pending',
    createdAt: e.created_at,
    expiresAt: e.expires_at,
    collectedAt: e.collected_at,
    holderDid: e.holder_did,
    pickedUpCredentialUrl: e.issued_credential_id
      ? new URL(`/credentials/${e.issued_credential_id}`, deps.publicUrl).toString()
      : null,
    steps: e.steps.map((s) => ({ at: s.at, step: s.step, did: s.did, message: messageOf(s) })),
  }));
}
