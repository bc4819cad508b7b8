import { describe, expect, it } from 'vitest';
import { parseRoleCsv } from './role-csv.js';
import { evidenceLevelOf, gapStatusOf, toCairnLevel } from './skill-levels.js';

describe('level scales', () => {
  it('maps a 1-8 scale by the documented thresholds', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((l) => toCairnLevel(l, '1-8'))).toEqual([1, 1, 2, 3, 4, 4, 5, 5]);
  });

  it('maps a 1-100 scale in bands of twenty', () => {
    expect([1, 20, 21, 40, 41, 60, 61, 80, 81, 100].map((l) => toCairnLevel(l, '1-100'))).toEqual([
      1, 1, 2, 2, 3, 3, 4, 4, 5, 5,
    ]);
  });

  it('refuses values outside the scale or not whole', () => {
    expect(toCairnLevel(6, '1-5')).toBeNull();
    expect(toCairnLevel(9, '1-8')).toBeNull();
    expect(toCairnLevel(101, '1-100')).toBeNull();
    expect(toCairnLevel(0, '1-100')).toBeNull();
    expect(toCairnLevel(2.5, '1-5')).toBeNull();
  });

  it('reads a programme’s EQF level as evidence, and an undeclared one as Working', () => {
    expect(evidenceLevelOf(5)).toBe(4);
    expect(evidenceLevelOf(3)).toBe(2);
    expect(evidenceLevelOf(null)).toBe(2);
  });

  it('decides the gap from verified evidence only', () => {
    expect(gapStatusOf(3, null)).toBe('missing');
    expect(gapStatusOf(3, 2)).toBe('below');
    expect(gapStatusOf(3, 3)).toBe('met');
  });
});

describe('role CSV', () => {
  it('reads rows and reports every problem with its line', () => {
    const { rows, issues } = parseRoleCsv(
      'role,skill,level,essential\nLead,CAIRN-LOG-01,7,yes\n,CAIRN-LOG-02,3,no\nLead,CAIRN-HS-01,12,maybe\n',
      '1-8',
    );
    expect(rows).toEqual([
      { line: 2, role: 'Lead', skill: 'CAIRN-LOG-01', level: 5, essential: true },
      expect.objectContaining({ line: 3 }),
    ]);
    expect(issues).toEqual([
      expect.objectContaining({ line: 3, field: 'role' }),
      expect.objectContaining({ line: 4, field: 'level' }),
      expect.objectContaining({ line: 4, field: 'essential' }),
    ]);
  });

  it('names missing columns', () => {
    expect(parseRoleCsv('name,skill\nA,B\n', '1-5').issues[0]!.message).toMatch(/role, level/);
  });
});
