import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { extractPng } from '../baking/png.js';
import { extractSvg } from '../baking/svg.js';
import { DEFAULT_MAX_BYTES } from '../baking/limits.js';
import { createDocumentLoader, DocumentNotFoundError, type DocumentLoader } from '../contexts/document-loader.js';
import { didWebToUrl } from '../keys/did-web.js';
import { isJsonObject } from '../util/json.js';
import { verifyCredential, type VerificationResult } from '../verify/verify-credential.js';
import type { CheckStatus } from '../verify/result.js';
import { safeFetchJson } from './safe-fetch.js';

const USAGE = `Usage: cairn verify FILE [--offline] [--email ADDRESS] [--json]

Verifies an Open Badges 3.0 / CLR 2.0 credential: .json, .jwt, or a baked .png or .svg badge.
  --offline         do not use the network; a credential that has a status list then fails,
                    because whether it was revoked cannot be known (did:key issuers only)
  --email ADDRESS   also check the badge was issued to this email address
  --json            print the full report as JSON

Exit code: 0 valid, 1 invalid, 2 usage error.`;

type Output = { log: (line: string) => void; error: (line: string) => void };

const SYMBOLS: Record<CheckStatus, string> = { passed: '✓', failed: '✗', warning: '!', skipped: '-' };

/** The CLI entry point; returns the exit code instead of exiting, so tests can call it. */
export async function main(
  argv: readonly string[],
  out: Output = { log: console.log, error: console.error },
): Promise<number> {
  const [command, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    out.log(USAGE);
    return 0;
  }
  if (command !== 'verify') {
    out.error(command ? `Unknown command "${command}"\n\n${USAGE}` : USAGE);
    return 2;
  }
  let file: string | undefined;
  let isOffline = false;
  let isJson = false;
  let email: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '--offline') isOffline = true;
    else if (arg === '--json') isJson = true;
    else if (arg === '--email') email = rest[++i];
    else if (arg.startsWith('--')) {
      out.error(`Unknown option "${arg}"\n\n${USAGE}`);
      return 2;
    } else if (file === undefined) file = arg;
    else {
      out.error(`Only one file at a time\n\n${USAGE}`);
      return 2;
    }
  }
  if (!file || (rest.includes('--email') && !email)) {
    out.error(USAGE);
    return 2;
  }

  let credential: unknown;
  try {
    credential = await readCredential(file);
  } catch (error) {
    out.error(`Cannot read ${file}: ${(error as Error).message}`);
    return 2;
  }
  const result = await verifyCredential({
    credential,
    documentLoader: cliDocumentLoader(isOffline),
    ...(isOffline ? {} : { fetchStatusList: (url: string) => safeFetchJson(url) }),
    ...(email !== undefined ? { recipientEmail: email } : {}),
  });
  if (isJson) out.log(JSON.stringify(result, null, 2));
  else print(result, out);
  return result.verified ? 0 : 1;
}

async function readCredential(file: string): Promise<unknown> {
  const { size } = await stat(file);
  if (size > DEFAULT_MAX_BYTES) throw new Error(`the file is ${size} bytes; the limit is ${DEFAULT_MAX_BYTES}`);
  const bytes = await readFile(file);
  switch (extname(file).toLowerCase()) {
    case '.png':
      return extractPng(new Uint8Array(bytes));
    case '.svg':
      return extractSvg(bytes.toString('utf8'));
    case '.jwt':
      return bytes.toString('utf8').trim();
    case '.json': {
      try {
        return JSON.parse(bytes.toString('utf8')) as unknown;
      } catch {
        throw new Error('the file is not valid JSON');
      }
    }
    default: {
      const text = bytes.toString('utf8').trim();
      return text.startsWith('{') ? (JSON.parse(text) as unknown) : text;
    }
  }
}

/** Bundled contexts and did:key locally; online, did:web and https controller documents via the guarded fetch. */
function cliDocumentLoader(isOffline: boolean): DocumentLoader {
  if (isOffline) return createDocumentLoader();
  const base = createDocumentLoader({ resolveDid: (did) => safeFetchJson(didWebToUrl(did)) });
  const fetched = new Map<string, Promise<unknown>>();
  return async (url) => {
    try {
      return await base(url);
    } catch (error) {
      if (!(error instanceof DocumentNotFoundError) || !url.startsWith('https://')) throw error;
      const documentUrl = url.split('#')[0]!;
      if (!fetched.has(documentUrl)) fetched.set(documentUrl, safeFetchJson(documentUrl));
      const document = await fetched.get(documentUrl);
      if (!isJsonObject(document)) throw new DocumentNotFoundError(url, 'the fetched document is not a JSON object');
      return createDocumentLoader({ extra: { [documentUrl]: document } })(url);
    }
  };
}

function print(result: VerificationResult, out: Output): void {
  const name = result.credential && typeof result.credential.name === 'string' ? result.credential.name : 'Credential';
  out.log(`${name} (${result.format === 'jwt' ? 'VC-JWT' : 'Data Integrity'})`);
  for (const check of result.checks) out.log(`  ${SYMBOLS[check.status]} ${check.label}: ${check.message}`);
  out.log(result.verified ? '\nValid.' : '\nNOT valid.');
}
