import type { Generated } from 'kysely';
import type { CreatedAt, Timestamp } from './columns.js';

// Platform plumbing: the mail outbox, domain events, webhooks, one-off maintenance tasks.

export type MailOutboxTable = {
  id: Generated<string>;
  org_id: string | null;
  to_address: string;
  subject: string;
  text_body: string;
  created_at: CreatedAt;
  send_after: Generated<Date>;
  sent_at: Timestamp | null;
  attempts: Generated<number>;
  last_error: string | null;
};

/** The outbox of domain events and, per organisation, its audit log (migration 0015). */
export type DomainEventsTable = {
  id: string;
  type: string;
  org_id: string | null;
  actor_kind: 'user' | 'apiKey' | 'system';
  actor_user_id: string | null;
  actor_session_id: string | null;
  actor_api_key_id: string | null;
  actor_reason: string | null;
  data: unknown;
  occurred_at: Generated<Date>;
};

export type WebhookEndpointsTable = {
  id: string;
  org_id: string;
  url: string;
  description: Generated<string>;
  /** Empty: every event type. */
  event_types: Generated<string[]>;
  secret_sealed: string;
  previous_secret_sealed: string | null;
  previous_secret_expires_at: Date | null;
  is_enabled: Generated<boolean>;
  disabled_reason: string | null;
  disabled_at: Date | null;
  /** When the current run of failed deliveries began; null while deliveries succeed. */
  failing_since: Date | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
};

export type WebhookDeliveriesTable = {
  /** Also the `webhook-id` header: stable across attempts, so receivers dedupe by it. */
  id: string;
  endpoint_id: string;
  org_id: string;
  event_id: string;
  event_type: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: Generated<number>;
  response_code: number | null;
  response_excerpt: string | null;
  last_error: string | null;
  next_attempt_at: Date | null;
  created_at: Generated<Date>;
  delivered_at: Date | null;
};

/** One-off tasks a release asks for (e.g. re-checking data under new rules); run once per database. */
export type MaintenanceTasksTable = {
  name: string;
  status: Generated<'pending' | 'done'>;
  created_at: Generated<Date>;
  finished_at: Date | null;
  summary: unknown;
};
