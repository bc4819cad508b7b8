import { describe, expect, it } from 'vitest';
import { describeLevels, jurisdictionViolation, programmeScopeViolations, type ScopeLimits } from './scope-limits.js';

const any: ScopeLimits = { fields: [], eqfLevels: [], jurisdictions: [], credentialTypes: [] };
const programme = { title: 'Spreadsheets', eqfLevel: 4, fieldOfStudy: 'ICT', achievementType: 'MicroCredential' };

describe('scope limits', () => {
  it('names levels as a range when they run on, as a list otherwise', () => {
    expect(describeLevels([5, 4])).toBe('4-5');
    expect(describeLevels([3, 5])).toBe('3, 5');
    expect(describeLevels([6])).toBe('6');
  });

  it('an empty limit means any', () => {
    expect(
      programmeScopeViolations(any, { ...programme, eqfLevel: null, fieldOfStudy: null, achievementType: null }),
    ).toEqual([]);
  });

  it('refuses a level outside the scope, naming it', () => {
    expect(programmeScopeViolations({ ...any, eqfLevels: [4, 5] }, { ...programme, eqfLevel: 6 })).toEqual([
      { limit: 'eqfLevel', message: "EQF level 6 is outside the scheme's scope (levels 4-5)." },
    ]);
  });

  it('a limit the programme gives no value for cannot be checked, so it fails', () => {
    const found = programmeScopeViolations(
      { ...any, eqfLevels: [4], fields: ['ICT'] },
      { ...programme, eqfLevel: null, fieldOfStudy: null },
    );
    expect(found.map((v) => v.limit)).toEqual(['eqfLevel', 'field']);
    expect(found[1]?.message).toBe(
      '“Spreadsheets”: the programme declares no field of study; the scheme covers only: ICT.',
    );
  });

  it('refuses a field outside the scope, naming the programme, its field and the fields covered', () => {
    expect(
      programmeScopeViolations({ ...any, fields: ['ICT', 'Statistics'] }, { ...programme, fieldOfStudy: 'Nursing' }),
    ).toEqual([
      {
        limit: 'field',
        message:
          "“Spreadsheets”: the field “Nursing” is outside the scheme's scope; the scheme covers only: ICT, Statistics.",
      },
    ]);
  });

  it('compares fields and credential types without regard to case', () => {
    expect(
      programmeScopeViolations({ ...any, fields: ['ict'], credentialTypes: ['microcredential'] }, programme),
    ).toEqual([]);
    expect(programmeScopeViolations({ ...any, credentialTypes: ['Certificate'] }, programme)[0]?.message).toBe(
      "The credential type MicroCredential is outside the scheme's scope (Certificate).",
    );
  });

  it('needs a jurisdiction inside the limit when the scheme has one', () => {
    expect(jurisdictionViolation(any, null)).toBeUndefined();
    expect(jurisdictionViolation({ ...any, jurisdictions: ['IE', 'UK'] }, null)?.message).toContain(
      'Name the jurisdiction',
    );
    expect(jurisdictionViolation({ ...any, jurisdictions: ['IE', 'UK'] }, 'FR')?.message).toBe(
      "The jurisdiction FR is outside the scheme's scope (IE, UK).",
    );
    expect(jurisdictionViolation({ ...any, jurisdictions: ['IE'] }, 'ie')).toBeUndefined();
  });
});
