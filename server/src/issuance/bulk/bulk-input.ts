import { parse, CsvError } from 'csv-parse/sync';
import type { RowError } from './bulk-rows.js';

/** Largest upload accepted, and most rows in one job. */
export const MAX_BULK_BYTES = 20 * 1024 * 1024;
export const MAX_BULK_ROWS = 200_000;

export type BulkRecords = {
  header: string[];
  records: { line: number; cells: Record<string, string> }[];
  /** Problems that make the input unusable as a whole (nothing may be queued). */
  errors: RowError[];
};

/**
 * Reads a CSV (header on line 1, comma-separated, UTF-8 with or without BOM) into cells by
 * lower-case column name, each record with the line it ends on. A row with a different number
 * of cells than the header is an input error, not a guess.
 */
export function readCsv(text: string, maxRows = MAX_BULK_ROWS): BulkRecords {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: false,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? 1;
      return {
        header: [],
        records: [],
        errors: [{ line, message: `The CSV cannot be read here: ${error.message.replace(/^Invalid [^:]*: /, '')}` }],
      };
    }
    throw error;
  }
  if (parsed.length === 0)
    return {
      header: [],
      records: [],
      errors: [
        { line: 1, message: 'The file is empty: it needs a header line (email, …) and one line per credential.' },
      ],
    };
  const header = parsed[0]!.record.map((h) => h.trim());
  const keys = header.map((h) => h.toLowerCase());
  const errors: RowError[] = [];
  if (parsed.length - 1 > maxRows) {
    errors.push({
      line: parsed[maxRows + 1]!.info.lines,
      message: `The file has ${parsed.length - 1} rows; one job takes at most ${maxRows}. Split it into several files.`,
    });
    return { header, records: [], errors };
  }
  if (parsed.length === 1) errors.push({ line: 1, message: 'The file has a header but no rows.' });
  const records: BulkRecords['records'] = [];
  for (const { record, info } of parsed.slice(1)) {
    if (record.length !== header.length) {
      errors.push({
        line: info.lines,
        message: `This line has ${record.length} cells; the header has ${header.length}. Quote cells that contain commas.`,
      });
      continue;
    }
    records.push({ line: info.lines, cells: Object.fromEntries(keys.map((k, i) => [k, record[i]!])) });
  }
  return { header, records, errors };
}

/** JSON rows (objects of column → text or number): line n is the n-th row. */
export function readJsonRows(rows: Record<string, unknown>[], maxRows = MAX_BULK_ROWS): BulkRecords {
  if (rows.length > maxRows)
    return {
      header: [],
      records: [],
      errors: [{ line: maxRows + 1, message: `${rows.length} rows sent; one job takes at most ${maxRows}.` }],
    };
  if (rows.length === 0) return { header: [], records: [], errors: [{ line: 1, message: 'No rows were sent.' }] };
  const header = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const errors: RowError[] = [];
  const records = rows.map((row, i) => {
    const cells: Record<string, string> = {};
    for (const [k, v] of Object.entries(row)) {
      if (v === null || v === undefined) continue;
      if (typeof v !== 'string' && typeof v !== 'number')
        errors.push({ line: i + 1, column: k, message: 'Give each value as text or a number.' });
      else cells[k.toLowerCase()] = String(v);
    }
    return { line: i + 1, cells };
  });
  return { header, records, errors };
}
