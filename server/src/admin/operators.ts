import type { Actor, Deps } from '../deps.js';
import { AppError } from '../http/app-error.js';
import { getUser, normaliseEmail } from '../identity/identity.service.js';

/**
 * Who operates this Cairn instance (sees and retries background jobs): the people whose
 * verified email is in CAIRN_OPERATOR_EMAILS. Read once at start; nothing is stored.
 */
export type OperatorPolicy = { readonly emails: ReadonlySet<string> };

export function operatorPolicy(emails: readonly string[] = []): OperatorPolicy {
  return { emails: new Set(emails.map(normaliseEmail)) };
}

/**
 * Whether `user` operates the instance. The email must be verified: an unverified sign-up with
 * a listed address proves nothing about who holds it.
 */
export function isOperatorUser(policy: OperatorPolicy, user: { email: string; emailVerified: boolean }): boolean {
  return user.emailVerified && policy.emails.has(normaliseEmail(user.email));
}

/**
 * Lets only a signed-in operator through: 401 when anonymous, 403 for anyone else (API keys
 * included). `purpose` completes the refusal: "Only instance operators … may <purpose>."
 */
export async function requireOperator(
  deps: Deps,
  policy: OperatorPolicy,
  actor: Actor,
  purpose = 'operate this Cairn instance',
): Promise<void> {
  if (actor.kind === 'anonymous')
    throw new AppError('unauthenticated', `Sign in as an instance operator to ${purpose}.`);
  if (actor.kind === 'apiKey')
    throw new AppError('forbidden', `Organisation API keys cannot ${purpose}; sign in as an instance operator.`);
  const user = await getUser(deps, actor.userId);
  if (!isOperatorUser(policy, user)) {
    const reason = policy.emails.has(normaliseEmail(user.email))
      ? 'Confirm your email first: operators are recognised by a verified address.'
      : `Only instance operators (CAIRN_OPERATOR_EMAILS) may ${purpose}.`;
    throw new AppError('forbidden', reason);
  }
}
