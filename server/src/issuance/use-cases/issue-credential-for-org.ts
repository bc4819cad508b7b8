import type { Actor, Deps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import { authorizeOrg } from '../../orgs/orgs.service.js';
import { findApiKeyIssuerIdentifier, findOrganizationById } from '../../orgs/orgs.store.js';
import { eventActorOf } from '../../events/record-event.js';
import type { JsonObject } from '../complete-credential.js';
import { checkVcdmCredential } from '../vcdm-validation.js';
import type { IssueCredentialOptions } from '../issue-credential-options.js';
import { issueCredentialAs } from './issue-credential.js';

/** Refuses what the VC Data Model 2.0 does not allow, before anything is allocated or signed. */
function refuseMalformed(credential: JsonObject, isVcApi: boolean) {
  const problems = checkVcdmCredential(credential, { isContextAndTypeRequired: isVcApi });
  if (problems.length > 0) {
    throw new AppError(
      'validation_failed',
      'The credential does not meet the W3C VC Data Model 2.0. See errors[]; Cairn fills only fields you leave out, it does not repair them.',
      { fields: problems },
    );
  }
}

/** VC-API issue: the organisation is the API key's. */
export async function issueCredentialWithApiKey(deps: Deps, actor: Actor, options: IssueCredentialOptions) {
  if (actor.kind !== 'apiKey') {
    throw new AppError(
      actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden',
      'Issuing through the VC-API needs an organisation API key (Authorization: Bearer cairn_…).',
    );
  }
  const org = await findOrganizationById(deps.db, actor.orgId);
  const access = await authorizeOrg(deps, actor, org!.slug, 'credentials.issue');
  refuseMalformed(options.credential, true);
  const defaultIssuerIdentifier = await findApiKeyIssuerIdentifier(deps.db, actor.apiKeyId);
  return issueCredentialAs(
    deps,
    access.org,
    { actor: eventActorOf(actor), apiKeyId: actor.apiKeyId },
    {
      ...options,
      ...(defaultIssuerIdentifier ? { defaultIssuerIdentifier } : {}),
      isRecipientMailed: true,
      context: { kind: 'vc-api' },
    },
  );
}

/**
 * Issue as a signed-in member (or API key) of the organisation named by slug. Unlike the VC-API,
 * `@context` and `type` may be left out: Cairn then issues an Open Badges 3.0 credential.
 */
export async function issueCredentialForOrg(deps: Deps, actor: Actor, slug: string, options: IssueCredentialOptions) {
  const access = await authorizeOrg(deps, actor, slug, 'credentials.issue');
  refuseMalformed(options.credential, false);
  const defaultIssuerIdentifier =
    actor.kind === 'apiKey' ? await findApiKeyIssuerIdentifier(deps.db, actor.apiKeyId) : undefined;
  return issueCredentialAs(
    deps,
    access.org,
    actor.kind === 'apiKey'
      ? { actor: eventActorOf(actor), apiKeyId: actor.apiKeyId }
      : { actor: eventActorOf(actor), userId: access.actor.kind === 'user' ? access.actor.userId : undefined },
    { ...options, ...(defaultIssuerIdentifier ? { defaultIssuerIdentifier } : {}), isRecipientMailed: true },
  );
}
