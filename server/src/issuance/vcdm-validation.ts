import { CONTEXT_URLS, type JsonObject, type JsonValue } from '@cairn/credentials';
import type { FieldError } from '../http/app-error.js';

/**
 * The W3C VC Data Model 2.0 rules a credential sent for issuance must already meet: Cairn fills
 * what is absent (see docs/api-issuance.md) but never repairs what is malformed. Pure; returns
 * every problem, each naming its field (`credential.issuer`, `credential.credentialSchema[0].type`).
 */
export type VcdmCheckOptions = {
  /**
   * Cairn's own issuing route lets `@context` and `type` be left out (it fills the Open Badges
   * ones); the VC-API requires both, as the data model does.
   */
  isContextAndTypeRequired: boolean;
};

// XSD dateTimeStamp: a date-time with a time zone.
const DATE_TIME_STAMP =
  /^-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))$/;
// A URL in the RFC 3986 sense: a scheme, then something (https://…, did:…, urn:uuid:…).
const URL_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isUrl(value: JsonValue | undefined): value is string {
  if (typeof value !== 'string' || !URL_SCHEME.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** A string, a language value object ({"@value", "@language"?, "@direction"?}), or an array of those. */
function checkLanguageString(value: JsonValue, field: string, problems: FieldError[]) {
  const items = Array.isArray(value) ? value : [value];
  if (Array.isArray(value) && value.length === 0)
    problems.push({ field, message: 'Give a string, or one or more language value objects.' });
  items.forEach((item, i) => {
    const at = Array.isArray(value) ? `${field}[${i}]` : field;
    if (typeof item === 'string') return;
    if (!isObject(item) || typeof item['@value'] !== 'string') {
      problems.push({
        field: at,
        message: 'Use a string, or a language value object such as {"@value": "Diploma", "@language": "en"}.',
      });
      return;
    }
    const extra = Object.keys(item).filter((k) => !['@value', '@language', '@direction'].includes(k));
    if (extra.length > 0)
      problems.push({
        field: at,
        message: `A language value object holds only @value, @language and @direction; remove ${extra.join(', ')}.`,
      });
    if (item['@language'] !== undefined && typeof item['@language'] !== 'string')
      problems.push({ field: `${at}.@language`, message: 'Use a language tag such as "en".' });
    if (item['@direction'] !== undefined && item['@direction'] !== 'ltr' && item['@direction'] !== 'rtl')
      problems.push({ field: `${at}.@direction`, message: 'Use "ltr" or "rtl".' });
  });
}

function checkTypeValue(value: JsonValue | undefined, field: string, problems: FieldError[]) {
  const isStringArray =
    Array.isArray(value) && value.length > 0 && value.every((t) => typeof t === 'string' && t !== '');
  if (!(typeof value === 'string' && value !== '') && !isStringArray) {
    problems.push({ field, message: 'Give type as a string or a non-empty array of strings.' });
  }
}

/** Entries of credentialSchema, credentialStatus, evidence, termsOfUse, refreshService: objects with a type (and an id where the data model requires one). */
function checkTypedEntries(
  value: JsonValue,
  field: string,
  problems: FieldError[],
  options: { isIdRequired: boolean },
) {
  const entries = Array.isArray(value) ? value : [value];
  if (Array.isArray(value) && value.length === 0)
    problems.push({ field, message: 'Leave it out, or give one or more objects.' });
  entries.forEach((entry, i) => {
    const at = Array.isArray(value) ? `${field}[${i}]` : field;
    if (!isObject(entry)) {
      problems.push({ field: at, message: 'Each entry is an object with a type.' });
      return;
    }
    if (entry.type === undefined) problems.push({ field: `${at}.type`, message: 'Each entry needs a type.' });
    else checkTypeValue(entry.type, `${at}.type`, problems);
    if (options.isIdRequired && !isUrl(entry.id))
      problems.push({ field: `${at}.id`, message: 'Each entry needs an id that is a URL.' });
    else if (entry.id !== undefined && !isUrl(entry.id))
      problems.push({ field: `${at}.id`, message: 'An id is a URL.' });
  });
}

/**
 * Checks a credential sent for issuance against the VC Data Model 2.0. An empty array means it
 * may be issued (signing and, for Open Badges, the 1EdTech schema check still follow).
 */
export function checkVcdmCredential(input: JsonObject, options: VcdmCheckOptions): FieldError[] {
  const problems: FieldError[] = [];
  const context = input['@context'];
  if (context !== undefined || options.isContextAndTypeRequired) {
    if (!Array.isArray(context) || context[0] !== CONTEXT_URLS.credentialsV2) {
      problems.push({
        field: 'credential.@context',
        message: `Give @context as an array whose first item is ${CONTEXT_URLS.credentialsV2}.`,
      });
    } else {
      context.forEach((c, i) => {
        if (typeof c !== 'string' && !isObject(c))
          problems.push({ field: `credential.@context[${i}]`, message: 'Each context is a URL or an object.' });
      });
    }
  }

  const type = input.type;
  if (type !== undefined || options.isContextAndTypeRequired) {
    if (type === undefined)
      problems.push({ field: 'credential.type', message: 'Give type, including "VerifiableCredential".' });
    else {
      checkTypeValue(type, 'credential.type', problems);
      const types = Array.isArray(type) ? type : [type];
      // Cairn's own route adds VerifiableCredential when absent; the VC-API wants it sent.
      if (
        options.isContextAndTypeRequired &&
        (typeof type === 'string' || (Array.isArray(type) && types.every((t) => typeof t === 'string'))) &&
        !types.includes('VerifiableCredential')
      ) {
        problems.push({ field: 'credential.type', message: 'type must include "VerifiableCredential".' });
      }
    }
  }

  if ('id' in input && !isUrl(input.id))
    problems.push({
      field: 'credential.id',
      message: 'Leave id out (Cairn gives one) or make it a URL, such as urn:uuid:… or https://….',
    });

  if ('issuer' in input) {
    const issuer = input.issuer;
    if (isObject(issuer)) {
      if (!isUrl(issuer.id))
        problems.push({
          field: 'credential.issuer.id',
          message: 'An issuer object needs an id that is a URL (the organisation’s DID).',
        });
      if (issuer.name !== undefined) checkLanguageString(issuer.name, 'credential.issuer.name', problems);
      if (issuer.description !== undefined)
        checkLanguageString(issuer.description, 'credential.issuer.description', problems);
      if (issuer.type !== undefined) checkTypeValue(issuer.type, 'credential.issuer.type', problems);
    } else if (!isUrl(issuer)) {
      problems.push({
        field: 'credential.issuer',
        message: 'Leave issuer out (Cairn sets it), or give the organisation’s DID as a string or as {"id": …}.',
      });
    }
  }

  const subject = input.credentialSubject;
  const subjects = Array.isArray(subject) ? subject : [subject];
  if (subject === undefined || (Array.isArray(subject) && subject.length === 0)) {
    problems.push({
      field: 'credential.credentialSubject',
      message:
        'Give credentialSubject: an object (or a non-empty array of objects) describing who or what the claims are about.',
    });
  } else {
    subjects.forEach((s, i) => {
      const at = Array.isArray(subject) ? `credential.credentialSubject[${i}]` : 'credential.credentialSubject';
      if (!isObject(s)) problems.push({ field: at, message: 'A credential subject is an object.' });
      else if (Object.keys(s).length === 0)
        problems.push({ field: at, message: 'A credential subject holds at least one claim (an id or a property).' });
      else if (s.id !== undefined && !isUrl(s.id))
        problems.push({ field: `${at}.id`, message: 'A subject id is a URL, such as a DID.' });
    });
  }

  for (const field of ['validFrom', 'validUntil'] as const) {
    const value = input[field];
    if (
      value !== undefined &&
      (typeof value !== 'string' || !DATE_TIME_STAMP.test(value) || Number.isNaN(Date.parse(value)))
    ) {
      problems.push({
        field: `credential.${field}`,
        message: 'Use an XML Schema dateTimeStamp with a time zone, such as 2026-01-31T00:00:00Z.',
      });
    }
  }
  if (
    typeof input.validFrom === 'string' &&
    typeof input.validUntil === 'string' &&
    Date.parse(input.validUntil) <= Date.parse(input.validFrom)
  ) {
    problems.push({ field: 'credential.validUntil', message: 'validUntil must be after validFrom.' });
  }

  const typed: [string, boolean][] = [
    ['credentialSchema', true],
    ['credentialStatus', false],
    ['evidence', false],
    ['termsOfUse', false],
    ['refreshService', false],
  ];
  for (const [field, isIdRequired] of typed) {
    const value = input[field];
    if (value !== undefined) checkTypedEntries(value, `credential.${field}`, problems, { isIdRequired });
  }

  for (const field of ['name', 'description'] as const) {
    const value = input[field];
    if (value !== undefined) checkLanguageString(value, `credential.${field}`, problems);
  }
  return problems;
}
