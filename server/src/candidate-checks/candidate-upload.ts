import { AppError, type FieldError } from '../http/app-error.js';
import { email as emailSchema } from '../http/schemas.js';
import { normaliseEmail } from '../identity/identity.service.js';
import { readCsv } from '../issuance/bulk/bulk-input.js';
import { MAX_UPLOAD_BYTES } from '../verification/credential-file.js';
import { readZipEntries } from './zip-entries.js';

/** Most credentials one check takes: files, ZIP entries and URLs together. */
export const MAX_CANDIDATE_ITEMS = 1000;
/** Largest request body (all files together, as sent). */
export const MAX_CANDIDATE_UPLOAD_BYTES = 32 * 1024 * 1024;
/** Largest single credential file (as the verify page takes). */
export const MAX_CANDIDATE_FILE_BYTES = MAX_UPLOAD_BYTES;
/** What all the files of one ZIP may inflate to. */
export const MAX_ZIP_INFLATED_BYTES = 64 * 1024 * 1024;

export type UploadedFile = { filename: string; bytes: Buffer; mimetype?: string };
export type UrlEntry = { url: string; email?: string | undefined };

/** What a person sent: files (credentials, ZIPs of them, CSVs of URLs) and URLs, with whose they should be. */
export type CandidateUpload = {
  files: UploadedFile[];
  urls: UrlEntry[];
  /** The candidate every credential must name, unless a file or row names its own. */
  candidateEmail?: string | undefined;
  /** Per file (or ZIP entry path): the candidate it must name. */
  emails?: Record<string, string> | undefined;
};

/** One credential to check, as stored. */
export type PlannedItem = {
  name: string;
  source: 'file' | 'url';
  content: Buffer | null;
  url: string | null;
  candidateEmail: string | null;
};

const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

function tooMany(count: number): AppError {
  return new AppError(
    'payload_too_large',
    `This upload holds ${count} or more credentials; one check takes at most ${MAX_CANDIDATE_ITEMS}. Split it into several checks. Nothing was queued.`,
    { fields: [{ field: 'files', message: `At most ${MAX_CANDIDATE_ITEMS} credentials` }] },
  );
}

function isCsv(file: UploadedFile): boolean {
  return /\.csv$/i.test(file.filename) || file.mimetype === 'text/csv';
}

function checkedEmail(raw: string | undefined, where: FieldError): string | null {
  const value = raw?.trim() ?? '';
  if (value === '') return null;
  const normal = normaliseEmail(value);
  if (!emailSchema.safeParse(normal).success)
    throw new AppError(
      'validation_failed',
      `“${value}” is not an email address${where.line ? ` (line ${where.line})` : ''}.`,
      {
        fields: [{ ...where, message: 'Not an email address' }],
      },
    );
  return normal;
}

function checkedUrl(raw: string, where: FieldError): string {
  const value = raw.trim();
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))
    throw new AppError(
      'validation_failed',
      `“${value.slice(0, 200)}” is not a credential URL (https://…)${where.line ? ` (line ${where.line})` : ''}.`,
      { fields: [{ ...where, message: 'Not an http(s) URL' }] },
    );
  return url.toString();
}

/**
 * A CSV of credential URLs: a header with `url` (and optionally `email`), or no header and one
 * URL per line (optionally `,email`). A bad URL or email refuses the file with its line number.
 */
export function readUrlCsv(text: string, fileName: string): UrlEntry[] {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const hasHeader = !/^\s*"?https?:/i.test(firstLine);
  const cells = firstLine.split(',').length;
  // Without a header, one is added (and lines shift back by one in what is reported).
  const source = hasHeader ? text : `${cells > 1 ? 'url,email' : 'url'}\n${text.replace(/^\uFEFF/, '')}`;
  const shift = hasHeader ? 0 : 1;
  const records = readCsv(source, MAX_CANDIDATE_ITEMS + 1);
  const problems = records.errors.filter((e) => !/header but no rows/.test(e.message));
  if (problems.length > 0) {
    const first = problems[0]!;
    if (/one job takes at most/.test(first.message)) throw tooMany(MAX_CANDIDATE_ITEMS + 1);
    throw new AppError('validation_failed', `${fileName}, line ${Math.max(1, first.line - shift)}: ${first.message}`, {
      fields: problems
        .slice(0, 50)
        .map((e) => ({ field: 'files', line: Math.max(1, e.line - shift), message: e.message })),
    });
  }
  const header = records.header.map((h) => h.toLowerCase());
  if (!header.includes('url'))
    throw new AppError('validation_failed', `${fileName}: the CSV needs a “url” column (and may have “email”).`, {
      fields: [{ field: 'files', line: 1, column: 'url', message: 'Missing url column' }],
    });
  return records.records.map(({ line, cells: row }) => {
    const where = { field: 'files', line: line - shift, message: '' };
    const mail = checkedEmail(row.email ?? row.candidate_email, { ...where, column: 'email' });
    return { url: checkedUrl(row.url ?? '', { ...where, column: 'url' }), ...(mail ? { email: mail } : {}) };
  });
}

/**
 * Turns an upload into the credentials to check, in order: each file (a ZIP's files in archive
 * order, a CSV's URLs by line), then the URLs sent as such. Over 1,000 credentials is a 413 as
 * soon as it is known; a malformed CSV, email or ZIP is a 400. Nothing is stored here.
 */
export async function planCandidateItems(upload: CandidateUpload): Promise<PlannedItem[]> {
  const fallback = checkedEmail(upload.candidateEmail, { field: 'candidateEmail', message: '' });
  const emailFor = (name: string, own?: string | null): string | null => {
    const named = upload.emails?.[name] ?? upload.emails?.[name.split('/').at(-1) ?? name];
    return own ?? checkedEmail(named, { field: 'emails', message: '' }) ?? fallback;
  };
  const items: PlannedItem[] = [];
  const add = (item: PlannedItem) => {
    if (items.length + 1 > MAX_CANDIDATE_ITEMS) throw tooMany(MAX_CANDIDATE_ITEMS + 1);
    items.push(item);
  };
  const addUrls = (entries: UrlEntry[]) => {
    if (items.length + entries.length > MAX_CANDIDATE_ITEMS) throw tooMany(items.length + entries.length);
    for (const entry of entries) {
      const url = checkedUrl(entry.url, { field: 'urls', message: '' });
      const own = checkedEmail(entry.email, { field: 'urls', message: '' });
      add({ name: url, source: 'url', content: null, url, candidateEmail: own ?? fallback });
    }
  };
  if (upload.files.length > MAX_CANDIDATE_ITEMS) throw tooMany(upload.files.length);
  for (const file of upload.files) {
    if (file.bytes.subarray(0, 4).equals(ZIP_SIGNATURE)) {
      const entries = await readZipEntries(file.bytes, file.filename, {
        maxFiles: MAX_CANDIDATE_ITEMS - items.length,
        maxEntries: 2 * MAX_CANDIDATE_ITEMS,
        maxEntryBytes: MAX_CANDIDATE_FILE_BYTES,
        maxTotalBytes: MAX_ZIP_INFLATED_BYTES,
      });
      for (const entry of entries)
        add({
          name: entry.path,
          source: 'file',
          content: entry.bytes,
          url: null,
          candidateEmail: emailFor(entry.path),
        });
    } else if (isCsv(file)) {
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
      } catch {
        throw new AppError('validation_failed', `${file.filename} is not UTF-8 text: save it as “CSV UTF-8”.`, {
          fields: [{ field: 'files', message: 'Not UTF-8' }],
        });
      }
      addUrls(readUrlCsv(text, file.filename));
    } else {
      if (file.bytes.length > MAX_CANDIDATE_FILE_BYTES)
        throw new AppError(
          'payload_too_large',
          `${file.filename} is larger than ${MAX_CANDIDATE_FILE_BYTES / 1024 / 1024} MB.`,
        );
      add({
        name: file.filename || `file ${items.length + 1}`,
        source: 'file',
        content: file.bytes,
        url: null,
        candidateEmail: emailFor(file.filename),
      });
    }
  }
  addUrls(upload.urls);
  if (items.length === 0)
    throw new AppError(
      'validation_failed',
      'Nothing to check: upload credential files, a ZIP of them, or credential URLs.',
      {
        fields: [{ field: 'files', message: 'Required' }],
      },
    );
  return items;
}
