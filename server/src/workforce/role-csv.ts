import { parse } from 'csv-parse/sync';
import { toCairnLevel, type LevelScale } from './skill-levels.js';

/** One row of a role CSV: `role, skill, level, essential` (skill by id, code or name). */
export type RoleCsvRow = { line: number; role: string; skill: string; level: number; essential: boolean };
export type RoleCsvIssue = { line: number; field: string; message: string };

export const MAX_ROLE_CSV_ROWS = 5_000;
const TRUE = new Set(['yes', 'y', 'true', '1', 'essential']);
const FALSE = new Set(['no', 'n', 'false', '0', 'optional', '']);

/**
 * Parses a role skill profile CSV with a header row `role,skill,level,essential`. Levels on
 * `scale` are mapped onto Cairn's 1-5 (see skill-levels.ts). Every problem is reported with
 * its line, so a file is fixed in one go.
 */
export function parseRoleCsv(text: string, scale: LevelScale): { rows: RoleCsvRow[]; issues: RoleCsvIssue[] } {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (error) {
    return {
      rows: [],
      issues: [{ line: 1, field: 'csv', message: `The file is not valid CSV: ${(error as Error).message}` }],
    };
  }
  const [header, ...data] = records;
  const columns = (header ?? []).map((h) => h.toLowerCase());
  const at = (name: string) => columns.indexOf(name);
  const missing = ['role', 'skill', 'level'].filter((c) => at(c) < 0);
  if (missing.length > 0) {
    return {
      rows: [],
      issues: [
        {
          line: 1,
          field: 'header',
          message: `Missing column(s): ${missing.join(', ')}. Expected role,skill,level,essential.`,
        },
      ],
    };
  }
  if (data.length > MAX_ROLE_CSV_ROWS) {
    return { rows: [], issues: [{ line: 1, field: 'csv', message: `At most ${MAX_ROLE_CSV_ROWS} rows at a time.` }] };
  }
  const rows: RoleCsvRow[] = [];
  const issues: RoleCsvIssue[] = [];
  data.forEach((record, i) => {
    const line = i + 2;
    const role = record[at('role')] ?? '';
    const skill = record[at('skill')] ?? '';
    const rawLevel = record[at('level')] ?? '';
    const rawEssential = (at('essential') >= 0 ? (record[at('essential')] ?? '') : 'yes').toLowerCase();
    if (role.length < 1 || role.length > 200)
      issues.push({ line, field: 'role', message: 'Give a role name (1-200 characters)' });
    if (skill.length < 1) issues.push({ line, field: 'skill', message: 'Give a skill id, code or name' });
    const level = toCairnLevel(Number(rawLevel), scale);
    if (level === null) issues.push({ line, field: 'level', message: `Give a whole number on the ${scale} scale` });
    if (!TRUE.has(rawEssential) && !FALSE.has(rawEssential))
      issues.push({ line, field: 'essential', message: 'Use yes or no' });
    if (level !== null) rows.push({ line, role, skill, level, essential: TRUE.has(rawEssential) });
  });
  return { rows, issues };
}
