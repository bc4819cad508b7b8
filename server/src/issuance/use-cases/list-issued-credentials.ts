import type { Actor, Deps } from '../../deps.js';
import { authorizeOrg } from '../../orgs/orgs.service.js';
import { lifecycleOf } from '../credential-lifecycle.js';
import * as store from '../credentials.store.js';

export async function listIssuedCredentials(
  deps: Deps,
  actor: Actor,
  slug: string,
  page: { limit: number; offset: number },
) {
  const { org } = await authorizeOrg(deps, actor, slug, 'credentials.read');
  const rows = await store.listCredentialsOfOrg(deps.db, org.id, page);
  const now = deps.clock();
  return rows.map((r) => ({
    id: r.id,
    credentialId: r.credential_id,
    format: r.format,
    achievementName: r.achievement_name,
    recipient: r.recipient_label,
    issuedAt: r.issued_at,
    validUntil: r.valid_until,
    status: lifecycleOf(r, now),
    isSuspendable: r.status_purposes.includes('suspension'),
  }));
}
