import { signRows, type FailedRow, type SignedRow, type SignRowsTask } from './sign-rows.js';

// Runs in a worker thread of the bulk signing pool: builds and signs a slice of a batch. No
// database, no network; the main thread writes what comes back.

export default function runSignRowsTask(task: SignRowsTask): Promise<(SignedRow | FailedRow)[]> {
  return signRows(task);
}
