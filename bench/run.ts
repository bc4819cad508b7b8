// `npm run bench -w bench`: every benchmark, one after the other, in this one Node.js thread.
// BENCH_TIME_MS sets the time box per operation and side (default 3000); BENCH_DEBUG=1 prints
// the per-slice spread.
import { formatTable, runCredentialsBench, TIME_BOX_MS, timing } from './credentials.bench.js';

const started = Date.now();
const { rows, credentialBytes, environment } = await runCredentialsBench();
console.log(`\n${environment}`);
console.log(
  `Credentials: operations per CPU-second of one thread (this process had ${Math.round((100 * timing.cpuMs) / timing.wallMs)} % of a core while timed), the same ${credentialBytes}-byte OB 3.0 credential and Ed25519 key for both sides, ${TIME_BOX_MS / 1000} s per operation and side after a warm-up\n`,
);
console.log(formatTable(rows));
console.log(
  `\nours = @cairn/credentials, canonicalising through its fast path (verify = the full verifyCredential report, unless the row says key and signature only); total ${((Date.now() - started) / 1000).toFixed(0)} s`,
);

// Catalogue search latency (100,000 programmes on PGlite; also PostgreSQL with BENCH_DATABASE_URL).
console.log('\nCatalogue search:');
await import('./catalog-search.bench.js');

// What issuing the credential adds to the request that completes a programme (PGlite; also PostgreSQL with BENCH_DATABASE_URL).
console.log('\nIssuing on completion:');
await import('./completion.bench.js');

// Pathway re-evaluation: one learner on 50 pathways (PGlite; also PostgreSQL), and 100,000 learners × 20 pathways (PostgreSQL, BENCH_DATABASE_URL).
console.log('\nPathway re-evaluation:');
await import('./pathways.bench.js');

// Hostile verification traffic against a server in a child process: /health latency, quiet vs under attack.
console.log('\nHostile verification:');
await import('./verify-dos.bench.js');

// Idle memory of the built server with the demo world, on PGlite and PostgreSQL (ratio to the 300 MB target).
console.log('\nIdle memory:');
await import('./idle-memory.bench.js');

// Verification and issuance over HTTP against a server in a child process (PGlite; also PostgreSQL with BENCH_DATABASE_URL).
console.log('\nHTTP verify and issue:');
await import('./http-verify.bench.js');

// Bulk issuance from one CSV (issue 11): rows via BENCH_BULK_ROWS (default 100,000), PGlite, and PostgreSQL with BENCH_DATABASE_URL.
console.log('\nBulk issuance:');
{
  const { runBulkIssuanceBench } = await import('./bulk-issuance.bench.js');
  const rows = Number(process.env.BENCH_BULK_ROWS ?? 100_000);
  await runBulkIssuanceBench({ rows, engine: 'pglite', kill: false });
  if (process.env.BENCH_DATABASE_URL) await runBulkIssuanceBench({ rows, engine: 'pg', kill: true });
}
