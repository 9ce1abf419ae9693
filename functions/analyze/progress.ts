import type { Sample, SampleProgress } from '../store/samples';

/** Least time between two progress writes: bounded writes however fast or big the file. */
export const progressIntervalMs = 2000;

/** Writes progress for one sample; false when the sample moved on (finished, replaced, deleted). */
export type ProgressSink = (sample: Sample, progress: SampleProgress) => Promise<boolean>;

/**
 * Reports an analysis' progress at most every `progressIntervalMs`: `counting` wraps the byte
 * stream (bytes and newlines seen), `stage` records a new stage at once. Failures to record are
 * ignored: progress is a courtesy and must never fail an analysis.
 */
export function createProgress(sample: Sample, sink: ProgressSink, now: () => number = Date.now) {
  let bytesRead = 0;
  let linesRead = 0;
  let last = 0;
  let writing: Promise<unknown> = Promise.resolve();
  const write = (stage: SampleProgress['stage']) => {
    last = now();
    const progress: SampleProgress = {
      stage,
      bytesRead,
      totalBytes: sample.sizeBytes,
      linesRead,
      at: new Date(last).toISOString(),
    };
    writing = writing.then(() => sink(sample, progress)).catch(() => false);
    return writing;
  };
  return {
    /** Counts bytes and lines flowing through `source`, reporting at bounded intervals. */
    async *counting(source: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
      // Several readers may pass (hash and fold); count the furthest one only.
      let mine = 0;
      let lines = 0;
      for await (const chunk of source) {
        mine += chunk.byteLength;
        for (const byte of chunk) if (byte === 10) lines++;
        if (mine > bytesRead) {
          bytesRead = mine;
          linesRead = Math.max(linesRead, lines);
        }
        if (now() - last >= progressIntervalMs) void write('reading');
        yield chunk;
      }
    },
    /** Records a new stage now. */
    stage: (stage: SampleProgress['stage']) => write(stage),
    /** Waits for pending writes (so none lands after the final status). */
    settled: () => writing,
  };
}
