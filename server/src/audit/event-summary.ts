import type { EventType, StoredEvent } from '../events/event-types.js';
import type { CredentialLabel } from './audit-log.store.js';

/** What a summary may name, resolved for one page of an organisation's audit log. */
export type SummaryContext = {
  /** Who did it, as a reader would say it: "Ada Lovelace", "API key “LMS sync”", "Cairn". */
  actor: string;
  /** The person who acted, when a person did: "joined" reads better than "added themselves". */
  actorUserId?: string;
  member(userId: string): string | undefined;
  apiKey(id: string): string | undefined;
  credential(ref: string): CredentialLabel | undefined;
  webhook(id: string): string | undefined;
};

type Summariser = (data: Record<string, unknown>, names: SummaryContext) => string;

const text = (data: Record<string, unknown>, key: string): string | undefined => {
  const value = data[key];
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
};
const list = (data: Record<string, unknown>, key: string): string =>
  Array.isArray(data[key]) ? (data[key] as unknown[]).filter((v): v is string => typeof v === 'string').join(', ') : '';

function credentialPhrase(data: Record<string, unknown>, names: SummaryContext): string {
  const ref = text(data, 'credentialId');
  const label = ref ? names.credential(ref) : undefined;
  const what = label?.achievementName ? `“${label.achievementName}”` : 'a credential';
  return label?.recipient ? `${what} of ${label.recipient}` : what;
}

const withReason = (sentence: string, data: Record<string, unknown>) => {
  const reason = text(data, 'reason');
  return reason ? `${sentence}: ${reason}` : sentence;
};

const member = (data: Record<string, unknown>, names: SummaryContext) => {
  const id = text(data, 'userId');
  return (id && names.member(id)) ?? 'a former member';
};

const apiKey = (data: Record<string, unknown>, names: SummaryContext) => {
  const id = text(data, 'apiKeyId');
  const name = id ? names.apiKey(id) : undefined;
  return name ? `the API key “${name}”` : 'an API key';
};

const webhook = (data: Record<string, unknown>, names: SummaryContext) => {
  const id = text(data, 'webhookId');
  const url = text(data, 'url') ?? (id ? names.webhook(id) : undefined);
  return url ? `the webhook ${url}` : 'a webhook';
};

/** How an issuance came about, as the `credential.issued` event's `kind` says (direct issuance says nothing more). */
const ISSUANCE_KINDS: Record<string, string> = {
  'vc-api': ' through the VC-API',
  completion: ' on completion of a programme',
  pathway: ' for a completed pathway',
  clr: ' (Comprehensive Learner Record of a pathway)',
};

/**
 * One sentence per event type. Partial on purpose: events stored before a type was renamed,
 * or types added later, still read as "<actor>: <type>" rather than failing the page.
 */
const SUMMARIES: Partial<Record<EventType, Summariser>> = {
  'credential.issued': (d, n) => {
    const suffix = ISSUANCE_KINDS[text(d, 'kind') ?? ''] ?? '';
    const ref = text(d, 'credentialId');
    const label = ref ? n.credential(ref) : undefined;
    const what = label?.achievementName ? `“${label.achievementName}”` : 'a credential';
    return `${n.actor} issued ${what}${label?.recipient ? ` to ${label.recipient}` : ''}${suffix}`;
  },
  'credential.revoked': (d, n) => withReason(`${n.actor} revoked ${credentialPhrase(d, n)}`, d),
  'credential.suspended': (d, n) => withReason(`${n.actor} suspended ${credentialPhrase(d, n)}`, d),
  'credential.reinstated': (d, n) => `${n.actor} reinstated ${credentialPhrase(d, n)}`,
  'credential.expired': (d, n) => {
    const phrase = credentialPhrase(d, n);
    return `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)} expired`;
  },
  'enrolment.created': (_d, n) => `${n.actor} enrolled in a programme`,
  'enrolment.completed': (_d, n) => `${n.actor} completed a programme`,
  'submission.reviewed': (d, n) =>
    `${n.actor} reviewed a submission${text(d, 'decision') ? ` (${text(d, 'decision')})` : ''}`,
  'pathway.published': (d, n) => `${n.actor} published version ${text(d, 'version') ?? '?'} of a pathway`,
  'pathway.awarded': (_d, n) => `${n.actor} awarded a pathway credential`,
  'organization.updated': (d, n) =>
    `${n.actor} changed the organisation${list(d, 'changed') ? `’s ${list(d, 'changed')}` : ''}`,
  'accreditation.changed': (d, n) => `${n.actor} set an accreditation to ${text(d, 'status') ?? 'a new status'}`,
  'wallet.status-changed': (d, n) => `${n.actor} found a wallet credential ${text(d, 'status') ?? 'changed'}`,
  'member.added': (d, n) =>
    n.actorUserId !== undefined && text(d, 'userId') === n.actorUserId
      ? `${n.actor} joined as ${text(d, 'role') ?? 'member'}`
      : `${n.actor} added ${member(d, n)} as ${text(d, 'role') ?? 'member'}`,
  'member.removed': (d, n) => `${n.actor} removed ${member(d, n)}`,
  'member.role-changed': (d, n) => `${n.actor} made ${member(d, n)} ${text(d, 'role') ?? 'a member'}`,
  'api-key.created': (d, n) => `${n.actor} created ${apiKey(d, n)}${text(d, 'role') ? ` (${text(d, 'role')})` : ''}`,
  'api-key.revoked': (d, n) => `${n.actor} revoked ${apiKey(d, n)}`,
  'webhook.created': (d, n) => `${n.actor} added ${webhook(d, n)}`,
  'webhook.updated': (d, n) =>
    `${n.actor} changed ${webhook(d, n)}${list(d, 'changed') ? ` (${list(d, 'changed')})` : ''}`,
  'webhook.deleted': (d, n) => `${n.actor} deleted ${webhook(d, n)}`,
  'webhook.disabled': (d, n) => withReason(`${n.actor} disabled ${webhook(d, n)}`, d),
  'webhook.test': (d, n) => `${n.actor} sent a test delivery to ${webhook(d, n)}`,
};

/** A sentence a person reads in the audit log: "Ada Lovelace revoked “Data Literacy” of lena@example.com: issued in error". */
export function summariseEvent(event: Pick<StoredEvent, 'type' | 'data'>, names: SummaryContext): string {
  const data = typeof event.data === 'object' && event.data !== null ? (event.data as Record<string, unknown>) : {};
  const summarise = SUMMARIES[event.type];
  return summarise ? summarise(data, names) : `${names.actor}: ${event.type}`;
}
