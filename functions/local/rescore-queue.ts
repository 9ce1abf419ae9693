import type { Logger } from '../lib/logger';
import type { RescoreWorker } from '../rescore/handler';
import type { RescoreMessage, RescoreQueue } from '../rescore/types';

/**
 * The local runtime's re-score queue: the same worker the SQS Lambda runs, fed in process, one
 * message at a time (scoring reads partials; one run at a time keeps the portal responsive).
 * A message waiting for an assessment absorbs later ones for it (the record counts them anyway).
 */
export function createLocalRescoreQueue(logger: Logger) {
  const waiting: RescoreMessage[] = [];
  const keyOf = (m: RescoreMessage) => `${m.organizationId}/${m.assessmentId}`;
  let worker: RescoreWorker | undefined;
  let active: Promise<void> | undefined;
  let holds = 0;
  let closed = false;

  function pump(): void {
    if (active || closed || holds > 0 || !worker) return;
    const next = waiting.shift();
    if (!next) return;
    const run = worker;
    active = run(next)
      .then(
        () => undefined,
        (error: unknown) => logger.error('re-scoring failed', { error, ...next }),
      )
      .finally(() => {
        active = undefined;
        pump();
      });
  }

  const queue: RescoreQueue = {
    async send(message) {
      if (closed || waiting.some((m) => keyOf(m) === keyOf(message))) return;
      waiting.push(message);
      pump();
    },
  };
  return {
    ...queue,
    /** Starts feeding `w` (messages sent before wait for it). */
    start(w: RescoreWorker): void {
      worker = w;
      pump();
    },
    /** Holds new runs until the returned function is called (tests look at the moment before). */
    hold(): () => void {
      holds++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holds--;
        pump();
      };
    },
    /** Resolves when nothing is running or waiting (while held, only the running one is awaited). */
    async idle(): Promise<void> {
      while (active) await active;
    },
    /** Drops what waits and waits for the running message; its request stays pending for a restart. */
    async close(): Promise<void> {
      closed = true;
      waiting.length = 0;
      await active;
    },
  };
}

/** The local queue's type. */
export type LocalRescoreQueue = ReturnType<typeof createLocalRescoreQueue>;
