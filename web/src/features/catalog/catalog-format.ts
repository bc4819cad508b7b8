import type { Cost, LearningFormat } from '../../api/types';

export const FORMAT_OPTIONS: { value: LearningFormat; label: string }[] = [
  { value: 'self_paced', label: 'Self-paced online' },
  { value: 'cohort', label: 'Cohort' },
  { value: 'blended', label: 'Blended' },
];

export const formatLabel = (format: LearningFormat | null | undefined): string =>
  FORMAT_OPTIONS.find((f) => f.value === format)?.label ?? 'Format not set';

export const LEVELS = [1, 2, 3, 4, 5, 6, 7, 8] as const;

export const levelLabel = (level: number | null | undefined): string =>
  level ? `EQF level ${level}` : 'Level not set';

/** Digits after the decimal point of a currency (2 for EUR, 0 for JPY). */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** "Free" or the price in its currency, e.g. "€49.00". */
export function costLabel(cost: Cost): string {
  if (!cost) return 'Free';
  const digits = minorDigits(cost.currency);
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: cost.currency }).format(
      cost.amountMinor / 10 ** digits,
    );
  } catch {
    return `${(cost.amountMinor / 10 ** digits).toFixed(digits)} ${cost.currency}`;
  }
}

export const toMinor = (major: number, currency: string): number => Math.round(major * 10 ** minorDigits(currency));
export const toMajor = (minor: number, currency: string): number => minor / 10 ** minorDigits(currency);

export const hoursLabel = (hours: number): string => `${Number.isInteger(hours) ? hours : hours.toFixed(1)} h`;

export function minutesLabel(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}

/** A language tag as a name where the browser knows it ("en" → "English"). */
export function languageLabel(tag: string | null | undefined): string {
  if (!tag) return 'Language not set';
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

export const programmePath = (providerSlug: string, slug: string) =>
  `/catalog/${encodeURIComponent(providerSlug)}/${encodeURIComponent(slug)}`;
