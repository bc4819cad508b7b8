import { GuardRefusal, resolveGuardedTarget, type HostLookup, type NetworkPolicy } from '@cairn/credentials';
import { AppError } from '../http/app-error.js';

/**
 * Where webhooks may be sent (from the configuration, CAIRN_WEBHOOKS_ALLOW_PRIVATE and
 * NODE_ENV): https only in production, never to loopback, private, link-local or metadata
 * addresses unless `allowPrivate`. `lookup` replaces DNS in tests.
 */
export type WebhookNetwork = { allowPrivate: boolean; requireHttps: boolean; lookup?: HostLookup };

/** Safe when nothing was configured: public addresses only, http allowed (development). */
export const DEFAULT_WEBHOOK_NETWORK: WebhookNetwork = { allowPrivate: false, requireHttps: false };

/** Connection and response together; the Standard Webhooks guidance is "a few seconds". */
export const DELIVERY_TIMEOUT_MS = 10_000;
/** How much of a receiver's answer is read (the rest is dropped), and how much the log keeps. */
export const RESPONSE_READ_BYTES = 64 * 1024;

export function webhookPolicy(network: WebhookNetwork): NetworkPolicy {
  return {
    allowHttp: !network.requireHttps,
    allowPrivate: network.allowPrivate,
    ...(network.lookup ? { lookup: network.lookup } : {}),
  };
}

/**
 * Checks a webhook URL when it is saved: the scheme, and every address its host resolves to
 * now (deliveries check again, as DNS may change). Throws a 400 problem on the `url` field
 * that says what to change.
 */
export async function checkWebhookTarget(url: string, network: WebhookNetwork): Promise<void> {
  try {
    await resolveGuardedTarget(url, webhookPolicy(network));
  } catch (err) {
    throw new AppError('validation_failed', webhookTargetProblem(err, url, network), {
      fields: [{ field: 'url', message: fieldMessage(err) }],
      cause: err,
    });
  }
}

function webhookTargetProblem(err: unknown, url: string, network: WebhookNetwork): string {
  if (!(err instanceof GuardRefusal)) {
    // DNS failed: the host does not exist (or not yet).
    return `The host of ${url} cannot be resolved (${(err as Error).message}). Check the URL, or create the DNS record first.`;
  }
  switch (err.reason) {
    case 'invalid-url':
      return `${url} is not a URL. Use a full address such as https://hooks.example.org/cairn.`;
    case 'scheme':
      return network.requireHttps
        ? 'Webhook URLs must use https on this server.'
        : 'Webhook URLs must use https (or http while developing).';
    case 'credentials-in-url':
      return 'Remove the user name and password from the URL; verify deliveries by their signature instead.';
    case 'no-address':
      return `The host of ${url} has no address. Check the URL, or create the DNS record first.`;
    case 'blocked-address':
      return `${url} leads to ${err.address ?? 'an address'}, a ${err.range ?? 'private'} address. Webhooks are only sent to public addresses (operators can set CAIRN_WEBHOOKS_ALLOW_PRIVATE=true for development).`;
  }
}

function fieldMessage(err: unknown): string {
  if (!(err instanceof GuardRefusal)) return 'The host cannot be resolved';
  switch (err.reason) {
    case 'invalid-url':
      return 'Not a URL';
    case 'scheme':
      return 'Use https';
    case 'credentials-in-url':
      return 'No user name or password in the URL';
    case 'no-address':
      return 'The host has no address';
    case 'blocked-address':
      return `Private or local address (${err.range ?? 'blocked'})`;
  }
}
