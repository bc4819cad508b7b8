import { createHash } from 'node:crypto';
import { normaliseEmail } from '@cairn/credentials';
import { z } from 'zod';
import { hiddenCharacterMessage, hiddenCharactersIn } from '../../lib/hidden-characters.js';

/*
 * The rows of a bulk issuance, checked before anything is stored: which columns a CSV may
 * have, what each cell must hold, and the key that makes issuing a row idempotent. Pure.
 */

/** A problem with the input, by line (1 is the CSV header) and column when known. */
export type RowError = { line: number; column?: string; message: string };

/** A ResultDescription of the achievement: a CSV column of that name carries its value. */
export type ResultColumn = {
  id: string;
  name: string;
  resultType: string;
  valueMin: number | null;
  valueMax: number | null;
};

export const BASE_COLUMNS = [
  'email',
  'name',
  'issued_on',
  'expires_on',
  'evidence_url',
  'external_id',
  'score',
] as const;

/** What a row of a valid CSV asks for, normalised. */
export type RowData = {
  email: string;
  name?: string;
  /** ISO 8601 date-times without milliseconds (validFrom / validUntil). */
  issuedOn?: string;
  expiresOn?: string;
  evidenceUrl?: string;
  externalId?: string;
  /** Values for the achievement's result descriptions, by their ids. */
  results: { resultDescription: string; value: string }[];
};

export type CheckedRow =
  | { line: number; ok: true; key: string; data: RowData }
  | { line: number; ok: false; key: string; email: string; externalId: string | null; errors: RowError[] };

/** The columns the achievement accepts: the base ones and its result descriptions by name. */
export function resultColumnsOf(achievement: Record<string, unknown>): ResultColumn[] {
  const list = Array.isArray(achievement.resultDescription)
    ? (achievement.resultDescription as Record<string, unknown>[])
    : [];
  const toNumber = (v: unknown) =>
    typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null;
  return list
    .filter((r) => typeof r.id === 'string' && typeof r.name === 'string')
    .map((r) => ({
      id: r.id as string,
      name: r.name as string,
      resultType: typeof r.resultType === 'string' ? r.resultType : '',
      valueMin: toNumber(r.valueMin),
      valueMax: toNumber(r.valueMax),
    }));
}

const OVERALL = '#result-overall';

/** Header problems: a missing email column, unknown or repeated columns, a score without an overall result. */
export function checkHeader(header: string[], results: ResultColumn[]): RowError[] {
  const errors: RowError[] = [];
  const known = new Set<string>([...BASE_COLUMNS, ...results.map((r) => r.name.toLowerCase())]);
  const seen = new Set<string>();
  for (const raw of header) {
    const column = raw.trim();
    const key = column.toLowerCase();
    if (seen.has(key)) errors.push({ line: 1, column, message: `The column “${column}” appears twice.` });
    seen.add(key);
    if (!known.has(key)) {
      const names = results.map((r) => r.name);
      errors.push({
        line: 1,
        column,
        message: `Unknown column “${column}”. Use ${BASE_COLUMNS.join(', ')}${names.length > 0 ? `, or a result of this micro-credential: ${names.join(', ')}` : ''}.`,
      });
    }
  }
  if (!seen.has('email'))
    errors.push({
      line: 1,
      column: 'email',
      message: 'The CSV needs an “email” column: the address each credential is issued to.',
    });
  const overall = results.find((r) => r.id.endsWith(OVERALL));
  if (seen.has('score') && !overall) {
    errors.push({
      line: 1,
      column: 'score',
      message: 'This micro-credential has no overall score (no pass mark): remove the score column.',
    });
  }
  if (seen.has('score') && overall && seen.has(overall.name.toLowerCase())) {
    errors.push({
      line: 1,
      column: 'score',
      message: `“score” and “${overall.name}” are the same result: keep one of them.`,
    });
  }
  return errors;
}

const emailSchema = z.email().max(254);
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A date (YYYY-MM-DD, read as midnight UTC) or an ISO 8601 date-time with offset, as VC date-time text. */
export function parseDate(value: string): string | undefined {
  const text = DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return undefined;
  const time = Date.parse(text);
  if (Number.isNaN(time)) return undefined;
  const date = new Date(time);
  // Date.parse rolls 2026-02-30 over to March: refuse dates that do not exist.
  if (DATE_ONLY.test(value) && date.toISOString().slice(0, 10) !== value) return undefined;
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The idempotency key of a row: its external id, else a hash of what it asks for. */
export function rowKeyOf(data: RowData): string {
  if (data.externalId) return `ext:${data.externalId}`;
  const canonical = JSON.stringify([
    data.email,
    data.name ?? null,
    data.issuedOn ?? null,
    data.expiresOn ?? null,
    data.evidenceUrl ?? null,
    data.results.map((r) => [r.resultDescription, r.value]),
  ]);
  return `hash:${createHash('sha256').update(canonical).digest('hex').slice(0, 40)}`;
}

/**
 * Checks one row (cells by lower-case column name). `now` bounds expiry: a credential that
 * has already expired is refused.
 */
export function checkRow(line: number, cells: Record<string, string>, results: ResultColumn[], now: Date): CheckedRow {
  const errors: RowError[] = [];
  const fail = (column: string, message: string) => errors.push({ line, column, message });
  const cell = (name: string) => {
    const value = (cells[name] ?? '').trim();
    const hidden = hiddenCharactersIn(value);
    if (hidden.length > 0) {
      fail(name, hiddenCharacterMessage(hidden));
      return '';
    }
    return value;
  };
  const rawEmail = cell('email');
  const email = normaliseEmail(rawEmail);
  if (rawEmail === '') fail('email', 'The email is missing.');
  else if (!emailSchema.safeParse(email).success) fail('email', `“${rawEmail}” is not an email address.`);
  const data: RowData = { email, results: [] };
  const name = cell('name');
  if (name.length > 200) fail('name', 'The name is longer than 200 characters.');
  else if (name) data.name = name;
  const issuedOn = cell('issued_on');
  if (issuedOn) {
    const parsed = parseDate(issuedOn);
    if (!parsed) fail('issued_on', `“${issuedOn}” is not a date: use YYYY-MM-DD or an ISO 8601 date-time.`);
    else data.issuedOn = parsed;
  }
  const expiresOn = cell('expires_on');
  if (expiresOn) {
    const parsed = parseDate(expiresOn);
    if (!parsed) fail('expires_on', `“${expiresOn}” is not a date: use YYYY-MM-DD or an ISO 8601 date-time.`);
    else if (Date.parse(parsed) <= Date.parse(data.issuedOn ?? now.toISOString()))
      fail('expires_on', data.issuedOn ? 'expires_on must be after issued_on.' : 'expires_on must be in the future.');
    else data.expiresOn = parsed;
  }
  const evidenceUrl = cell('evidence_url');
  if (evidenceUrl) {
    if (evidenceUrl.length > 2000 || !isHttpUrl(evidenceUrl))
      fail('evidence_url', 'Use an http(s) URL for evidence_url.');
    else data.evidenceUrl = evidenceUrl;
  }
  const externalId = cell('external_id');
  if (externalId.length > 200) fail('external_id', 'external_id is longer than 200 characters.');
  else if (externalId) data.externalId = externalId;
  const valueFor = (column: string, result: ResultColumn, raw: string) => {
    if (!raw) return;
    if (
      result.resultType === 'Percent' ||
      result.resultType === 'RubricScore' ||
      result.valueMin !== null ||
      result.valueMax !== null
    ) {
      const n = Number(raw);
      if (!/^-?\d+(\.\d+)?$/.test(raw) || !Number.isFinite(n)) return fail(column, `“${raw}” is not a number.`);
      if ((result.valueMin !== null && n < result.valueMin) || (result.valueMax !== null && n > result.valueMax)) {
        return fail(column, `${raw} is outside ${result.valueMin ?? '…'}–${result.valueMax ?? '…'}.`);
      }
    } else if (raw.length > 200) return fail(column, 'The value is longer than 200 characters.');
    data.results.push({ resultDescription: result.id, value: raw });
  };
  const overall = results.find((r) => r.id.endsWith(OVERALL));
  const score = cell('score');
  if (overall && score) valueFor('score', overall, score);
  for (const result of results) {
    const column = result.name.toLowerCase();
    valueFor(result.name, result, cell(column));
  }
  if (errors.length > 0)
    return {
      line,
      ok: false,
      key: `line:${line}`,
      email: email.slice(0, 254),
      externalId: externalId.slice(0, 200) || null,
      errors,
    };
  return { line, ok: true, key: rowKeyOf(data), data };
}

/** Checks every row and marks repeats (same external_id, or the same row twice) as errors. */
export function checkRows(
  records: { line: number; cells: Record<string, string> }[],
  results: ResultColumn[],
  now: Date,
): CheckedRow[] {
  const firstLineOf = new Map<string, number>();
  return records.map(({ line, cells }) => {
    const row = checkRow(line, cells, results, now);
    if (!row.ok) return row;
    const first = firstLineOf.get(row.key);
    if (first === undefined) {
      firstLineOf.set(row.key, line);
      return row;
    }
    const message = row.data.externalId
      ? `external_id “${row.data.externalId}” is already used on line ${first}.`
      : `This row repeats line ${first}: it would issue the same credential twice.`;
    return {
      line,
      ok: false,
      key: `line:${line}`,
      email: row.data.email,
      externalId: row.data.externalId ?? null,
      errors: [{ line, ...(row.data.externalId ? { column: 'external_id' } : {}), message }],
    };
  });
}
