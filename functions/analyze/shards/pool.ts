import { Worker } from 'node:worker_threads';
import type { AnalysisPartial } from '../../core/analysis';
import type { FromWorker, ShardSettings, ToWorker } from './protocol';
import { rechunk } from './range-reader';

/** A shard the analyzer rejected as input; the caller re-runs the whole file in one pass. */
export class ShardInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShardInputError';
  }
}

/**
 * Where the shard worker's module is, seen from `here` (this module's URL): `worker.ts` beside it
 * in the sources; in a Lambda bundle (infra/bundle.ts) `worker.mjs`, an entry point at the
 * bundle's root, while this code sits in the root entry file or in a shared chunk under `chunks/`.
 */
export function shardWorkerUrl(here: string = import.meta.url): URL {
  if (here.endsWith('.ts')) return new URL('./worker.ts', here);
  const inChunk = new URL('.', here).pathname.endsWith('/chunks/');
  return new URL(inChunk ? '../worker.mjs' : './worker.mjs', here);
}

/**
 * Starts a shard worker. From source (`.ts`), the worker first registers the tsx loader, which
 * `execArgv: ['--import', 'tsx']` does not do for a worker's entry module on Node 20.
 */
export function startShardWorker(): Worker {
  return startModuleWorker(shardWorkerUrl());
}

/** Starts a worker thread on `entry` (a `.ts` module runs through the tsx loader). */
export function startModuleWorker(entry: URL, workerData?: unknown): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

/**
 * Folds one shard on `worker`: sends the task, answers each chunk request with the next ~1 MiB of
 * `source` (transferred, not copied), and resolves to the shard's partial (null: it owns no line).
 */
export function runShard(
  worker: Worker,
  id: number,
  settings: ShardSettings,
  source: AsyncIterable<Uint8Array>,
): Promise<AnalysisPartial | null> {
  return new Promise((resolve, reject) => {
    const it = rechunk(source)[Symbol.asyncIterator]();
    let pumping = Promise.resolve();
    let ended = false;
    let settled = false;
    const send = (m: ToWorker, transfer: ArrayBuffer[] = []) => worker.postMessage(m, transfer);
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (!ended) void it.return(undefined).catch(() => undefined);
      done();
    };
    const pump = async () => {
      if (ended || settled) return;
      const r = await it.next();
      if (settled) return;
      if (r.done) {
        ended = true;
        send({ type: 'end', id });
      } else send({ type: 'chunk', id, bytes: r.value }, [r.value.buffer as ArrayBuffer]);
    };
    function onMessage(m: FromWorker) {
      if (m.id !== id) return;
      if (m.type === 'pull') {
        pumping = pumping.then(pump).catch((error: unknown) => settle(() => reject(error)));
      } else if (m.type === 'done') settle(() => resolve(m.partial));
      else settle(() => reject(m.input ? new ShardInputError(m.message) : new Error(m.message)));
    }
    function onError(error: Error) {
      settle(() => reject(error));
    }
    function onExit(code: number) {
      settle(() => reject(new Error(`shard worker stopped (exit code ${code})`)));
    }
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    send({ type: 'task', id, settings });
  });
}
