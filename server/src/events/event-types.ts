/**
 * Cairn's domain events: what happened, written in the transaction that made it happen (the
 * `domain_events` table is both the outbox and the organisation's audit log). Consumers run as
 * jobs (see `subscriptions.ts`); webhooks deliver them to organisations' endpoints.
 */
export type EventPayloads = {
  'credential.issued': {
    credentialId: string;
    recipientUserId: string | null;
    achievementId: string | null;
    microcredentialId: string | null;
    pathwayId: string | null;
    kind: string;
  };
  'credential.revoked': { credentialId: string; recipientUserId: string | null; reason: string | null };
  'credential.suspended': { credentialId: string; recipientUserId: string | null; reason: string | null };
  'credential.reinstated': { credentialId: string; recipientUserId: string | null };
  'credential.expired': { credentialId: string; recipientUserId: string | null; expiredAt: string };
  'enrolment.created': { enrolmentId: string; learnerId: string; microcredentialId: string };
  'enrolment.completed': {
    enrolmentId: string;
    learnerId: string;
    microcredentialId: string;
    credentialId: string | null;
  };
  'submission.reviewed': { submissionId: string; enrolmentId: string; learnerId: string; decision: string };
  'pathway.published': { pathwayId: string; version: number };
  'pathway.awarded': { pathwayId: string; learnerId: string; credentialId: string; clrCredentialId: string | null };
  'organization.updated': { organizationId: string; changed: string[] };
  /** An accrediting body decided, suspended, reinstated, withdrew or let lapse an accreditation of `subjectOrgId`. */
  'accreditation.changed': { accreditationId: string; subjectOrgId: string; status: string };
  /** A wallet credential a learner brought was found revoked, suspended or untrusted on re-check. */
  'wallet.status-changed': { learnerId: string; walletCredentialId: string; status: string };
  'member.added': { userId: string; role: string };
  'member.removed': { userId: string };
  'member.role-changed': { userId: string; role: string };
  'api-key.created': { apiKeyId: string; role: string };
  'api-key.revoked': { apiKeyId: string };
  'webhook.created': { webhookId: string; url: string };
  'webhook.updated': { webhookId: string; changed: string[] };
  'webhook.deleted': { webhookId: string };
  'webhook.disabled': { webhookId: string; reason: string };
  /** An admin asked for a test ping: delivered to that one endpoint only, whatever it subscribes to. */
  'webhook.test': { webhookId: string };
};

export type EventType = keyof EventPayloads;

export const EVENT_TYPES = [
  'credential.issued',
  'credential.revoked',
  'credential.suspended',
  'credential.reinstated',
  'credential.expired',
  'enrolment.created',
  'enrolment.completed',
  'submission.reviewed',
  'pathway.published',
  'pathway.awarded',
  'organization.updated',
  'accreditation.changed',
  'wallet.status-changed',
  'member.added',
  'member.removed',
  'member.role-changed',
  'api-key.created',
  'api-key.revoked',
  'webhook.created',
  'webhook.updated',
  'webhook.deleted',
  'webhook.disabled',
  'webhook.test',
] as const satisfies readonly EventType[];

/** Who caused an event: a person in a session, an API key, or Cairn itself (a job, a schedule). */
export type EventActor =
  | { kind: 'user'; userId: string; sessionId?: string }
  | { kind: 'apiKey'; apiKeyId: string }
  | { kind: 'system'; reason: string };

export type DomainEvent<T extends EventType = EventType> = {
  type: T;
  /** The organisation whose audit log and webhooks see it; null for a learner's own events. */
  orgId: string | null;
  actor: EventActor;
  data: EventPayloads[T];
};

export type StoredEvent<T extends EventType = EventType> = DomainEvent<T> & { id: string; occurredAt: Date };
