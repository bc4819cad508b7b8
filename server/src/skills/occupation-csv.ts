import type { OccupationRelation } from '../db/schema.js';
import {
  cellReader,
  headerIssues,
  hiddenCharacterIssues,
  readCsvTable,
  sizeIssue,
  type CsvColumns,
  type CsvIssue,
  type CsvTable,
} from './csv-table.js';
import { MAX_CSV_ROWS, splitLabels } from './skill-csv.js';

/** One row of ESCO's `occupations_en.csv`. */
export type ParsedOccupation = {
  line: number;
  uri: string;
  title: string;
  description: string;
  code: string;
  altLabels: string[];
  iscoGroup: string | null;
};

/** One row of ESCO's `occupationSkillRelations_en.csv`. */
export type ParsedOccupationSkill = {
  line: number;
  occupationUri: string;
  skillUri: string;
  relation: OccupationRelation;
};

const MAX_URI = 300;
const MAX_TITLE = 300;
const MAX_CODE = 100;
const MAX_DESCRIPTION = 4000;
/** ESCO has about 130,000 occupation–skill relations. */
export const MAX_RELATION_ROWS = 250_000;

/** ESCO's occupation columns (v1.1 and v1.2), lower-cased; the first two are required. */
const occupationColumns = {
  required: ['concepturi', 'preferredlabel'],
  optional: [
    'concepttype',
    'iscogroup',
    'altlabels',
    'hiddenlabels',
    'status',
    'modifieddate',
    'regulatedprofessionnote',
    'scopenote',
    'definition',
    'inscheme',
    'description',
    'code',
    'nacecode',
  ],
};
const relationColumns = {
  required: ['occupationuri', 'relationtype', 'skilluri'],
  optional: ['occupationlabel', 'skilltype', 'skilllabel'],
};

export const OCCUPATION_COLUMNS = 'conceptUri, preferredLabel, description, code, altLabels (ESCO occupations_en.csv)';
export const RELATION_COLUMNS = 'occupationUri, relationType, skillUri (ESCO occupationSkillRelations_en.csv)';

type Table = CsvTable & { cell: (record: string[], column: string) => string };

/** Reads CSV text into a header and records with their line numbers, or the issues that stop it. */
function readTable(
  text: string,
  what: string,
  spec: CsvColumns,
  expected: string,
  maxRows: number,
): Table | CsvIssue[] {
  const table = readCsvTable(text, what);
  if (!('data' in table)) return [table];
  const issues = headerIssues(table, spec, expected, { isFoundShown: true });
  if (issues.length > 0) return issues;
  const tooFewOrMany = sizeIssue(table, what, maxRows, 'rows');
  if (tooFewOrMany) return [tooFewOrMany];
  return { ...table, cell: cellReader(table) };
}

const isHttpUri = (value: string) => /^https?:\/\/\S+$/.test(value);

/**
 * Parses ESCO's occupations file (`occupations_en.csv`: conceptUri, preferredLabel,
 * description, code, altLabels, iscoGroup, …). Never throws for bad input: every problem comes
 * back with its line.
 */
export function parseOccupationCsv(text: string): { rows: ParsedOccupation[]; errors: CsvIssue[] } {
  const table = readTable(text, 'occupations', occupationColumns, OCCUPATION_COLUMNS, MAX_CSV_ROWS);
  if (Array.isArray(table)) return { rows: [], errors: table };
  const rows: ParsedOccupation[] = [];
  const errors: CsvIssue[] = [];
  const firstLine = new Map<string, number>();
  for (const { record, line } of table.data) {
    const conceptType = table.cell(record, 'concepttype');
    const row: ParsedOccupation = {
      line,
      uri: table.cell(record, 'concepturi'),
      title: table.cell(record, 'preferredlabel'),
      description: table.cell(record, 'description') || table.cell(record, 'definition'),
      code: table.cell(record, 'code'),
      altLabels: splitLabels(table.cell(record, 'altlabels')),
      iscoGroup: table.cell(record, 'iscogroup') || null,
    };
    if (conceptType && conceptType !== 'Occupation')
      errors.push({
        line,
        field: 'conceptType',
        message: `"${conceptType}" is not an occupation; this file takes ESCO occupations only.`,
      });
    if (!row.uri) errors.push({ line, field: 'conceptUri', message: 'Required: every occupation needs its URI.' });
    else if (!isHttpUri(row.uri) || row.uri.length > MAX_URI)
      errors.push({ line, field: 'conceptUri', message: `Must be an http(s) URI of at most ${MAX_URI} characters.` });
    if (!row.title) errors.push({ line, field: 'preferredLabel', message: 'Required: every occupation needs a name.' });
    else if (row.title.length > MAX_TITLE)
      errors.push({ line, field: 'preferredLabel', message: `At most ${MAX_TITLE} characters.` });
    if (row.code.length > MAX_CODE) errors.push({ line, field: 'code', message: `At most ${MAX_CODE} characters.` });
    if (row.description.length > MAX_DESCRIPTION)
      errors.push({ line, field: 'description', message: `At most ${MAX_DESCRIPTION} characters.` });
    const texts: [string, string, boolean][] = [
      ['preferredLabel', row.title, false],
      ['code', row.code, false],
      ['description', row.description, true],
      ['altLabels', row.altLabels.join(' '), false],
    ];
    errors.push(...hiddenCharacterIssues(line, texts));
    if (row.uri) {
      const first = firstLine.get(row.uri);
      if (first !== undefined)
        errors.push({ line, field: 'conceptUri', message: `Duplicate occupation (first on line ${first}).` });
      else firstLine.set(row.uri, line);
    }
    rows.push(row);
  }
  return { rows, errors };
}

/**
 * Parses ESCO's occupation–skill relations (`occupationSkillRelations_en.csv`: occupationUri,
 * relationType essential/optional, skillUri). A pair listed twice keeps its essential relation.
 */
export function parseOccupationSkillCsv(text: string): { rows: ParsedOccupationSkill[]; errors: CsvIssue[] } {
  const table = readTable(text, 'relations', relationColumns, RELATION_COLUMNS, MAX_RELATION_ROWS);
  if (Array.isArray(table)) return { rows: [], errors: table };
  const byPair = new Map<string, ParsedOccupationSkill>();
  const errors: CsvIssue[] = [];
  for (const { record, line } of table.data) {
    const occupationUri = table.cell(record, 'occupationuri');
    const skillUri = table.cell(record, 'skilluri');
    const relation = table.cell(record, 'relationtype').toLowerCase();
    if (!isHttpUri(occupationUri))
      errors.push({ line, field: 'occupationUri', message: 'Required: the http(s) URI of an occupation.' });
    if (!isHttpUri(skillUri))
      errors.push({ line, field: 'skillUri', message: 'Required: the http(s) URI of a skill.' });
    if (relation !== 'essential' && relation !== 'optional') {
      errors.push({ line, field: 'relationType', message: 'Must be "essential" or "optional".' });
      continue;
    }
    const key = `${occupationUri} ${skillUri}`;
    const seen = byPair.get(key);
    if (!seen || (seen.relation === 'optional' && relation === 'essential'))
      byPair.set(key, { line, occupationUri, skillUri, relation });
  }
  return { rows: [...byPair.values()], errors };
}
