import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { countWaitingJobs } from '../admin/jobs.store.js';
import type { Db } from '../db/transaction.js';
import { deadLetterName, QUEUES, type QueueSpec } from '../jobs/queues.js';
import { subscribeObservations } from './observations.js';

export type MetricsLog = { warn(obj: object, msg?: string): void };

/** What one request contributes to the latency histogram. */
export type RequestObservation = { method: string; route: string | undefined; statusCode: number; seconds: number };

export type AppMetrics = {
  readonly registry: Registry;
  observeRequest(observation: RequestObservation): void;
  /** Stops listening to the application's observations (app close). */
  close(): void;
};

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

// A scrape reads the queue tables once, however many gauges ask (prom-client collects them in parallel).
const SNAPSHOT_TTL_MS = 1000;

/**
 * The Prometheus registry of one app instance (tests build several apps in one process, so
 * nothing is registered globally). Counters are this process's own, as Prometheus expects;
 * the job gauges read the shared database, so every server reports the same cluster-wide values.
 */
export function createAppMetrics(options: { db: Db; log?: MetricsLog }): AppMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const requestDuration = new Histogram({
    name: 'cairn_http_request_duration_seconds',
    help: 'HTTP request latency by method, route template (never the raw URL) and status class.',
    labelNames: ['method', 'route', 'status_class'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const credentialsIssued = new Counter({
    name: 'cairn_credentials_issued_total',
    help: 'Credentials issued by this process (committed), by how they came about: direct, vc-api, completion, pathway, clr.',
    labelNames: ['kind'],
    registers: [registry],
  });
  const domainEvents = new Counter({
    name: 'cairn_domain_events_total',
    help: 'Domain events committed by this process, by type.',
    labelNames: ['type'],
    registers: [registry],
  });
  const verifications = new Counter({
    name: 'cairn_credential_verifications_total',
    help: 'Untrusted verifications run by this process (verify API, uploads, presentations, wallet imports), by what was presented and the outcome: verified, not_verified, refused (over a limit or the work budget, or the pool was full), error.',
    labelNames: ['source', 'outcome'],
    registers: [registry],
  });

  const specs = Object.values(QUEUES) as QueueSpec[];
  const byDeadLetterQueue = new Map(specs.map((s) => [deadLetterName(s), s.name]));
  const ourQueues = new Set(specs.map((s) => s.name));
  let snapshot: { at: number; rows: Promise<Awaited<ReturnType<typeof countWaitingJobs>>> } | undefined;
  const waitingJobs = () => {
    const now = Date.now();
    if (!snapshot || now - snapshot.at > SNAPSHOT_TTL_MS) snapshot = { at: now, rows: countWaitingJobs(options.db) };
    return snapshot.rows;
  };
  const readSnapshot = async () => {
    try {
      return await waitingJobs();
    } catch (err) {
      // An unreadable queue table leaves the gauges empty; the rest of the scrape still answers.
      options.log?.warn({ err }, 'metrics: could not read the job queue tables');
      snapshot = undefined;
      return [];
    }
  };

  new Gauge({
    name: 'cairn_job_queue_depth',
    help: 'Jobs waiting to run per queue: created (new) or retry (an attempt failed; waiting for the next). Cluster-wide, read from the database.',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const spec of specs) for (const state of ['created', 'retry']) this.set({ queue: spec.name, state }, 0);
      for (const row of await readSnapshot())
        if (ourQueues.has(row.name)) this.set({ queue: row.name, state: row.state }, row.count);
    },
  });
  new Gauge({
    name: 'cairn_job_dead_letters',
    help: 'Jobs per queue that failed every attempt and wait in its dead-letter queue for an operator (/admin/jobs). Cluster-wide, read from the database.',
    labelNames: ['queue'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const spec of specs) this.set({ queue: spec.name }, 0);
      for (const row of await readSnapshot()) {
        const queue = byDeadLetterQueue.get(row.name);
        if (queue && row.state === 'created') this.set({ queue }, row.count);
      }
    },
  });

  const unsubscribe = subscribeObservations({
    onCommittedEvent(event) {
      domainEvents.inc({ type: event.type });
      if (event.type === 'credential.issued') {
        const kind = (event.data as { kind?: unknown } | null)?.kind;
        credentialsIssued.inc({ kind: typeof kind === 'string' ? kind : 'direct' });
      }
    },
    onVerification(observation) {
      verifications.inc({ source: observation.source, outcome: observation.outcome });
    },
  });

  return {
    registry,
    observeRequest({ method, route, statusCode, seconds }) {
      requestDuration.observe(
        {
          method: METHODS.has(method) ? method : 'other',
          route: route ?? 'unmatched',
          status_class: `${Math.floor(statusCode / 100)}xx`,
        },
        seconds,
      );
    },
    close: unsubscribe,
  };
}
