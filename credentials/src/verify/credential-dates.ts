// The validity-period checks of a credential: already valid, not expired.
import type { JsonObject } from '../util/json.js';
import { isVc11 } from './credential-format.js';
import type { Context, Report } from './credential-report.js';
import type { SignedFacts } from './signed-meaning.js';

export const formatDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export type DateFact = { name: string; value: string | undefined };

/**
 * VC 2.0 dates are validFrom/validUntil. A VC 1.1 credential's are issuanceDate (required) and
 * expirationDate; should its signed meaning also carry validFrom/validUntil, those must hold too.
 */
export function checkDates(credential: JsonObject, facts: SignedFacts, { report, now }: Context): void {
  const isVersion11 = isVc11(credential);
  const starts: DateFact[] = isVersion11
    ? [
        { name: 'issuanceDate', value: facts.issuanceDate },
        ...(facts.validFrom === undefined ? [] : [{ name: 'validFrom', value: facts.validFrom }]),
      ]
    : // VC 2.0 makes validFrom optional (Open Badges 3.0 requires it: its schema check says so).
      facts.validFrom === undefined
      ? []
      : [{ name: 'validFrom', value: facts.validFrom }];
  const ends: DateFact[] = isVersion11
    ? [facts.expirationDate, facts.validUntil].flatMap((value, i) =>
        value === undefined ? [] : [{ name: i === 0 ? 'expirationDate' : 'validUntil', value }],
      )
    : facts.validUntil === undefined
      ? []
      : [{ name: 'validUntil', value: facts.validUntil }];
  checkStart(starts, report, now);
  checkEnd(ends, report, now);
}

export function checkStart(starts: DateFact[], report: Report, now: Date): void {
  if (starts.length === 0) {
    report.add(
      'validFrom',
      'Already valid',
      'passed',
      'It names no start date, so it is valid from when it was issued',
    );
    return;
  }
  let latest = Number.NEGATIVE_INFINITY;
  for (const { name, value } of starts) {
    const from = value === undefined ? Number.NaN : Date.parse(value);
    if (Number.isNaN(from)) {
      report.add('validFrom', 'Valid from a known date', 'failed', `The credential has no valid issue date (${name})`);
      return;
    }
    latest = Math.max(latest, from);
  }
  if (latest > now.getTime())
    report.add('validFrom', 'Already valid', 'failed', `Not valid until ${formatDate(latest)}`);
  else report.add('validFrom', 'Already valid', 'passed', `Valid since ${formatDate(latest)}`);
}

export function checkEnd(ends: DateFact[], report: Report, now: Date): void {
  if (ends.length === 0) {
    report.add('validUntil', 'Not expired', 'passed', 'Does not expire');
    return;
  }
  let earliest = Number.POSITIVE_INFINITY;
  for (const { name, value } of ends) {
    const until = Date.parse(value ?? '');
    if (Number.isNaN(until)) {
      report.add('validUntil', 'Not expired', 'failed', `The expiry date (${name}) is not a date`);
      return;
    }
    earliest = Math.min(earliest, until);
  }
  if (earliest < now.getTime()) report.add('validUntil', 'Not expired', 'failed', `Expired on ${formatDate(earliest)}`);
  else report.add('validUntil', 'Not expired', 'passed', `Valid until ${formatDate(earliest)}`);
}
