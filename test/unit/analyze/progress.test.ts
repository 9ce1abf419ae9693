import { describe, expect, it } from 'vitest';
import { createProgress, progressIntervalMs } from '../../../functions/analyze/progress';
import type { Sample, SampleProgress } from '../../../functions/store/samples';

const sample = { sampleId: 's', sizeBytes: 6000, version: 2 } as Sample;

async function* chunks(count: number, size: number): AsyncIterable<Uint8Array> {
  for (let i = 0; i < count; i++) {
    const chunk = new Uint8Array(size).fill(97);
    chunk[size - 1] = 10;
    yield chunk;
  }
}

describe('analysis progress', () => {
  it('writes at most once per interval however many chunks pass, with bytes and lines read', async () => {
    let clock = 0;
    const written: SampleProgress[] = [];
    const progress = createProgress(
      sample,
      async (_s, p) => {
        written.push(p);
        return true;
      },
      () => clock,
    );
    const seen: number[] = [];
    for await (const chunk of progress.counting(chunks(60, 100))) {
      seen.push(chunk.byteLength);
      clock += 100; // 60 chunks over 6 s: 3 intervals of 2 s
    }
    await progress.stage('saving');
    await progress.settled();
    expect(seen).toHaveLength(60);
    const reading = written.filter((p) => p.stage === 'reading');
    // Chunks are seen at 0, 100, …, 5900 ms: writes fall due at 2000 and 4000 ms only.
    expect(reading.length).toBe(Math.floor(5900 / progressIntervalMs));
    expect(reading.at(-1)?.linesRead).toBeGreaterThan(40);
    expect(written.at(-1)).toMatchObject({
      stage: 'saving',
      bytesRead: 6000,
      totalBytes: 6000,
      linesRead: 60,
    });
  });

  it('never fails the analysis when a progress write fails', async () => {
    let clock = 0;
    const progress = createProgress(
      sample,
      async () => {
        throw new Error('table unavailable');
      },
      () => clock,
    );
    let total = 0;
    for await (const chunk of progress.counting(chunks(30, 100))) {
      total += chunk.byteLength;
      clock += 500;
    }
    await expect(progress.settled()).resolves.toBe(false);
    expect(total).toBe(3000);
  });
});
