/**
 * The body of a delivery, the same on every attempt: `{type, timestamp, data}` per the
 * Standard Webhooks payload shape, where `timestamp` is when the event happened and `data` is
 * the event's own data with the organisation and the event id (stable, for receivers that
 * dedupe by event rather than by delivery).
 */
export function webhookBody(event: {
  id: string;
  type: string;
  orgId: string;
  occurredAt: Date;
  data: unknown;
}): string {
  const data = typeof event.data === 'object' && event.data !== null ? event.data : {};
  return JSON.stringify({
    type: event.type,
    timestamp: event.occurredAt.toISOString(),
    data: { ...data, orgId: event.orgId, eventId: event.id },
  });
}
