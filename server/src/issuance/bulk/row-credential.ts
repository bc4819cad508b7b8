import type { JsonObject } from '@cairn/credentials';
import { validUntil as validUntilAfter } from '../../learning/credential-validity.js';
import type { RowData } from './bulk-rows.js';

/**
 * The unsigned credential a bulk row asks for, shaped as a completion issues it: the
 * micro-credential's Achievement, the row's results against its result descriptions, its
 * evidence link and dates. Expiry defaults to the version's validity from the issue date.
 */
export function rowCredential(options: {
  achievement: JsonObject;
  validityMonths: number | null;
  row: RowData;
  now: Date;
}): JsonObject {
  const { achievement, row } = options;
  const validFrom = row.issuedOn;
  const validUntil =
    row.expiresOn ??
    (options.validityMonths
      ? validUntilAfter(validFrom ? new Date(validFrom) : options.now, options.validityMonths)
      : undefined);
  const result = row.results.map((r) => ({
    type: ['Result'],
    resultDescription: r.resultDescription,
    value: r.value,
    status: 'Completed',
  }));
  return {
    name: typeof achievement.name === 'string' ? achievement.name : 'Micro-credential',
    ...(validFrom ? { validFrom } : {}),
    ...(validUntil ? { validUntil } : {}),
    credentialSubject: {
      type: ['AchievementSubject'],
      achievement,
      ...(result.length > 0 ? { result } : {}),
    },
    ...(row.evidenceUrl ? { evidence: [{ id: row.evidenceUrl, type: ['Evidence'], name: 'Evidence' }] } : {}),
  };
}
