import { addMonths } from 'date-fns';

/** Seconds precision, as the credentials Cairn issues write their dates. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * When a credential valid for `months` from `issuedAt` expires: the same UTC time of day,
 * calendar months later, clamped to the end of a shorter month (31 January + 1 month is 28 or
 * 29 February, never 3 March). date-fns counts in local time, so it is given the UTC calendar
 * day at local midnight: the answer is the same whatever time zone the server runs in.
 */
export function validUntil(issuedAt: Date, months: number): string {
  return isoSeconds(addMonthsUtc(issuedAt, months));
}

/** `months` calendar months after `date` in UTC, same time of day, clamped to a shorter month's last day. */
export function addMonthsUtc(date: Date, months: number): Date {
  const day = addMonths(new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()), months);
  const until = new Date(Date.UTC(day.getFullYear(), day.getMonth(), day.getDate()));
  until.setUTCHours(date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds());
  return until;
}
