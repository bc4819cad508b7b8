import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

export const SECRET_PREFIX = 'whsec_';

/** A new signing secret: `whsec_` and 32 random bytes in base64 (the Standard Webhooks form). */
export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

/**
 * The `webhook-signature` header: `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` for each
 * secret, space-separated (during a rotation both the new and the previous secret sign, so
 * receivers may switch at their own pace). Signed by the reference `standardwebhooks` library.
 */
export function signWebhook(options: {
  id: string;
  timestamp: Date;
  body: string;
  secrets: readonly string[];
}): string {
  if (options.secrets.length === 0) throw new TypeError('signWebhook needs at least one secret');
  return options.secrets
    .map((secret) => new Webhook(secret).sign(options.id, options.timestamp, options.body))
    .join(' ');
}
