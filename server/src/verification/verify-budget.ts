import { readFileSync } from 'node:fs';

/** CPU time (user + system) one thread has used, from its /proc stat file; undefined when unreadable. */
export function threadCpuMs(statPath: string): number | undefined {
  try {
    const stat = readFileSync(statPath, 'utf8');
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    // USER_HZ is 100 on every Linux Node runs on.
    return Number.isFinite(ticks) ? ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}

// Wall time may exceed the CPU budget this many times (a loaded machine runs a worker slower)
// before the task is stopped anyway; time spent waiting for the main thread's answers not counted.
const WALL_FACTOR = 10;

// Whether this platform lets a thread's CPU time be read: learnt from the first task, so later
// tasks do not read /proc when they start (most finish long before their first poll).
let canReadCpu: boolean | undefined;

/**
 * The work budget of one task. Where the worker's CPU time can be read (Linux), the budget is
 * CPU time, so a busy machine does not fail honest credentials; the wall clock, not counting
 * waits for the main thread, is a backstop at WALL_FACTOR times the budget. Elsewhere the
 * budget is wall time. `onExceeded` is called at most once.
 */
export class Budget {
  readonly #budgetMs: number;
  #wallRemainingMs = 0;
  #runningSince: number | undefined;
  #waiting = 0;
  #isStarted = false;
  #startedAt = 0;
  #cpuStatPath: string | undefined;
  /** The thread's CPU time when the task started, as far as is known; read at the first poll. */
  #cpuAtStart: number | undefined;
  #poll: NodeJS.Timeout | undefined;
  #isExceeded = false;
  readonly #onExceeded: () => void;

  constructor(budgetMs: number, onExceeded: () => void) {
    this.#budgetMs = budgetMs;
    this.#onExceeded = onExceeded;
  }

  start(cpuStatPath: string | undefined): void {
    if (this.#isStarted) return;
    this.#isStarted = true;
    this.#startedAt = performance.now();
    canReadCpu ??= cpuStatPath === undefined ? undefined : threadCpuMs(cpuStatPath) !== undefined;
    if (cpuStatPath !== undefined && canReadCpu) {
      this.#cpuStatPath = cpuStatPath;
      this.#wallRemainingMs = this.#budgetMs * WALL_FACTOR;
    } else {
      this.#wallRemainingMs = this.#budgetMs;
    }
    this.#poll = setInterval(() => this.#check(), Math.min(100, Math.max(5, Math.floor(this.#budgetMs / 10))));
    this.#resumeWall();
  }

  /** An answer from the main thread is awaited: the worker is not working for itself. */
  pause(): void {
    this.#waiting += 1;
    if (this.#waiting === 1) this.#pauseWall();
  }

  resume(): void {
    this.#waiting -= 1;
    if (this.#waiting === 0 && this.#isStarted) this.#resumeWall();
  }

  /** Ends the budget; true when the work exceeded it (a result that arrives late is refused too). */
  finish(): boolean {
    if (this.#isStarted && !this.#isExceeded) this.#isExceeded = this.#measureExceeded();
    this.dispose();
    return this.#isExceeded;
  }

  dispose(): void {
    this.#pauseWall();
    clearInterval(this.#poll);
    this.#poll = undefined;
  }

  #check(): void {
    // The first poll fixes the start's CPU time, counting the wall time since the start as CPU
    // already used: a bound that errs towards stopping, by at most one poll interval.
    if (this.#cpuStatPath !== undefined && this.#cpuAtStart === undefined) {
      const cpu = threadCpuMs(this.#cpuStatPath);
      if (cpu !== undefined) this.#cpuAtStart = cpu - (performance.now() - this.#startedAt);
    }
    if (this.#isExceeded || !this.#measureExceeded()) return;
    this.#isExceeded = true;
    this.dispose();
    this.#onExceeded();
  }

  #measureExceeded(): boolean {
    // A thread cannot use more CPU time than the wall time that passed: nothing to read yet.
    if (performance.now() - this.#startedAt < this.#budgetMs) return false;
    // Before the first poll (the main thread was too busy to run it) only the wall backstop applies.
    if (this.#cpuStatPath !== undefined && this.#cpuAtStart !== undefined) {
      const cpu = threadCpuMs(this.#cpuStatPath);
      if (cpu !== undefined && cpu - this.#cpuAtStart >= this.#budgetMs) return true;
    }
    const running = this.#runningSince === undefined ? 0 : performance.now() - this.#runningSince;
    return this.#wallRemainingMs - running <= 0;
  }

  #resumeWall(): void {
    if (this.#runningSince !== undefined || this.#waiting > 0) return;
    this.#runningSince = performance.now();
  }

  #pauseWall(): void {
    if (this.#runningSince === undefined) return;
    this.#wallRemainingMs -= performance.now() - this.#runningSince;
    this.#runningSince = undefined;
  }
}
