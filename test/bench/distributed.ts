import { createReadStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createLocalWorkflow } from '../../functions/analyze/distributed/local-runner';
import { createSampleAnalyzer } from '../../functions/analyze/engine';
import { createAnalyzeHandler } from '../../functions/analyze/handler';
import { exampleRecords, recordTexts, withClusterTexts } from '../../functions/core/analysis';
import type { BlobStore } from '../../functions/store/blob-store';
import type { Sample } from '../../functions/store/samples';
import { invitedAssessment, startTestPortal } from '../api/harness';
import { writeCorpus } from './corpus';

// Usage: npx tsx test/bench/distributed.ts [--records 850000] [--range-mb 64] [--dir <path>] [--keep]
// One pass (the one-Lambda path: fold, finalize, cluster texts) against the distributed path
// (plan → fold each line-aligned range → merge, through the same handlers as the state machine,
// run one range after another by the local runner against the embedded DynamoDB and S3) on the
// same ~1 GB JSON Lines file. The sample object is served from the file (not copied into s3rver).

const fmt = (n: number, d = 2) =>
  n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

/** The portal's blob store, with the one sample key served from a local file. */
function withFile(blobs: BlobStore, bucket: string, key: string, file: string, size: number) {
  const mine = (b: string, k: string) => b === bucket && k === key;
  const read = (start?: number, end?: number) =>
    createReadStream(file, { start, end, highWaterMark: 1 << 20 });
  return {
    ...blobs,
    head: async (b: string, k: string) =>
      mine(b, k) ? { size, etag: `"bench-${size}"`, metadata: {} } : blobs.head(b, k),
    stream: async (b: string, k: string) => (mine(b, k) ? read() : blobs.stream(b, k)),
    streamRange: async (b: string, k: string, s: number, e: number) =>
      mine(b, k) ? read(s, e) : blobs.streamRange(b, k, s, e),
  } satisfies BlobStore;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      records: { type: 'string', default: '850000' },
      'range-mb': { type: 'string', default: '64' },
      dir: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  });
  const n = Number(values.records);
  const rangeBytes = Math.round(Number(values['range-mb']) * 1024 ** 2);
  const dir = values.dir ?? (await mkdtemp(join(tmpdir(), 'diligence-distributed-')));
  await mkdir(dir, { recursive: true });
  const file = join(dir, `corpus-${n}.jsonl`);
  if (!existsSync(file)) await writeCorpus(file, n);
  const size = (await stat(file)).size;
  const now = new Date('2025-01-01T00:00:00Z');
  console.log(
    `Distributed path vs one pass on ${n.toLocaleString('en-US')} ~200-word JSON Lines records (${fmt(size / 1e9)} GB), ranges of ${values['range-mb']} MiB, folded one after another in this process.`,
  );

  const t = await startTestPortal();
  try {
    const proc = await t.staff('procurement', 'demo', 'bench@demo.test');
    const { id, token } = await invitedAssessment(t, proc);
    const res = await t.call('POST', '/api/vendor/samples', {
      token,
      body: {
        fileName: 'bench.jsonl',
        role: 'training',
        sizeBytes: size,
        contentType: 'application/jsonl',
      },
    });
    const { sampleId } = (await res.json()) as { sampleId: string };
    const { deps } = t.portal;
    const sample = (await deps.repos.samples.get('demo', id, sampleId)) as Sample;
    const bucket = deps.config.SAMPLES_BUCKET;
    const blobs = withFile(deps.blobs, bucket, sample.key, file, size);

    let start = performance.now();
    const read = (s?: number, e?: number) =>
      createReadStream(file, { start: s, end: e, highWaterMark: 1 << 20 });
    const one = await createSampleAnalyzer().analyzeObject(
      { size, open: async () => read(), openRange: async (s, e) => read(s, e) },
      { fileName: sample.fileName, fields: {}, now, workers: 1 },
    );
    const texts = await recordTexts(read(), one.analysis, exampleRecords(one.analysis), {
      fileName: sample.fileName,
    });
    const onePass = JSON.stringify(withClusterTexts(one.analysis, texts));
    const oneSeconds = (performance.now() - start) / 1000;

    const config = {
      ...deps.config,
      DISTRIBUTED_THRESHOLD_BYTES: 1,
      DISTRIBUTED_RANGE_BYTES: rangeBytes,
    };
    const quiet = { sampleAnalyzed() {}, analysisFailed() {}, reportScored() {}, flush() {} };
    const runDeps = { ...deps, config, blobs, clock: () => now, metrics: quiet };
    const local = createLocalWorkflow(runDeps);
    const analyze = createAnalyzeHandler({
      ...runDeps,
      analyzer: createSampleAnalyzer(),
      workflow: local.starter,
    });
    start = performance.now();
    await analyze([{ bucket, key: sample.key, size }]);
    const distSeconds = (performance.now() - start) / 1000;
    const [execution] = [...local.executions.values()];
    const stored = (await deps.repos.samples.get('demo', id, sampleId)) as Sample;
    const distributed = await deps.blobs.getText(bucket, stored.analysisKey as string);
    const stored_: Uint8Array[] = [];
    for await (const c of await deps.blobs.stream(bucket, stored.partialKey as string))
      stored_.push(c);
    const partialsEqual = Buffer.concat(stored_).equals(Buffer.concat(one.partial));
    const ms = execution?.timings;
    console.log('\n  path            seconds   MB/s   ranges  result');
    console.log(
      `  one pass     ${fmt(oneSeconds).padStart(10)} ${fmt(size / 1e6 / oneSeconds, 1).padStart(6)}        1  ${one.analysis.input.records.toLocaleString('en-US')} records`,
    );
    console.log(
      `  distributed  ${fmt(distSeconds).padStart(10)} ${fmt(size / 1e6 / distSeconds, 1).padStart(6)} ${String(execution?.folds ?? 0).padStart(8)}  ${stored.status}, ${stored.hashMethod}`,
    );
    console.log(
      `\n  distributed / one pass: ${fmt(distSeconds / oneSeconds)}x (serial here; in AWS the ranges fold in parallel)`,
    );
    console.log(
      `  analysis JSON identical: ${distributed === onePass ? 'yes' : 'NO'}; partial identical: ${partialsEqual ? 'yes' : 'NO'}`,
    );
    if (ms) {
      const folds = Math.max(1, execution?.folds ?? 1);
      console.log(
        `  steps: plan ${fmt(ms.plan / 1000)} s, folds ${fmt(ms.fold / 1000)} s (${fmt(ms.fold / 1000 / folds)} s per ${values['range-mb']} MiB range, ${fmt(size / 1e6 / (ms.fold / 1000), 1)} MB/s), group merges ${fmt(ms.group / 1000)} s, final merge ${fmt(ms.merge / 1000)} s`,
      );
    }
    if (distributed !== onePass) process.exitCode = 1;
  } finally {
    await t.stop();
    if (!values.keep && !values.dir) await rm(dir, { recursive: true, force: true });
  }
}

await main();
