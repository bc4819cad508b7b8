import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { FailedRow, SignedRow, SignRowsTask } from './sign-rows.js';

export type SigningPoolOptions = {
  /** Worker threads. Default: one per core (the main thread mostly waits on the database). */
  threads?: number;
  /**
   * Added to the threads' nice value: bulk issuance is background work, so a request handled by
   * the same server goes first when both want a core. Default 5 (verification's pool uses 10).
   */
  niceIncrement?: number;
};

/**
 * The worker's entry: compiled (dist/*.js) loads the compiled worker; from TypeScript sources a
 * small .mjs shim registers tsx first (worker threads do not inherit `--import tsx`).
 */
function workerEntry(): string {
  const isCompiled = import.meta.url.endsWith('.js');
  return new URL(isCompiled ? './sign-rows-worker.js' : './sign-rows-worker.mjs', import.meta.url).href;
}

/**
 * Signs a bulk batch on every core: the batch is cut into one contiguous slice per thread and
 * the slices are signed side by side, while the main thread writes the previous batch. Results
 * come back in row order, as `signRows` gives them. `close()` stops the threads.
 */
export class SigningPool {
  readonly threads: number;
  readonly #piscina: Piscina<SignRowsTask, (SignedRow | FailedRow)[]>;

  constructor(options: SigningPoolOptions = {}) {
    this.threads = Math.max(1, Math.floor(options.threads ?? availableParallelism()));
    this.#piscina = new Piscina<SignRowsTask, (SignedRow | FailedRow)[]>({
      filename: workerEntry(),
      minThreads: this.threads,
      maxThreads: this.threads,
      niceIncrement: options.niceIncrement ?? 5,
    });
  }

  async sign(task: SignRowsTask): Promise<(SignedRow | FailedRow)[]> {
    const size = Math.ceil(task.rows.length / this.threads);
    const slices: Promise<(SignedRow | FailedRow)[]>[] = [];
    for (let at = 0; at < task.rows.length; at += size) {
      slices.push(
        this.#piscina.run({
          ...task,
          rows: task.rows.slice(at, at + size),
          statuses: task.statuses.slice(at, at + size),
        }),
      );
    }
    return (await Promise.all(slices)).flat();
  }

  async close(): Promise<void> {
    await this.#piscina.destroy();
  }
}
