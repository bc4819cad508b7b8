/**
 * Types of an organisation's audit log (`/api/v1/orgs/{slug}/audit-log`). Hand-written until
 * the server's /openapi.json drives `schema.d.ts`.
 */

export type AuditActor = {
  kind: 'user' | 'apiKey' | 'system';
  userId?: string;
  name?: string;
  email?: string;
  apiKeyId?: string;
  apiKeyName?: string;
  /** Why Cairn itself acted (a job, a schedule). */
  reason?: string;
};

export type AuditEntry = { id: string; type: string; occurredAt: string; actor: AuditActor; summary: string; data: unknown };

export type AuditPage = { items: AuditEntry[]; nextCursor: string | null };

/** Filters of the log and its CSV export; dates are whole days (YYYY-MM-DD, UTC), both included. */
export type AuditFilters = { types: string[]; since: string | null; until: string | null };
