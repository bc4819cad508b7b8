import type { JsonObject } from '@cairn/credentials';
import type { Actor, Deps } from '../../deps.js';
import { lifecycleOf } from '../../issuance/issuance.service.js';
import { requireUser } from '../../orgs/orgs.service.js';
import * as heldCredentials from '../stores/held-credentials.store.js';

/** Credentials held by the signed-in person on this Cairn, newest first. */
export async function listMyCredentials(deps: Deps, actor: Actor) {
  const user = requireUser(actor);
  const rows = await heldCredentials.listCredentialsOfRecipient(deps.db, user.userId);
  const now = deps.clock();
  return rows.map((r) => ({
    id: r.id,
    achievementName: r.achievement_name,
    issuedAt: r.issued_at,
    status: lifecycleOf(r, now),
    verifiableCredential: r.format === 'jwt' ? r.document : (JSON.parse(r.document) as JsonObject),
    issuer: { name: r.issuerName, did: r.issuerDid },
    credentialUrl: r.credential_id,
  }));
}
