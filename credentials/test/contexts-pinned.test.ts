import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLED_CONTEXT_FILES } from '../src/contexts/bundled-contexts.js';

const DIR = new URL('../contexts/', import.meta.url);

// A bundled context decides what a signature covers: a silent change to one changes the meaning
// of every credential that names it. Changing a file means changing its digest here and in
// contexts/SOURCES.md, on purpose.
const PINNED: Record<string, string> = {
  'w3c-credentials-context-v2.jsonld': '8a9f494a89ecc51db093e90e84713e07e84d6d9204364a9b3c7868b21751236f',
  'w3c-credentials-context-v1.jsonld': '00d7dd6d3ad8b920e3e550dd3a3d9090bffcac84cdbf943da6924b3e0a5c8bb8',
  'ob-v3p0-context-3.0.3.json': '3d34f4d4ef1bce691106e63798beb5e7b862ba841423f5ee1e53ab7ddf3bca84',
  'clr-v2p0-context-2.0.1.json': '880f1902d4158f2f33ce06af41b90719977cd1ea337a9de2e41edb3ff5e543d6',
  'ob-v3p0-extensions-context.json': '146f85aa16effd7ca1da8056eb443f53ce1eca8a34186cb062832c0a97d889c3',
  'w3id-data-integrity-context-v2.jsonld': '0f77743daf5b4e8fc067fc5ba5b21044283053aa717fc6b0219843bed3b00363',
  'w3id-multikey-context-v1.jsonld': 'c5f3806f8286920573221938917988a18a4cc5a09e968d29649613c7a1c2b1f6',
  'w3id-ed25519-signature-2020-v1.jsonld': 'b9e1ab971fd8bf2c7553e0c4a9438e0b9450afde1ea1ca5b2492368b9f549588',
  'w3c-bitstring-status-list-context-v1.jsonld': 'fda5add353231e6a6884a46b12e6c75464281900cb348284d9c360f62381d9f7',
  'w3c-did-v1.jsonld': '62c1054bf404d6dd3a4b26b64f830fd72095f6a26edc4469908c94351352ce5f',
  'w3c-credentials-examples-v2.jsonld': '57393fbc69d6efb9b9b5dc9cb6b9880b0944360abfe2eaf459c9e58cf2279d7c',
  'cairn-accreditation-context-v1.jsonld': '10e15ce43ce99176137e79735caf6f268c5f6fd644f7b6f1df7e848fa6e9abd7',
  'cairn-cpd-context-v1.jsonld': 'd8bf6adf3b0180644ea14a4acbce69b195d5092bc410f9afa0fa8dbb11713609',
};

const digestOf = (file: string): string =>
  createHash('sha256')
    .update(readFileSync(new URL(file, DIR)))
    .digest('hex');

/** `file → { url, digest }` from the table in contexts/SOURCES.md. */
function sourcesTable(): Map<string, { url: string; digest: string }> {
  const rows = readFileSync(new URL('SOURCES.md', DIR), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| file') && !line.startsWith('| ---'));
  return new Map(
    rows.map((row) => {
      const cells = row.split(' | ').map((cell) => cell.replace(/^\| |`| \|$/g, '').trim());
      return [cells[0]!, { url: cells[1]!, digest: cells[cells.length - 1]! }];
    }),
  );
}

describe('bundled contexts are pinned', () => {
  it.each(Object.entries(PINNED))('%s has its pinned SHA-256', (file, digest) => {
    expect(digestOf(file)).toBe(digest);
  });

  it('every context file in the folder is served, pinned and listed in SOURCES.md with its URL and digest', () => {
    const files = readdirSync(DIR)
      .filter((name) => name !== 'SOURCES.md')
      .sort();
    expect(Object.values(BUNDLED_CONTEXT_FILES).sort()).toEqual(files);
    expect(Object.keys(PINNED).sort()).toEqual(files);
    const table = sourcesTable();
    expect([...table.keys()].sort()).toEqual(files);
    for (const [url, file] of Object.entries(BUNDLED_CONTEXT_FILES)) {
      expect(table.get(file)).toEqual({ url, digest: PINNED[file] });
    }
  });

  it('the OB 3.0 context defines endorsementJwt (1EdTech openbadges-specification issue 639)', () => {
    const context = (
      JSON.parse(readFileSync(new URL('ob-v3p0-context-3.0.3.json', DIR), 'utf8')) as {
        '@context': Record<string, unknown>;
      }
    )['@context'];
    expect(context.endorsementJwt).toEqual({
      '@id': 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#endorsementJwt',
      '@container': '@set',
    });
  });
});
