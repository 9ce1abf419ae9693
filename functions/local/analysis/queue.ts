import type { Worker } from 'node:worker_threads';
import type { ObjectCreated } from '../../analyze/handler';
import { startModuleWorker } from '../../analyze/shards/pool';
import type { Upload } from '../../analyze/uploads';
import type { Config } from '../../lib/config';
import type { Logger } from '../../lib/logger';
import type { FromAnalysisWorker, ToAnalysisWorker } from './protocol';

/** Why a job ended without an answer from its worker. */
export type LostReason = 'crashed' | 'overran';

/** What the queue needs from the portal. */
export interface QueueOptions {
  /** The portal's configuration (engine endpoints included): workers build their own clients. */
  config: Config;
  logger: Logger;
  clockOffsetMs: () => number;
  /** Runs on the portal thread after each completed analysis (re-scoring). */
  onAnalyzed: (sample: Upload) => Promise<void>;
  /** A worker died or overran the time limit: the sample must not stay `analyzing`. */
  onLost: (object: ObjectCreated, reason: LostReason) => Promise<unknown>;
}

/** Grace on top of the analysis time limit before a worker is stopped from outside. */
const hardStopGraceMs = 60_000;

/**
 * One queue of uploaded objects, analyzed on worker threads (at most ANALYSIS_CONCURRENCY at a
 * time) so the portal's event loop keeps answering requests. A key is queued at most once; failed
 * runs are retried up to ANALYSIS_MAX_ATTEMPTS times (the handler counts attempts and fails the
 * sample past them).
 */
export function createAnalysisQueue(o: QueueOptions) {
  const { config, logger } = o;
  const waiting: ObjectCreated[] = [];
  const pending = new Set<string>();
  const tries = new Map<string, number>();
  const idleWorkers: Worker[] = [];
  const busy = new Set<Worker>();
  const active = new Set<Promise<void>>();
  let closed = false;
  let nextId = 0;
  const hardLimitMs = config.ANALYSIS_TIME_BUDGET_SECONDS * 1000 + hardStopGraceMs;

  const worker = () => {
    const idle = idleWorkers.pop();
    if (idle) return idle;
    const w = startModuleWorker(new URL('./worker.ts', import.meta.url), { config });
    // an idle worker's failure must not take the portal down; a busy one's ends its job
    w.on('error', () => undefined);
    w.on('exit', () => {
      const at = idleWorkers.indexOf(w);
      if (at >= 0) idleWorkers.splice(at, 1);
    });
    return w;
  };

  /** Runs one job on a worker; resolves with its answer, or the reason it was lost. */
  function runOn(w: Worker, object: ObjectCreated): Promise<FromAnalysisWorker | LostReason> {
    const id = nextId++;
    return new Promise((resolve) => {
      const done = (result: FromAnalysisWorker | LostReason) => {
        clearTimeout(timer);
        w.off('message', onMessage).off('error', onError).off('exit', onExit);
        resolve(result);
      };
      const onMessage = (m: FromAnalysisWorker) => m.id === id && done(m);
      const onError = (error: Error) => {
        logger.error('analysis worker crashed', { key: object.key, error });
        done('crashed');
      };
      const onExit = () => done('crashed');
      const timer = setTimeout(() => {
        done('overran');
        void w.terminate();
      }, hardLimitMs);
      timer.unref();
      w.on('message', onMessage).on('error', onError).on('exit', onExit);
      const job: ToAnalysisWorker = { id, object, clockOffsetMs: o.clockOffsetMs() };
      w.postMessage(job);
    });
  }

  async function run(object: ObjectCreated): Promise<void> {
    const w = worker();
    busy.add(w);
    const result = await runOn(w, object);
    busy.delete(w);
    if (closed) {
      void w.terminate();
      return;
    }
    if (typeof result === 'string') {
      void w.terminate();
      await o
        .onLost(object, result)
        .catch((error: unknown) => logger.error('recovery failed', { error }));
      if (result === 'crashed') retry(object);
      return;
    }
    idleWorkers.push(w);
    if (!result.ok) {
      logger.error('analysis failed', { key: object.key, error: result.message });
      retry(object);
      return;
    }
    tries.delete(object.key);
    for (const sample of result.analyzed) {
      await o
        .onAnalyzed(sample)
        .catch((error: unknown) => logger.error('re-scoring failed', { error }));
    }
  }

  /** Queues the object again while attempts remain (the handler ends it as failed after them). */
  function retry(object: ObjectCreated): void {
    const n = (tries.get(object.key) ?? 1) + 1;
    if (n > config.ANALYSIS_MAX_ATTEMPTS + 1) {
      tries.delete(object.key);
      return;
    }
    tries.set(object.key, n);
    setImmediate(() => push(object));
  }

  function pump(): void {
    while (!closed && waiting.length > 0 && active.size < config.ANALYSIS_CONCURRENCY) {
      const object = waiting.shift() as ObjectCreated;
      const job: Promise<void> = run(object).finally(() => {
        active.delete(job);
        pending.delete(object.key);
        pump();
      });
      active.add(job);
    }
  }

  /** Queues `object` unless it is already waiting or running. */
  function push(object: ObjectCreated): void {
    if (closed || pending.has(object.key)) return;
    pending.add(object.key);
    waiting.push(object);
    pump();
  }

  return {
    push,
    /** True while `key` is waiting or being analyzed. */
    has: (key: string) => pending.has(key),
    /** Resolves when nothing is waiting or running (retries included). */
    async idle(): Promise<void> {
      for (;;) {
        while (active.size > 0) await Promise.all([...active]);
        // a retry is queued on the next turn of the event loop
        await new Promise((resolve) => setImmediate(resolve));
        if (active.size === 0 && waiting.length === 0) return;
      }
    },
    /** Stops every worker now; running samples stay `analyzing` and are taken over on next start. */
    async close(): Promise<void> {
      closed = true;
      waiting.length = 0;
      await Promise.all([...idleWorkers, ...busy].map((w) => w.terminate()));
      await Promise.all([...active]);
    },
  };
}

/** The queue's type. */
export type AnalysisQueue = ReturnType<typeof createAnalysisQueue>;
