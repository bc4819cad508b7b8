// `npm run bench -w bench`: every benchmark, one after the other, in this one Node.js thread.
import { formatTable, runCredentialsBench } from './credentials.bench.js';

const started = Date.now();
const { rows, credentialBytes } = await runCredentialsBench();
console.log(`\nCredentials: sign / verify per second, one thread, ${credentialBytes}-byte OB 3.0 credential (Node ${process.version})\n`);
console.log(formatTable(rows));
console.log(`\nours = @cairn/credentials (verify = the full verifyCredential report); total ${((Date.now() - started) / 1000).toFixed(0)} s`);
