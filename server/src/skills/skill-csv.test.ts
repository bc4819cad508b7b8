import { describe, expect, it } from 'vitest';
import { parseSkillCsv } from './skill-csv.js';

describe('parseSkillCsv', () => {
  it('reads an ESCO export: code from the concept URI, alternative labels split on new lines', () => {
    const csv =
      'conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,description\n' +
      'KnowledgeSkillCompetence,http://data.example/esco/skill/0a1b,skill/competence,sector-specific,"lead a team","team leading\nteam leadership",Guides people towards a goal.\n' +
      'KnowledgeSkillCompetence,http://data.example/esco/skill/0a1c,knowledge,cross-sector,budgeting,,Plans spending.\n';
    const parsed = parseSkillCsv(csv);
    expect(parsed.errors).toEqual([]);
    expect(parsed.format).toBe('esco');
    expect(parsed.rows[0]).toMatchObject({
      line: 2,
      code: '0a1b',
      name: 'lead a team',
      altLabels: ['team leading', 'team leadership'],
      uri: 'http://data.example/esco/skill/0a1b',
      skillType: 'skill/competence',
    });
    expect(parsed.rows[1]).toMatchObject({ line: 4, code: '0a1c', skillType: 'knowledge' });
  });

  it('reads an O*NET file (tab separated) and groups elements under their parent', () => {
    const tsv =
      'Element ID\tElement Name\tDescription\n2.A\tBasic Skills\tCapacities that help learning.\n2.A.1.a\tReading Comprehension\tUnderstanding written sentences.\n';
    const parsed = parseSkillCsv(tsv);
    expect(parsed.errors).toEqual([]);
    expect(parsed.format).toBe('onet');
    expect(parsed.rows[1]).toMatchObject({
      code: '2.A.1.a',
      name: 'Reading Comprehension',
      group: 'Basic Skills',
      line: 3,
    });
  });

  it('names each problem with its line: missing name, duplicate code', () => {
    const parsed = parseSkillCsv('code,name,description,group\nA1,Alpha,,G\nA2,,,G\nA1,Again,,G\n');
    expect(parsed.format).toBe('cairn');
    expect(parsed.errors).toEqual([
      { line: 3, field: 'name', message: 'Required: every skill needs a name.' },
      { line: 4, field: 'code', message: 'Duplicate code "A1" (first on line 2).' },
    ]);
  });

  it('refuses an empty file, a header without rows and unknown columns, saying what is expected', () => {
    expect(parseSkillCsv('  \n').errors[0]!.message).toMatch(/empty/);
    expect(parseSkillCsv('code,name\n').errors[0]!.message).toMatch(/no skills/);
    const unknown = parseSkillCsv('code,name,colour\nA,B,red\n');
    expect(unknown.errors[0]).toMatchObject({ line: 1, field: 'header' });
    expect(unknown.errors[0]!.message).toMatch(/Unknown column colour\. Expected code, name, description, group/);
    expect(parseSkillCsv('foo,bar\n1,2\n').errors[0]!.message).toMatch(/conceptUri, preferredLabel/);
  });

  it('points an ESCO occupations file to the occupations import', () => {
    const parsed = parseSkillCsv(
      'conceptType,conceptUri,iscoGroup,preferredLabel\nOccupation,http://data.example/o/1,2511,data analyst\n',
    );
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors[0]?.message).toContain('skill-frameworks/import/occupations');
  });
});
