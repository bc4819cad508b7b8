import { availableParallelism } from 'node:os';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { checkVerifyLimits, type PresentationVerificationResult, type VerificationResult } from '@cairn/credentials';
import { Piscina } from 'piscina';
import { AppError } from '../http/app-error.js';
import { observeVerification } from '../metrics/observations.js';
import { limitRefusal } from './limit-refusal.js';
import { Budget } from './verify-budget.js';
import type {
  IoAnswer,
  IoAnswerValue,
  IoKind,
  VerifyJob,
  VerifyTask,
  VerifyTaskOutcome,
  WorkerMessage,
} from './verify-worker.js';

export type { VerifyJob } from './verify-worker.js';

export type VerifyPoolOptions = {
  /** Worker threads. Default: one per CPU (they run at a lower priority than the event loop). */
  workers?: number;
  /**
   * Milliseconds of work one credential may take once a worker starts on it: the worker's CPU
   * time on Linux (wall time elsewhere); waiting for the main thread's answers (database, remote
   * fetch) does not count. Over it, the worker is stopped and the request answers 422. Default 3000.
   */
  budgetMs?: number;
  /** How long one answer from the main thread (a DID document, a status list) may take. Default 10 s. */
  ioTimeoutMs?: number;
  /** Verifications waiting for a free worker; beyond that new ones answer 503. Default 32 per worker. */
  maxQueue?: number;
};

/** What the worker may ask for while it verifies: reached on the main thread. */
export type VerifyIo = {
  resolveDid: (did: string) => Promise<unknown>;
  /** Absent: revocation and suspension are reported as not checked. */
  fetchStatusList?: (url: string) => Promise<unknown>;
};

export type VerifyRequest = {
  job: VerifyJob;
  io: VerifyIo;
  now: Date;
  recipientEmail?: string;
  expectedProof?: { challenge?: string; domain?: string };
  /**
   * Looks up, once the request is admitted and before a worker starts on it, the answers of `io`
   * it will likely ask for (keyed by `ioKey`): the worker then does not wait on the main thread
   * between its steps. Anything else it still asks for.
   */
  prefetch?: () => Promise<Record<string, IoAnswerValue>>;
};

/** The verifier's whole result, and the credential read from a file when the job was a file. */
export type VerifyOutcome = { result: VerificationResult; credential?: Record<string, unknown> | string };

export const DEFAULT_VERIFY_BUDGET_MS = 3000;

/**
 * Default worker count: one per core. The workers run niced (`niceIncrement`), so the event loop
 * still goes first when both want a core, and a core is not left idle when it does not.
 */
export function defaultVerifyWorkers(): number {
  return Math.max(1, availableParallelism());
}

/**
 * The worker's entry: the compiled server (dist/*.js) loads the compiled worker directly; from
 * TypeScript sources a small .mjs shim loads the .ts worker (worker threads do not inherit tsx).
 */
function workerEntry(): string {
  const isCompiled = import.meta.url.endsWith('.js');
  return new URL(isCompiled ? './verify-worker.js' : './verify-worker.mjs', import.meta.url).href;
}

function tooLong(budgetMs: number): AppError {
  const seconds = budgetMs >= 1000 ? `${(budgetMs / 1000).toFixed(budgetMs % 1000 === 0 ? 0 : 1)} s` : `${budgetMs} ms`;
  return new AppError(
    'unprocessable_content',
    `This credential took too long to check (more than ${seconds} of work), so checking was stopped. Real credentials take a fraction of that; a credential this costly is not accepted.`,
  );
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const isOutOfMemory = (error: unknown) => (error as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';

/**
 * Untrusted verification off the event loop: a pool of worker threads (piscina), each task with
 * a work budget, size and complexity limits checked before a task is queued. Created lazily on
 * the first verification; `close()` stops the threads (a later verification starts them again).
 */
export class VerifyPool {
  readonly workers: number;
  readonly budgetMs: number;
  readonly #ioTimeoutMs: number;
  readonly #maxQueue: number;
  #piscina: Piscina<VerifyTask, VerifyTaskOutcome> | undefined;
  /** Verifications running or waiting; counted here (piscina's own queue limit is approximate). */
  #inFlight = 0;

  constructor(options: VerifyPoolOptions = {}) {
    this.workers = Math.max(1, Math.floor(options.workers ?? defaultVerifyWorkers()));
    this.budgetMs = Math.max(1, options.budgetMs ?? DEFAULT_VERIFY_BUDGET_MS);
    this.#ioTimeoutMs = options.ioTimeoutMs ?? 10_000;
    this.#maxQueue = options.maxQueue ?? this.workers * 32;
  }

  #pool(): Piscina<VerifyTask, VerifyTaskOutcome> {
    this.#piscina ??= new Piscina<VerifyTask, VerifyTaskOutcome>({
      filename: workerEntry(),
      // Threads start as verifications come and each is kept for a while after (a thread's start,
      // its warm-up verification included, costs far more than a task); then it ends, so a server
      // that verified once (a start-up job, one request) does not hold an idle V8 isolate for good.
      // Ten seconds: steady traffic keeps its threads, and a start-up's threads are gone (about
      // 50 MB each) before the server has idled half a minute.
      minThreads: 0,
      maxThreads: this.workers,
      idleTimeout: 10_000,
      // Verification is the work that may wait: the event loop (health, pages) goes first.
      niceIncrement: 10,
      // A memory bomb ends its own worker, not the server.
      resourceLimits: { maxOldGenerationSizeMb: 512 },
    });
    return this.#piscina;
  }

  /**
   * Verifies in a worker. Throws AppError for a refusal (413/422 over a limit or the budget,
   * 400 for an unreadable file, 503 when too many verifications are waiting); otherwise returns
   * the verifier's result unchanged.
   */
  async verify(request: VerifyRequest): Promise<VerifyOutcome> {
    const outcome = await observeVerification(
      request.job.source,
      this.#admit(request),
      (o) => 'result' in o && o.result.verified,
    );
    if (!('result' in outcome)) throw new TypeError('a credential job answered with a presentation report');
    return outcome;
  }

  /** Verifies a verifiable presentation and every credential in it, in a worker, under one budget. */
  async verifyPresentation(
    request: VerifyRequest & { job: Extract<VerifyJob, { source: 'presentation' }> },
  ): Promise<PresentationVerificationResult> {
    const outcome = await observeVerification(
      request.job.source,
      this.#admit(request),
      (o) => 'presentation' in o && o.presentation.verified,
    );
    if (!('presentation' in outcome)) throw new TypeError('a presentation job answered with a credential report');
    return outcome.presentation;
  }

  async #admit(request: VerifyRequest): Promise<VerifyOutcome | { presentation: PresentationVerificationResult }> {
    const input =
      request.job.source === 'credential'
        ? request.job.credential
        : request.job.source === 'presentation'
          ? request.job.presentation
          : undefined;
    if (input !== undefined) {
      const violation = checkVerifyLimits(input);
      if (violation) throw limitRefusal(violation);
    }
    if (this.#inFlight >= this.workers + this.#maxQueue) {
      throw new AppError(
        'unavailable',
        'Too many credentials are being checked right now. Try again in a few seconds.',
        { retryAfterSeconds: Math.ceil(this.budgetMs / 1000) },
      );
    }
    this.#inFlight += 1;
    try {
      return await this.#run(request);
    } finally {
      this.#inFlight -= 1;
    }
  }

  async #run(request: VerifyRequest): Promise<VerifyOutcome | { presentation: PresentationVerificationResult }> {
    // Lookups that do not answer in time are left to the worker, which asks (and times out) itself.
    const prefetched = request.prefetch
      ? await withTimeout(request.prefetch(), this.#ioTimeoutMs, 'lookups before verification').catch(() => undefined)
      : undefined;
    const controller = new AbortController();
    const budget = new Budget(this.budgetMs, () => controller.abort());
    const { port1, port2 } = new MessageChannel();
    port1.on('message', (message: WorkerMessage) => {
      if (message.type === 'started') budget.start(message.cpuStatPath);
      else void this.#answer(port1, message, request.io, budget);
    });
    const task: VerifyTask = {
      job: request.job,
      port: port2,
      now: request.now,
      canFetchStatusLists: request.io.fetchStatusList !== undefined,
      ...(request.recipientEmail !== undefined ? { recipientEmail: request.recipientEmail } : {}),
      ...(request.expectedProof !== undefined ? { expectedProof: request.expectedProof } : {}),
      ...(prefetched !== undefined ? { prefetched } : {}),
    };
    let outcome: VerifyTaskOutcome;
    try {
      outcome = await this.#pool().run(task, { signal: controller.signal, transferList: [port2] });
    } catch (error) {
      budget.dispose();
      if (controller.signal.aborted) throw tooLong(this.budgetMs);
      if (isOutOfMemory(error))
        throw new AppError(
          'unprocessable_content',
          'This credential needs too much memory to check, so checking was stopped. Real credentials are far smaller.',
        );
      throw error;
    } finally {
      port1.close();
    }
    if (budget.finish()) throw tooLong(this.budgetMs);
    if (!outcome.ok) throw new AppError(outcome.code, outcome.message, { fields: outcome.fields });
    if ('presentation' in outcome) return { presentation: outcome.presentation };
    return { result: outcome.result, ...(outcome.credential !== undefined ? { credential: outcome.credential } : {}) };
  }

  async #answer(
    port: MessagePort,
    message: Extract<WorkerMessage, { type: 'io' }>,
    io: VerifyIo,
    budget: Budget,
  ): Promise<void> {
    const handlers: Record<IoKind, ((argument: string) => Promise<unknown>) | undefined> = {
      resolveDid: io.resolveDid,
      fetchStatusList: io.fetchStatusList,
    };
    const handler = handlers[message.kind];
    budget.pause();
    let answer: IoAnswer;
    try {
      if (!handler) throw new Error(`${message.kind} is not available here`);
      answer = {
        id: message.id,
        value: await withTimeout(handler(message.argument), this.#ioTimeoutMs, message.argument),
      };
    } catch (error) {
      answer = { id: message.id, error: error instanceof Error ? error.message : String(error) };
    }
    try {
      port.postMessage(answer);
    } catch (error) {
      // Not cloneable (a bug in a handler): the worker still gets an answer.
      port.postMessage({
        id: message.id,
        error: `The answer for ${message.argument} could not be passed on: ${(error as Error).message}`,
      } satisfies IoAnswer);
    } finally {
      budget.resume();
    }
  }

  /** Stops the worker threads, letting running verifications finish. */
  async close(): Promise<void> {
    const pool = this.#piscina;
    this.#piscina = undefined;
    await pool?.close();
  }
}

let shared: VerifyPool | undefined;
let sharedOptions: VerifyPoolOptions = {};

/** Sets how the process's verify pool is built (the app does, from its config). */
export function configureVerifyPool(options: VerifyPoolOptions): void {
  sharedOptions = options;
  const previous = shared;
  shared = undefined;
  // A pool built with other options stops once its running verifications end.
  void previous?.close();
}

/** The process's verify pool: one set of worker threads, whichever area verifies. */
export function verifyPool(): VerifyPool {
  shared ??= new VerifyPool(sharedOptions);
  return shared;
}

/** Stops the process's verify pool (app close). */
export async function closeVerifyPool(): Promise<void> {
  await shared?.close();
}
