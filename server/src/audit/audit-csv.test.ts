import { describe, expect, it } from 'vitest';
import { auditCsvLines, csvCell } from './audit-csv.js';
import type { AuditEntry } from './audit-log.service.js';

describe('csvCell', () => {
  it('quotes every cell and doubles quotes', () => {
    expect(csvCell('Ada')).toBe('"Ada"');
    expect(csvCell('say "hi", then leave')).toBe('"say ""hi"", then leave"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(undefined)).toBe('""');
  });

  it('makes cells a spreadsheet would run as formulas plain text', () => {
    for (const formula of ['=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1'])
      expect(csvCell(formula)).toBe(`"'${formula}"`);
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('a=1')).toBe('"a=1"');
  });
});

describe('auditCsvLines', () => {
  it('writes a header with a byte order mark, then one CRLF row per entry', async () => {
    async function* entries(): AsyncGenerator<AuditEntry> {
      yield {
        id: 'e1',
        type: 'member.added',
        occurredAt: new Date('2026-12-07T10:00:00Z'),
        actor: { kind: 'user', userId: 'u1', name: 'Zoë', email: 'zoe@example.org' },
        summary: 'Zoë joined as admin',
        data: { role: 'admin' },
      };
    }
    const lines: string[] = [];
    for await (const line of auditCsvLines(entries())) lines.push(line);
    expect(lines).toEqual([
      '\uFEFF"occurredAt","type","summary","actorKind","actorName","actorEmail","apiKeyName","reason","eventId","data"\r\n',
      '"2026-12-07T10:00:00.000Z","member.added","Zoë joined as admin","user","Zoë","zoe@example.org","","","e1","{""role"":""admin""}"\r\n',
    ]);
  });
});
