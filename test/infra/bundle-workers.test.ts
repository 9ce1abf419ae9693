import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { runShard, shardWorkerUrl } from '../../functions/analyze/shards/pool';
import { bundleLambda } from '../../infra/bundle';
import { ANALYZE_WORKERS } from '../../infra/constructs/analyzer';
import { codeOutputs, runModule } from './bundle-tools';
import { projectRoot } from './synth';

/** 300 JSON Lines records, some repeated, about 20 KB. */
const text = `${Array.from({ length: 300 }, (_, i) =>
  JSON.stringify({ text: `record ${i % 250} says ${'word '.repeat(10 + (i % 40))}` }),
).join('\n')}\n`;

/** Bundle directories this file wrote, removed at the end. */
const outdirs: string[] = [];
const tempOutdir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'diligence-workers-'));
  outdirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
});

/** Bundles a stand-in Lambda with the analyzer's worker entries, as the analyzer is deployed. */
function bundleFixture(entry: string) {
  const outdir = tempOutdir();
  const bundle = bundleLambda({ projectRoot, entry, outdir, workers: ANALYZE_WORKERS });
  const holder = [...codeOutputs(bundle.metafile)].find(([, o]) =>
    Object.keys(o.inputs).includes('functions/analyze/shards/pool.ts'),
  );
  return { bundle, poolFile: holder?.[0] };
}

/** Runs the bundled stand-in in plain Node: a fold over two shard workers. */
function foldInBundle(entryFile: string) {
  const event = { text, workers: 2, shardBytes: 4096 };
  const script = `const { handler } = await import(${JSON.stringify(entryFile)});
    process.stdout.write(JSON.stringify(await handler(${JSON.stringify(event)})));`;
  return JSON.parse(runModule(script));
}

describe('worker threads in a bundle', () => {
  const expected = {
    records: 300,
    sha256: createHash('sha256').update(text).digest('hex'),
  };

  it('the analyzer code starts worker.mjs from the entry file and folds shards on it', () => {
    const { bundle, poolFile } = bundleFixture('test/infra/fixtures/shard-lambda.ts');
    expect(poolFile).toBe('index.mjs');
    const run = foldInBundle(bundle.entryFile);
    expect(run).toMatchObject(expected);
    expect(run.shards).toBeGreaterThan(1);
  }, 120_000);

  it('and from a chunk, when the shard code is reached through import()', () => {
    const { bundle, poolFile } = bundleFixture('test/infra/fixtures/shard-lambda-lazy.ts');
    expect(poolFile).toMatch(/^chunks\//);
    const run = foldInBundle(bundle.entryFile);
    expect(run).toMatchObject(expected);
    expect(run.shards).toBeGreaterThan(1);
  }, 120_000);

  it('a bundled worker.mjs folds a shard sent by the source-side pool', async () => {
    const outdir = tempOutdir();
    bundleLambda({
      projectRoot,
      entry: 'functions/analyze/lambda.ts',
      outdir,
      workers: ANALYZE_WORKERS,
    });
    const worker = new Worker(join(outdir, 'worker.mjs'));
    try {
      async function* source() {
        yield new TextEncoder().encode(text);
      }
      const settings = {
        fileName: 'sample.jsonl',
        format: 'jsonl',
        fields: {},
        continues: false,
      } as const;
      const partial = await runShard(worker, 0, settings, source());
      expect(partial?.records).toBe(300);
    } finally {
      await worker.terminate();
    }
  }, 120_000);
});

describe('shardWorkerUrl', () => {
  it('finds worker.ts beside pool.ts in the sources', () => {
    expect(shardWorkerUrl('file:///p/functions/analyze/shards/pool.ts').href).toBe(
      'file:///p/functions/analyze/shards/worker.ts',
    );
  });
  it('finds worker.mjs at the bundle root from the entry file or a chunk', () => {
    expect(shardWorkerUrl('file:///var/task/index.mjs').href).toBe('file:///var/task/worker.mjs');
    expect(shardWorkerUrl('file:///var/task/chunks/chunk-AB12.mjs').href).toBe(
      'file:///var/task/worker.mjs',
    );
  });
});
