import { describe, expect, it } from 'vitest';
import { AppError } from '../http/app-error.js';
import { MAX_CANDIDATE_ITEMS, planCandidateItems, readUrlCsv } from './candidate-upload.js';
import { buildZip } from './zip-test-helpers.js';

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const json = (n: number) => ({ filename: `c${n}.json`, bytes: Buffer.from(`{"n":${n}}`) });

describe('planning a candidate upload', () => {
  it('expands a ZIP in archive order, skips folders and clutter, and names per-file candidates', async () => {
    const zip = buildZip([
      { name: 'batch/', data: '' },
      { name: 'batch/ada.json', data: '{"a":1}' },
      { name: '__MACOSX/batch/._ada.json', data: 'junk' },
      { name: 'batch/.DS_Store', data: 'junk' },
      { name: 'batch/bo.jwt', data: 'x.y.z', method: 0 },
    ]);
    const items = await planCandidateItems({
      files: [{ filename: 'batch.zip', bytes: zip }, json(1)],
      urls: [{ url: 'https://wallet.example/c/1' }],
      candidateEmail: 'All@Example.com',
      emails: { 'bo.jwt': 'bo@example.com' },
    });
    expect(items.map((i) => [i.name, i.source, i.candidateEmail])).toEqual([
      ['batch/ada.json', 'file', 'all@example.com'],
      ['batch/bo.jwt', 'file', 'bo@example.com'],
      ['c1.json', 'file', 'all@example.com'],
      ['https://wallet.example/c/1', 'url', 'all@example.com'],
    ]);
    expect(items[1]!.content!.toString()).toBe('x.y.z');
  });

  it('refuses 1,001 files, ZIP entries or URLs with 413 naming the limit', async () => {
    const files = Array.from({ length: MAX_CANDIDATE_ITEMS + 1 }, (_, i) => json(i));
    const tooManyFiles = await refusal(planCandidateItems({ files, urls: [] }));
    expect(tooManyFiles.code).toBe('payload_too_large');
    expect(tooManyFiles.message).toContain('1000');
    const zip = buildZip(
      Array.from({ length: MAX_CANDIDATE_ITEMS + 1 }, (_, i) => ({ name: `${i}.json`, data: '{}' })),
    );
    expect((await refusal(planCandidateItems({ files: [{ filename: 'all.zip', bytes: zip }], urls: [] }))).code).toBe(
      'payload_too_large',
    );
    const urls = Array.from({ length: MAX_CANDIDATE_ITEMS + 1 }, (_, i) => ({ url: `https://x.example/${i}` }));
    expect((await refusal(planCandidateItems({ files: [], urls }))).code).toBe('payload_too_large');
    // Exactly 1,000 is fine.
    expect(await planCandidateItems({ files: [], urls: urls.slice(1) })).toHaveLength(MAX_CANDIDATE_ITEMS);
  });

  it('refuses zip bombs: a huge declared size before inflating, and a header that lies while inflating', async () => {
    const declared = buildZip([{ name: 'bomb.json', data: '{}', declaredSize: 2_000_000_000 }]);
    const early = await refusal(
      planCandidateItems({ files: [{ filename: 'declared.zip', bytes: declared }], urls: [] }),
    );
    expect(early.code).toBe('payload_too_large');
    expect(early.message).toContain('bomb.json');
    // 11 MB of zeros squeezed into a few KB, claiming to be 1 KB.
    const lying = buildZip([{ name: 'small.json', data: Buffer.alloc(11 * 1024 * 1024), declaredSize: 1024 }]);
    expect(lying.length).toBeLessThan(64 * 1024);
    const late = await refusal(planCandidateItems({ files: [{ filename: 'lying.zip', bytes: lying }], urls: [] }));
    expect(['payload_too_large', 'validation_failed']).toContain(late.code);
    // Many entries each under the limit, adding up past the 64 MB budget.
    const many = buildZip(
      Array.from({ length: 8 }, (_, i) => ({ name: `${i}.png`, data: Buffer.alloc(9 * 1024 * 1024) })),
    );
    const total = await refusal(planCandidateItems({ files: [{ filename: 'many.zip', bytes: many }], urls: [] }));
    expect(total.code).toBe('payload_too_large');
    expect(total.message).toMatch(/in all/);
  });

  it('refuses path traversal and absolute names in a ZIP', async () => {
    for (const name of ['../../etc/passwd.json', '/etc/passwd.json', 'a\\..\\b.json']) {
      const zip = buildZip([{ name, data: '{}' }]);
      const error = await refusal(planCandidateItems({ files: [{ filename: 'evil.zip', bytes: zip }], urls: [] }));
      expect(error.code, name).toBe('validation_failed');
      expect(error.message).toContain('evil.zip is refused');
    }
  });

  it('reads a CSV of URLs with or without a header, and refuses bad lines by number', () => {
    expect(readUrlCsv('url,email\nhttps://a.example/1,Ada@Example.com\nhttps://a.example/2,\n', 'u.csv')).toEqual([
      { url: 'https://a.example/1', email: 'ada@example.com' },
      { url: 'https://a.example/2' },
    ]);
    expect(readUrlCsv('https://a.example/1\nhttps://a.example/2\n', 'u.csv')).toHaveLength(2);
    expect(() =>
      readUrlCsv('url,email\nhttps://a.example/1,ada@example.com\nftp://x,bo@example.com\n', 'u.csv'),
    ).toThrow(/line 3/);
    expect(() =>
      readUrlCsv('https://a.example/1,ada@example.com\nhttps://a.example/2,not-an-email\n', 'u.csv'),
    ).toThrow(/line 2/);
  });

  it('refuses an upload with nothing in it', async () => {
    expect((await refusal(planCandidateItems({ files: [], urls: [] }))).code).toBe('validation_failed');
  });
});
