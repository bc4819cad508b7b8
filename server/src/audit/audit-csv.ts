import type { AuditEntry } from './audit-log.service.js';

/** Characters that make a spreadsheet read a cell as a formula (CSV injection), as OWASP lists them. */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

/**
 * One CSV cell (RFC 4180): always quoted, quotes doubled, and a value a spreadsheet would run
 * as a formula prefixed with `'` so it shows as text. Names, reasons and URLs in the audit log
 * come from users, so every cell goes through here.
 */
export function csvCell(value: string | null | undefined): string {
  const text = value ?? '';
  const safe = text.length > 0 && FORMULA_START.has(text[0]!) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

export const AUDIT_CSV_COLUMNS = [
  'occurredAt',
  'type',
  'summary',
  'actorKind',
  'actorName',
  'actorEmail',
  'apiKeyName',
  'reason',
  'eventId',
  'data',
] as const;

function row(cells: (string | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/**
 * The audit log as CSV lines, one entry at a time. Starts with a UTF-8 byte order mark so that
 * spreadsheet programs read accented names correctly.
 */
export async function* auditCsvLines(entries: AsyncIterable<AuditEntry>): AsyncGenerator<string> {
  yield `\uFEFF${row([...AUDIT_CSV_COLUMNS])}`;
  for await (const entry of entries) {
    const a = entry.actor;
    yield row([
      entry.occurredAt.toISOString(),
      entry.type,
      entry.summary,
      a.kind,
      a.name,
      a.email,
      a.apiKeyName,
      a.reason,
      entry.id,
      JSON.stringify(entry.data),
    ]);
  }
}
