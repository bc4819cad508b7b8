/**
 * A scheme's scope limits and the check that a programme falls inside them. Pure: the use case
 * reads the programme's published facts and passes them in. An empty limit means "any"; a limit
 * the programme gives no value for cannot be checked, so it fails (a check that cannot be made
 * is not passed).
 */
export type ScopeLimits = {
  fields: string[];
  eqfLevels: number[];
  jurisdictions: string[];
  credentialTypes: string[];
};

/** What the scope check reads of a programme's published version. */
export type ProgrammeFacts = {
  title: string;
  eqfLevel: number | null;
  fieldOfStudy: string | null;
  achievementType: string | null;
};

export type ScopeViolation = { limit: 'field' | 'eqfLevel' | 'jurisdiction' | 'credentialType'; message: string };

/** "4-5" for consecutive levels, "3, 5" otherwise. */
export function describeLevels(levels: number[]): string {
  const sorted = [...new Set(levels)].sort((a, b) => a - b);
  if (sorted.length === 0) return 'any';
  const isRun = sorted.every((l, i) => i === 0 || l === sorted[i - 1]! + 1);
  if (sorted.length > 1 && isRun) return `${sorted[0]}-${sorted[sorted.length - 1]}`;
  return sorted.join(', ');
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Every way the programme falls outside the scheme's scope; empty when it is inside. */
export function programmeScopeViolations(limits: ScopeLimits, programme: ProgrammeFacts): ScopeViolation[] {
  const out: ScopeViolation[] = [];
  const name = `“${programme.title}”`;
  if (limits.eqfLevels.length > 0) {
    const range = describeLevels(limits.eqfLevels);
    const word = limits.eqfLevels.length === 1 ? 'level' : 'levels';
    if (programme.eqfLevel === null)
      out.push({
        limit: 'eqfLevel',
        message: `${name} has no EQF level, so it cannot be placed in the scheme's scope (${word} ${range}).`,
      });
    else if (!limits.eqfLevels.includes(programme.eqfLevel))
      out.push({
        limit: 'eqfLevel',
        message: `EQF level ${programme.eqfLevel} is outside the scheme's scope (${word} ${range}).`,
      });
  }
  if (limits.fields.length > 0) {
    const list = limits.fields.join(', ');
    if (!programme.fieldOfStudy)
      out.push({
        limit: 'field',
        message: `${name}: the programme declares no field of study; the scheme covers only: ${list}.`,
      });
    else if (!limits.fields.some((f) => same(f, programme.fieldOfStudy!)))
      out.push({
        limit: 'field',
        message: `${name}: the field “${programme.fieldOfStudy}” is outside the scheme's scope; the scheme covers only: ${list}.`,
      });
  }
  if (limits.credentialTypes.length > 0) {
    const list = limits.credentialTypes.join(', ');
    const type = programme.achievementType;
    if (!type || !limits.credentialTypes.some((t) => same(t, type)))
      out.push({
        limit: 'credentialType',
        message: `The credential type ${type ?? '(none)'} is outside the scheme's scope (${list}).`,
      });
  }
  return out;
}

/** The jurisdiction an application names, checked against the scheme's limit. */
export function jurisdictionViolation(limits: ScopeLimits, jurisdiction: string | null): ScopeViolation | undefined {
  if (limits.jurisdictions.length === 0) return undefined;
  const list = limits.jurisdictions.join(', ');
  if (!jurisdiction)
    return { limit: 'jurisdiction', message: `Name the jurisdiction: the scheme is limited to ${list}.` };
  if (!limits.jurisdictions.some((j) => same(j, jurisdiction)))
    return {
      limit: 'jurisdiction',
      message: `The jurisdiction ${jurisdiction} is outside the scheme's scope (${list}).`,
    };
  return undefined;
}
