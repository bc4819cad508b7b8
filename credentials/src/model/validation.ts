import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { CONTEXT_URLS } from '../contexts/context-urls.js';
import { asArray, idOf, isJsonObject, typesOf, type JsonObject } from '../util/json.js';

/** One problem, with a path a person can follow (`credentialSubject.achievement.name`). */
export type ValidationIssue = { path: string; message: string };
export type ValidationResult = { valid: boolean; errors: ValidationIssue[] };

// ajv and ajv-formats are CommonJS: loading them through require keeps their types honest.
const require = createRequire(import.meta.url);
let schemaValidator: ValidateFunction | undefined;

// Compiled on first use only: compiling the 1EdTech schema takes tens of milliseconds.
function achievementSchema(): ValidateFunction {
  if (!schemaValidator) {
    const Ajv2019 = (require('ajv/dist/2019') as { default: typeof import('ajv/dist/2019.js').default }).default;
    const addFormats = (require('ajv-formats') as { default: (ajv: InstanceType<typeof Ajv2019>) => unknown }).default;
    const ajv = new Ajv2019({ allErrors: true, strict: false });
    addFormats(ajv);
    const schema = JSON.parse(
      readFileSync(new URL('../../schemas/ob3-achievementcredential-schema-jsonld.json', import.meta.url), 'utf8'),
    ) as object;
    schemaValidator = ajv.compile(schema);
  }
  return schemaValidator;
}

/** `/a/0/b` → `a[0].b`; the root is `(credential)`. */
export function readablePath(pointer: string, extra?: string): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extra) parts.push(extra);
  let out = '';
  for (const part of parts) out += /^\d+$/.test(part) ? `[${part}]` : out === '' ? part : `.${part}`;
  return out === '' ? '(credential)' : out;
}

function fromAjv(errors: ErrorObject[] | null | undefined): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors ?? []) {
    // Branch failures of anyOf/oneOf repeat what the branches said: keep the specific ones.
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf' || error.keyword === 'if') continue;
    const missing =
      error.keyword === 'required' ? String((error.params as { missingProperty?: string }).missingProperty) : undefined;
    const path = readablePath(error.instancePath, missing);
    const message = missing ? 'is required' : (error.message ?? 'is invalid');
    const key = `${path} ${message}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push({ path, message });
    }
  }
  return issues;
}

const result = (errors: ValidationIssue[]): ValidationResult => ({ valid: errors.length === 0, errors });

/** Rules every VC 2.0 credential Cairn handles must follow (context first, types, issuer, dates). */
function checkCommon(doc: JsonObject, issues: ValidationIssue[], requiredContexts: string[]): void {
  const context = asArray(doc['@context']);
  if (context[0] !== CONTEXT_URLS.credentialsV2) {
    issues.push({ path: '@context[0]', message: `must be ${CONTEXT_URLS.credentialsV2}` });
  }
  for (const url of requiredContexts) {
    if (!context.includes(url)) issues.push({ path: '@context', message: `must include ${url}` });
  }
  if (!typesOf(doc).includes('VerifiableCredential'))
    issues.push({ path: 'type', message: 'must include VerifiableCredential' });
  if (typeof doc.id !== 'string') issues.push({ path: 'id', message: 'is required' });
  const issuer = doc.issuer;
  if (!idOf(issuer)) issues.push({ path: 'issuer.id', message: 'is required' });
  if (isJsonObject(issuer) && !typesOf(issuer).includes('Profile'))
    issues.push({ path: 'issuer.type', message: 'must include Profile' });
  if (typeof issuer === 'string') issues.push({ path: 'issuer', message: 'must be a Profile object with id and type' });
  for (const field of ['validFrom', 'validUntil'] as const) {
    const value = doc[field];
    if (value === undefined && field === 'validUntil') continue;
    if (typeof value !== 'string' || Number.isNaN(Date.parse(value)))
      issues.push({ path: field, message: 'must be a date-time' });
  }
  if (!isJsonObject(doc.credentialSubject)) issues.push({ path: 'credentialSubject', message: 'must be an object' });
}

/**
 * Validates an OpenBadgeCredential / AchievementCredential against the 1EdTech JSON schema and
 * the OB 3.0 rules the schema does not express (context order, subject identity).
 */
export function validateAchievementCredential(doc: unknown): ValidationResult {
  if (!isJsonObject(doc)) return result([{ path: '(credential)', message: 'must be a JSON object' }]);
  const validate = achievementSchema();
  const issues = validate(doc) ? [] : fromAjv(validate.errors);
  const context = asArray(doc['@context']);
  if (context[1] !== CONTEXT_URLS.openBadgesV3 && context[1] !== CONTEXT_URLS.clrV2) {
    issues.push({ path: '@context[1]', message: `must be ${CONTEXT_URLS.openBadgesV3}` });
  }
  checkCommon(doc, issues, [CONTEXT_URLS.openBadgesV3]);
  const types = typesOf(doc);
  if (!types.includes('OpenBadgeCredential') && !types.includes('AchievementCredential')) {
    issues.push({ path: 'type', message: 'must include OpenBadgeCredential or AchievementCredential' });
  }
  const subject = doc.credentialSubject;
  if (isJsonObject(subject)) {
    if (!typesOf(subject).includes('AchievementSubject'))
      issues.push({ path: 'credentialSubject.type', message: 'must include AchievementSubject' });
    if (typeof subject.id !== 'string' && asArray(subject.identifier).length === 0) {
      issues.push({ path: 'credentialSubject', message: 'needs an id or at least one identifier' });
    }
    const achievement = subject.achievement;
    if (isJsonObject(achievement)) {
      if (!typesOf(achievement).includes('Achievement'))
        issues.push({ path: 'credentialSubject.achievement.type', message: 'must include Achievement' });
      const criteria = achievement.criteria;
      if (isJsonObject(criteria) && typeof criteria.narrative !== 'string' && typeof criteria.id !== 'string') {
        issues.push({ path: 'credentialSubject.achievement.criteria', message: 'needs a narrative or an id' });
      }
    }
  }
  return result(dedupe(issues));
}

/** Structural rules for an EndorsementCredential (OB 3.0 §B.1.4); the schema file is not bundled. */
export function validateEndorsementCredential(doc: unknown): ValidationResult {
  if (!isJsonObject(doc)) return result([{ path: '(credential)', message: 'must be a JSON object' }]);
  const issues: ValidationIssue[] = [];
  checkCommon(doc, issues, [CONTEXT_URLS.openBadgesV3]);
  if (!typesOf(doc).includes('EndorsementCredential'))
    issues.push({ path: 'type', message: 'must include EndorsementCredential' });
  if (typeof doc.name !== 'string' || doc.name === '') issues.push({ path: 'name', message: 'is required' });
  const subject = doc.credentialSubject;
  if (isJsonObject(subject)) {
    if (!typesOf(subject).includes('EndorsementSubject'))
      issues.push({ path: 'credentialSubject.type', message: 'must include EndorsementSubject' });
    if (typeof subject.id !== 'string')
      issues.push({ path: 'credentialSubject.id', message: 'is required (what is endorsed)' });
    if (subject.endorsementComment !== undefined && typeof subject.endorsementComment !== 'string') {
      issues.push({ path: 'credentialSubject.endorsementComment', message: 'must be a string' });
    }
  }
  return result(dedupe(issues));
}

const ASSOCIATION_TYPES = new Set([
  'exactMatchOf',
  'isChildOf',
  'isParentOf',
  'isPartOf',
  'isPeerOf',
  'isRelatedTo',
  'precedes',
  'replacedBy',
]);

/**
 * Structural rules for a CLR 2.0 ClrCredential. There is no official schema for its final
 * VCDM 2.0 form, so this is our reading of the CLR 2.0 data model.
 */
export function validateClrCredential(doc: unknown): ValidationResult {
  if (!isJsonObject(doc)) return result([{ path: '(credential)', message: 'must be a JSON object' }]);
  const issues: ValidationIssue[] = [];
  checkCommon(doc, issues, [CONTEXT_URLS.clrV2]);
  if (!typesOf(doc).includes('ClrCredential')) issues.push({ path: 'type', message: 'must include ClrCredential' });
  if (typeof doc.name !== 'string' || doc.name === '') issues.push({ path: 'name', message: 'is required' });
  if (doc.partial !== undefined && typeof doc.partial !== 'boolean')
    issues.push({ path: 'partial', message: 'must be true or false' });
  const subject = doc.credentialSubject;
  if (isJsonObject(subject)) {
    if (!typesOf(subject).includes('ClrSubject'))
      issues.push({ path: 'credentialSubject.type', message: 'must include ClrSubject' });
    const embedded = subject.verifiableCredential;
    if (!Array.isArray(embedded) || embedded.length === 0) {
      issues.push({ path: 'credentialSubject.verifiableCredential', message: 'must list at least one credential' });
    } else {
      embedded.forEach((vc, i) => {
        if (!isJsonObject(vc) || !typesOf(vc).includes('VerifiableCredential')) {
          issues.push({
            path: `credentialSubject.verifiableCredential[${i}]`,
            message: 'must be a verifiable credential',
          });
        }
      });
    }
    asArray(subject.association).forEach((association, i) => {
      const path = `credentialSubject.association[${i}]`;
      if (!isJsonObject(association)) return issues.push({ path, message: 'must be an object' });
      if (typeof association.associationType !== 'string' || !ASSOCIATION_TYPES.has(association.associationType)) {
        issues.push({
          path: `${path}.associationType`,
          message: `must be one of ${[...ASSOCIATION_TYPES].join(', ')}`,
        });
      }
      for (const field of ['sourceId', 'targetId'] as const) {
        if (typeof association[field] !== 'string') issues.push({ path: `${path}.${field}`, message: 'is required' });
      }
    });
  }
  return result(dedupe(issues));
}

export type CredentialKind = 'achievement' | 'endorsement' | 'clr' | 'statusList' | 'other';

/** Which kind of credential a document claims to be, from its `type`. */
export function credentialKind(doc: unknown): CredentialKind {
  const types = typesOf(isJsonObject(doc) ? doc : undefined);
  if (types.includes('ClrCredential')) return 'clr';
  if (types.includes('EndorsementCredential')) return 'endorsement';
  if (types.includes('OpenBadgeCredential') || types.includes('AchievementCredential')) return 'achievement';
  if (types.includes('BitstringStatusListCredential')) return 'statusList';
  return 'other';
}

function dedupe(issues: ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path} ${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
