import { parse } from 'csv-parse/sync';
import { hiddenCharacterMessage, hiddenCharactersIn } from '../lib/hidden-characters.js';

// The reading shared by the skills and occupations imports: parse, header, size and text checks.

export type CsvIssue = { line: number; field: string; message: string };

/** A record's cells and the line of the file where it starts (the header is line 1). */
export type CsvRecord = { record: string[]; line: number };

export type CsvTable = {
  /** The header as written. */
  columns: string[];
  /** The header lower-cased, for lookups. */
  keys: string[];
  data: CsvRecord[];
};

export type CsvColumns = { required: string[]; optional: string[] };

/** The separator of a CSV file, from its header line. */
export function detectDelimiter(text: string): ',' | '\t' | ';' {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = {
    ',': firstLine.split(',').length,
    '\t': firstLine.split('\t').length,
    ';': firstLine.split(';').length,
  };
  if (counts['\t'] > counts[','] && counts['\t'] >= counts[';']) return '\t';
  if (counts[';'] > counts[',']) return ';';
  return ',';
}

/**
 * Reads CSV text (comma, tab or semicolon separated, BOM allowed) into its header and records,
 * or the issue that stops it. `what` names a record in messages ("skill", "occupations").
 */
export function readCsvTable(text: string, what: string): CsvTable | CsvIssue {
  const emptyIssue = {
    line: 1,
    field: 'csv',
    message: `The file is empty. Send a header line and at least one ${what}.`,
  };
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return emptyIssue;
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(body, {
      delimiter: detectDelimiter(body),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      relax_quotes: true,
    }) as unknown as typeof records;
  } catch (error) {
    return {
      line: (error as { lines?: number }).lines ?? 1,
      field: 'csv',
      message: `The file is not valid CSV: ${(error as Error).message}`,
    };
  }
  const [header, ...rest] = records;
  if (!header) return emptyIssue;
  const columns = header.record.map((c) => c.trim());
  return {
    columns,
    keys: columns.map((c) => c.toLowerCase()),
    data: rest.map(({ record, info }) => ({
      record,
      // info.lines is the last line of the record; a quoted value may span several.
      line: info.lines - record.reduce((n, value) => n + (value.match(/\n/g)?.length ?? 0), 0),
    })),
  };
}

/** Missing required and unknown columns, each with the columns `expected` in its message. */
export function headerIssues(
  table: CsvTable,
  spec: CsvColumns,
  expected: string,
  { isFoundShown }: { isFoundShown: boolean },
): CsvIssue[] {
  const { columns, keys } = table;
  const issues: CsvIssue[] = [];
  const missing = spec.required.filter((c) => !keys.includes(c));
  const unknown = columns.filter((_, i) => !spec.required.includes(keys[i]!) && !spec.optional.includes(keys[i]!));
  const found = isFoundShown ? ` (found: ${columns.join(', ') || 'none'})` : '';
  if (missing.length > 0)
    issues.push({
      line: 1,
      field: 'header',
      message: `Missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}${found}. Expected ${expected}.`,
    });
  if (unknown.length > 0)
    issues.push({
      line: 1,
      field: 'header',
      message: `Unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}. Expected ${expected}.`,
    });
  return issues;
}

/** A file with no records, or more than `maxRows` (`rowNoun` names them in the message). */
export function sizeIssue(table: CsvTable, what: string, maxRows: number, rowNoun: string): CsvIssue | undefined {
  if (table.data.length === 0) return { line: 2, field: 'csv', message: `The file has a header but no ${what}.` };
  if (table.data.length > maxRows)
    return {
      line: maxRows + 2,
      field: 'csv',
      message: `The file has ${table.data.length} ${rowNoun}; import at most ${maxRows} at a time.`,
    };
  return undefined;
}

/** Reads a record's cell by lower-cased column name; an absent column reads as ''. */
export function cellReader(table: CsvTable): (record: string[], column: string) => string {
  return (record, column) => {
    const i = table.keys.indexOf(column);
    return i >= 0 ? (record[i] ?? '').trim() : '';
  };
}

/** Hidden or control characters in a row's texts; [field, value, isMultiline] each. */
export function hiddenCharacterIssues(line: number, texts: [string, string, boolean][]): CsvIssue[] {
  return texts.flatMap(([field, value, isMultiline]) => {
    const hidden = hiddenCharactersIn(value, { isMultiline });
    return hidden.length > 0 ? [{ line, field, message: `${hiddenCharacterMessage(hidden)}.` }] : [];
  });
}
