// The small helpers of jsonld.js 9 that decide what the fast path outputs, written out with the
// same rules (including their quirks), so expanded values merge and compare exactly as the
// reference's do.

/** An object of expanded JSON-LD: a node, a value object or a list object. */
export type ExpandedNode = Record<string, unknown>;

/** jsonld.js's test for an absolute IRI or blank node identifier (the `+-.` is a range there too). */
const ABSOLUTE_IRI = /^([A-Za-z][A-Za-z0-9+-.]*|_):[^\s]*$/;
export const isAbsoluteIri = (value: string): boolean => ABSOLUTE_IRI.test(value);

export const REGEX_KEYWORD = /^@[a-zA-Z]+$/;
export const REGEX_BCP47 = /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/;

const KEYWORDS = new Set([
  '@base',
  '@container',
  '@context',
  '@default',
  '@direction',
  '@embed',
  '@explicit',
  '@graph',
  '@id',
  '@included',
  '@index',
  '@json',
  '@language',
  '@list',
  '@nest',
  '@none',
  '@omitDefault',
  '@prefix',
  '@preserve',
  '@protected',
  '@requireAll',
  '@reverse',
  '@set',
  '@type',
  '@value',
  '@version',
  '@vocab',
]);
export const isKeyword = (value: string): boolean => value.startsWith('@') && KEYWORDS.has(value);

const isObject = (value: unknown): value is ExpandedNode =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * jsonld.js `compareValues`: equal scalars, value objects equal in @value, @type, @language and
 * @index (not @direction), or nodes with the same @id. A JSON literal's object value equals
 * nothing else, as the reference compares its own fresh copies by identity.
 */
export function compareValues(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isObject(a) && isObject(b)) {
    if ('@value' in a && '@value' in b) {
      if (
        a['@value'] === b['@value'] &&
        a['@type'] === b['@type'] &&
        a['@language'] === b['@language'] &&
        a['@index'] === b['@index']
      )
        return true;
    }
    if ('@id' in a && '@id' in b) return a['@id'] === b['@id'];
  }
  return false;
}

function hasValue(subject: ExpandedNode, property: string, value: unknown): boolean {
  const current = subject[property];
  if (Array.isArray(current) && current.length === 0) return false;
  if (Array.isArray(current) || (isObject(current) && '@list' in current)) {
    const items = Array.isArray(current) ? current : (current['@list'] as unknown[]);
    return items.some((item) => compareValues(value, item));
  }
  return !Array.isArray(value) && compareValues(value, current);
}

/** jsonld.js `addValue` (arrays are added item by item; an empty array still creates the property). */
export function addValue(
  subject: ExpandedNode,
  property: string,
  value: unknown,
  propertyIsArray: boolean,
  allowDuplicate: boolean,
): void {
  if (Array.isArray(value)) {
    if (value.length === 0 && propertyIsArray && !Object.hasOwn(subject, property)) subject[property] = [];
    for (const item of value) addValue(subject, property, item, propertyIsArray, allowDuplicate);
  } else if (Object.hasOwn(subject, property)) {
    const isPresent = !allowDuplicate && hasValue(subject, property, value);
    if (!Array.isArray(subject[property]) && (!isPresent || propertyIsArray)) subject[property] = [subject[property]];
    if (!isPresent) (subject[property] as unknown[]).push(value);
  } else {
    subject[property] = propertyIsArray ? [value] : value;
  }
}
