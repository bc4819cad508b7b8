import { Buffer } from 'node:buffer';
import { ZipFile } from 'yazl';
import type { Actor, Deps } from '../../deps.js';
import { AppError } from '../../http/app-error.js';
import { requireUser } from '../../orgs/orgs.service.js';
import { periodTotals } from '../cpd-record.js';
import * as store from '../stores/cpd.store.js';
import { syncWalletCpd } from './record-credential-cpd.js';

const csvCell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  // Quote everything; a leading = + - @ would run as a formula in a spreadsheet.
  return `"${(/^[=+\-@\t\r]/.test(s) ? `'${s}` : s).replaceAll('"', '""')}"`;
};

const safeName = (name: string) => name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 100);

export const MAX_AUDIT_DAYS = 3 * 366;

/**
 * The CPD audit pack for [from, to]: `summary.pdf`, `entries.csv`, every evidence file, and
 * each credential's signed document with a README naming where it verifies. Totals use the
 * learner's scheme (caps apply over the whole range; carry-over is a per-period rule and is
 * left out here).
 */
export async function buildAuditPack(deps: Deps, actor: Actor, range: { from: string; to: string }) {
  const user = requireUser(actor);
  if (range.from > range.to)
    throw new AppError('validation_failed', 'The range ends before it starts.', {
      fields: [{ field: 'to', message: 'Give a date on or after from' }],
    });
  if ((Date.parse(range.to) - Date.parse(range.from)) / 86_400_000 > MAX_AUDIT_DAYS)
    throw new AppError('validation_failed', 'Ask for at most three years at a time.', {
      fields: [{ field: 'to', message: 'At most three years after from' }],
    });
  await syncWalletCpd(deps, user.userId);
  const learner = await store.learnerOf(deps.db, user.userId);
  const scheme = await store.findScheme(deps.db, user.userId);
  const entries = await store.listEntries(deps.db, user.userId, range.from, range.to);
  const totals = periodTotals(
    scheme ?? {
      preset: null,
      name: '',
      body: '',
      unit: 'hours',
      target: 0,
      periodStartMonth: 1,
      caps: { structured: null, 'self-directed': null },
      carryOverMax: 0,
    },
    entries,
    [],
  );
  const generatedAt = deps.clock();
  const zip = new ZipFile();
  const mtime = generatedAt;
  const add = (bytes: Uint8Array | string, path: string) =>
    zip.addBuffer(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes), path, { mtime });

  const header = [
    'id',
    'date',
    'title',
    'hours',
    'category',
    'source',
    'credential',
    'evidence',
    'learned',
    'application',
  ];
  const lines = [header.map(csvCell).join(',')];
  for (const e of entries) {
    const evidence = e.evidenceFileName ? `evidence/${e.id}-${safeName(e.evidenceFileName)}` : (e.evidenceLink ?? '');
    const credential = e.credentialId ?? e.walletCredentialId;
    lines.push(
      [
        e.id,
        e.date,
        e.title,
        e.hours,
        e.category,
        e.source,
        credential ? `credentials/${credential}.json` : '',
        evidence,
        e.learned,
        e.application,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  add(`${lines.join('\r\n')}\r\n`, 'entries.csv');

  // pdf-lib loads with the first PDF, not with the server.
  const { auditPackPdf } = await import('../audit-pack-pdf.js');
  add(
    await auditPackPdf({
      learnerName: learner?.name ?? '',
      learnerEmail: learner?.email ?? '',
      scheme,
      from: range.from,
      to: range.to,
      totals,
      entries,
      generatedAt,
    }),
    'summary.pdf',
  );

  const files = await store.evidenceFiles(
    deps.db,
    user.userId,
    entries.flatMap((e) => (e.evidenceFileId ? [e.evidenceFileId] : [])),
  );
  for (const e of entries) {
    const f = files.find((x) => x.id === e.evidenceFileId);
    if (f) add(f.bytes, `evidence/${e.id}-${safeName(f.filename)}`);
  }

  const docs = await store.credentialDocuments(
    deps.db,
    user.userId,
    entries.flatMap((e) => (e.credentialId ? [e.credentialId] : [])),
    entries.flatMap((e) => (e.walletCredentialId ? [e.walletCredentialId] : [])),
  );
  const verifyAt = new URL('/verify', deps.publicUrl).toString();
  const readme = [
    'Credentials in this pack',
    '',
    `Each file is the credential exactly as signed. Verify one by uploading it at ${verifyAt}`,
    `or by POSTing it to ${new URL('/credentials/verify', deps.publicUrl).toString()}.`,
    '',
  ];
  for (const c of [...docs.issued, ...docs.wallet]) {
    const isJwt = c.format === 'jwt';
    add(
      isJwt ? c.document : JSON.stringify(JSON.parse(c.document), null, 2),
      `credentials/${c.id}.${isJwt ? 'jwt' : 'json'}`,
    );
    readme.push(`credentials/${c.id}.${isJwt ? 'jwt' : 'json'}: ${c.credential_id ?? 'no id'} (verify at ${verifyAt})`);
  }
  add(`${readme.join('\n')}\n`, 'credentials/README.txt');
  zip.end();
  return { stream: zip.outputStream, filename: `cpd-audit-pack-${range.from}-to-${range.to}.zip` };
}
