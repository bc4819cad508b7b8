import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsv } from './bulk-input.js';
import { checkHeader, checkRow, checkRows, parseDate, type ResultColumn } from './bulk-rows.js';

const results: ResultColumn[] = [
  {
    id: 'https://c.test/achievements/v#result-overall',
    name: 'Overall score',
    resultType: 'Percent',
    valueMin: 0,
    valueMax: 100,
  },
  {
    id: 'https://c.test/achievements/v#result-m1',
    name: 'Quiz: Basics',
    resultType: 'Percent',
    valueMin: 0,
    valueMax: 100,
  },
];
const now = new Date('2026-12-01T00:00:00Z');
const text = fc.string({ maxLength: 40 }).filter((s) => /^[\p{L}\p{N} .,'"\n-]*$/u.test(s));
const day = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
// Addresses as people have them (fast-check's RFC 5321 addresses include forms no form accepts).
const emailAddress = () =>
  fc
    .tuple(
      fc.stringMatching(/^[a-z0-9]{1,10}([._+-][a-z0-9]{1,5})?$/),
      fc.stringMatching(/^[a-z0-9]{1,10}\.[a-z]{2,6}$/),
    )
    .map(([local, domain]) => `${local}@${domain}`);
const cell = (s: string) => `"${s.replaceAll('"', '""')}"`;

describe('bulk row validation (property-based)', () => {
  it('accepts every well-formed row, keyed by its external_id or else a stable hash', () => {
    fc.assert(
      fc.property(
        emailAddress(),
        text,
        fc.option(fc.stringMatching(/^[A-Za-z0-9-]{1,30}$/), { nil: undefined }),
        fc.integer({ min: 0, max: 100 }),
        day,
        (email, name, externalId, score, issued) => {
          const cells = {
            email: ` ${email.toUpperCase()} `,
            name,
            external_id: externalId ?? '',
            score: String(score),
            issued_on: issued,
          };
          const row = checkRow(7, cells, results, now);
          expect(row.ok).toBe(true);
          if (!row.ok) return;
          expect(row.data.email).toBe(email.toLowerCase());
          expect(row.key).toBe(externalId ? `ext:${externalId}` : checkRow(8, cells, results, now).key);
          expect(row.data.results).toEqual([{ resultDescription: results[0]!.id, value: String(score) }]);
        },
      ),
    );
  });

  it('never throws on arbitrary cells, and every problem names the row’s line and a known column', () => {
    const columns = [
      'email',
      'name',
      'issued_on',
      'expires_on',
      'evidence_url',
      'external_id',
      'score',
      'quiz: basics',
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 200_000 }),
        fc.dictionary(fc.constantFrom(...columns), fc.string({ maxLength: 300 })),
        (line, cells) => {
          const row = checkRow(line, cells, results, now);
          if (!row.ok)
            for (const e of row.errors) {
              expect(e.line).toBe(line);
              expect(columns).toContain(e.column?.toLowerCase());
            }
        },
      ),
    );
  });

  it('flags a repeated external_id on its own line, pointing at the first', () => {
    fc.assert(
      fc.property(fc.uniqueArray(emailAddress(), { minLength: 2, maxLength: 6 }), (emails) => {
        const rows = checkRows(
          emails.map((email, i) => ({ line: i + 2, cells: { email, external_id: 'same' } })),
          results,
          now,
        );
        expect(rows[0]!.ok).toBe(true);
        for (const r of rows.slice(1))
          expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual(['external_id “same” is already used on line 2.']);
      }),
    );
  });

  it('reads back any quoted CSV with the line each record ends on', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 20 }), (records) => {
        const csv = ['email,name', ...records.map(([a, b]) => `${cell(a)},${cell(b)}`)].join('\r\n');
        const read = readCsv(csv);
        expect(read.errors).toEqual([]);
        expect(read.records.map((r) => [r.cells.email, r.cells.name])).toEqual(records);
        let line = 1;
        expect(read.records.map((r) => r.line)).toEqual(
          records.map(([a, b]) => (line += 1 + (a.match(/\n/g)?.length ?? 0) + (b.match(/\n/g)?.length ?? 0))),
        );
      }),
    );
  });

  it('refuses dates that do not exist and unknown or clashing columns', () => {
    expect(parseDate('2026-02-30')).toBeUndefined();
    expect(parseDate('2026-02-28')).toBe('2026-02-28T00:00:00Z');
    expect(checkHeader(['email', 'colour', 'score', 'Overall score'], results).map((e) => e.column)).toEqual([
      'colour',
      'score',
    ]);
    expect(checkHeader(['name'], results).map((e) => e.column)).toEqual(['email']);
  });
});
