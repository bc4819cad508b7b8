import {
  cellReader,
  headerIssues,
  hiddenCharacterIssues,
  readCsvTable,
  sizeIssue,
  type CsvColumns,
  type CsvIssue,
} from './csv-table.js';

export type { CsvIssue } from './csv-table.js';

/** Which export a CSV file looks like. */
export type SkillCsvFormat = 'esco' | 'onet' | 'cairn';

export type ParsedSkill = {
  /** Line of the file where the record starts (the header is line 1). */
  line: number;
  code: string;
  name: string;
  description: string;
  group: string | null;
  altLabels: string[];
  skillType: string | null;
  uri: string | null;
};

export type ParsedSkillCsv = {
  format: SkillCsvFormat | null;
  columns: string[];
  rows: ParsedSkill[];
  errors: CsvIssue[];
};

export const MAX_CSV_ROWS = 50_000;
const MAX_NAME = 300;
const MAX_CODE = 300;
const MAX_DESCRIPTION = 4000;

/** Columns each format knows, lower-cased. The first ones listed are required. */
const formats: Record<SkillCsvFormat, CsvColumns> = {
  esco: {
    required: ['concepturi', 'preferredlabel'],
    optional: [
      'description',
      'altlabels',
      'skilltype',
      'concepttype',
      'reuselevel',
      'hiddenlabels',
      'status',
      'modifieddate',
      'scopenote',
      'definition',
      'inscheme',
      'broaderconcepturi',
      'group',
    ],
  },
  onet: { required: ['element id', 'element name'], optional: ['description'] },
  cairn: { required: ['code', 'name'], optional: ['description', 'group', 'altlabels', 'skilltype', 'uri'] },
};

const displayColumns: Record<SkillCsvFormat, string> = {
  esco: 'conceptUri, preferredLabel, description, altLabels, skillType (ESCO export)',
  onet: 'Element ID, Element Name, Description (O*NET)',
  cairn: 'code, name, description, group (Cairn)',
};

/** The columns every accepted shape expects, for error messages. */
export const EXPECTED_COLUMNS = Object.values(displayColumns).join('; or ');

function detectFormat(columns: string[]): SkillCsvFormat | null {
  const set = new Set(columns);
  if (set.has('concepturi') || set.has('preferredlabel')) return 'esco';
  if (set.has('element id') || set.has('element name')) return 'onet';
  if (set.has('code') || set.has('name')) return 'cairn';
  return null;
}

/** ESCO concept URIs end in a stable id; that id is the skill's code. */
function codeFromUri(uri: string): string {
  const trimmed = uri.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1) || trimmed;
}

/** ESCO's alternative labels: one per line (or `|`-separated), de-duplicated, at most 50. */
export function splitLabels(value: string | undefined): string[] {
  if (!value) return [];
  return [
    ...new Set(
      value
        .split(/\r?\n|\|/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ].slice(0, 50);
}

/** The group of an O*NET element is the name of its nearest ancestor element in the same file. */
function onetGroups(rows: ParsedSkill[]) {
  const names = new Map(rows.map((r) => [r.code, r.name]));
  for (const row of rows) {
    const parts = row.code.split('.');
    for (let n = parts.length - 1; n >= 1; n -= 1) {
      const parent = names.get(parts.slice(0, n).join('.'));
      if (parent) {
        row.group = parent;
        break;
      }
    }
  }
}

/**
 * Parses a skills CSV in ESCO, O*NET or Cairn shape (detected from the header; comma, tab or
 * semicolon separated). Never throws for bad input: every problem comes back with its line.
 */
export function parseSkillCsv(text: string): ParsedSkillCsv {
  const empty = (message: string, line = 1): ParsedSkillCsv => ({
    format: null,
    columns: [],
    rows: [],
    errors: [{ line, field: 'csv', message }],
  });
  const table = readCsvTable(text, 'skill');
  if (!('data' in table)) return empty(table.message, table.line);
  const { columns, keys, data } = table;
  if (keys.includes('occupationuri') || keys.includes('iscogroup'))
    return {
      format: null,
      columns,
      rows: [],
      errors: [
        {
          line: 1,
          field: 'header',
          message:
            'This is an ESCO occupations or occupation–skill relations file, not skills. Import it at POST /api/v1/orgs/{slug}/skill-frameworks/import/occupations after the skills.',
        },
      ],
    };
  const format = detectFormat(keys);
  if (!format) {
    return {
      format: null,
      columns,
      rows: [],
      errors: [
        {
          line: 1,
          field: 'header',
          message: `No known columns (found: ${columns.join(', ') || 'none'}). Expected ${EXPECTED_COLUMNS}.`,
        },
      ],
    };
  }
  const errors = headerIssues(table, formats[format], displayColumns[format], { isFoundShown: false });
  if (errors.length > 0) return { format, columns, rows: [], errors };
  const tooFewOrMany = sizeIssue(table, 'skills', MAX_CSV_ROWS, 'skills');
  if (tooFewOrMany) return { format, columns, rows: [], errors: [tooFewOrMany] };

  const at = cellReader(table);
  const rows: ParsedSkill[] = [];
  const firstLineOfCode = new Map<string, number>();
  for (const { record, line } of data) {
    let row: ParsedSkill;
    switch (format) {
      case 'esco': {
        const uri = at(record, 'concepturi');
        row = {
          line,
          code: uri ? codeFromUri(uri) : '',
          name: at(record, 'preferredlabel'),
          description: at(record, 'description') || at(record, 'definition'),
          group: at(record, 'group') || null,
          altLabels: splitLabels(at(record, 'altlabels')),
          skillType: at(record, 'skilltype') || null,
          uri: uri || null,
        };
        if (uri && !/^https?:\/\/\S+$/.test(uri))
          errors.push({ line, field: 'conceptUri', message: 'Must be an http(s) URI.' });
        break;
      }
      case 'onet':
        row = {
          line,
          code: at(record, 'element id'),
          name: at(record, 'element name'),
          description: at(record, 'description'),
          group: null,
          altLabels: [],
          skillType: null,
          uri: null,
        };
        break;
      case 'cairn': {
        const uri = at(record, 'uri');
        row = {
          line,
          code: at(record, 'code'),
          name: at(record, 'name'),
          description: at(record, 'description'),
          group: at(record, 'group') || null,
          altLabels: splitLabels(at(record, 'altlabels')),
          skillType: at(record, 'skilltype') || null,
          uri: uri || null,
        };
        if (uri && !/^https?:\/\/\S+$/.test(uri))
          errors.push({ line, field: 'uri', message: 'Must be an http(s) URI.' });
        break;
      }
    }
    const codeColumn = format === 'esco' ? 'conceptUri' : format === 'onet' ? 'Element ID' : 'code';
    const nameColumn = format === 'esco' ? 'preferredLabel' : format === 'onet' ? 'Element Name' : 'name';
    if (!row.code) errors.push({ line, field: codeColumn, message: 'Required: every skill needs a code.' });
    else if (row.code.length > MAX_CODE)
      errors.push({ line, field: codeColumn, message: `At most ${MAX_CODE} characters.` });
    if (!row.name) errors.push({ line, field: nameColumn, message: 'Required: every skill needs a name.' });
    else if (row.name.length > MAX_NAME)
      errors.push({ line, field: nameColumn, message: `At most ${MAX_NAME} characters.` });
    if (row.description.length > MAX_DESCRIPTION)
      errors.push({ line, field: 'description', message: `At most ${MAX_DESCRIPTION} characters.` });
    // Skill names, codes and descriptions are copied into signed Achievements (alignments, tags).
    const texts: [string, string, boolean][] = [
      [codeColumn, row.code, false],
      [nameColumn, row.name, false],
      ['description', row.description, true],
      ['group', row.group ?? '', false],
      ['altLabels', row.altLabels.join(' '), false],
    ];
    errors.push(...hiddenCharacterIssues(line, texts));
    if (row.code) {
      const first = firstLineOfCode.get(row.code);
      if (first !== undefined)
        errors.push({ line, field: codeColumn, message: `Duplicate code "${row.code}" (first on line ${first}).` });
      else firstLineOfCode.set(row.code, line);
    }
    rows.push(row);
  }
  if (format === 'onet') onetGroups(rows);
  return { format, columns, rows, errors };
}
