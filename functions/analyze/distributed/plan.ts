import type { AppDeps } from '../../api/env';
import { DEFAULT_LIMITS } from '../../core/analysis';
import { styleRate } from '../../core/analysis/synthetic/sample';
import { lineAlignedRanges, newlineFinder } from '../../core/tree-hash';
import type { Config } from '../../lib/config';
import { StaleObjectError } from '../../store/object-pin';
import { inputLimitsOf } from '../engine';
import { probeSample } from '../shards/probe';
import { type UploadLookups, uploadReader } from '../uploads';
import { DistributedInputError, gigabytes, SupersededRunError } from './errors';
import { planImageArchive } from './plan-images';
import {
  type ManifestItem,
  mergeGroups,
  type PlanOutput,
  type RunInput,
  runKeys,
  runPin,
} from './types';
import type { WorkObjects } from './work-objects';

/** What the plan step needs. */
export type PlanDeps = Pick<AppDeps, 'logger'> & {
  repos: UploadLookups;
  blobs: WorkObjects;
  config: Config;
};

async function firstBytes(stream: AsyncIterable<Uint8Array>, n: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of stream) {
    parts.push(chunk);
    length += chunk.length;
    if (length >= n) break;
  }
  return Buffer.concat(parts).subarray(0, n);
}

/**
 * The sampling level every range starts at: two levels below what the record count estimated from
 * the first MiB's line length needs, so it stays at or under the one pass's final level unless the
 * file's lines are on average 4× shorter than its first ones (then ranges simply index more).
 * Starting there keeps each range's partial near the index cap instead of far above it.
 */
export function startingLevel(size: number, head: Uint8Array): number {
  let lines = 0;
  for (const byte of head) if (byte === 0x0a) lines++;
  if (lines === 0 || head.length === 0) return 0;
  const estimated = (size / head.length) * lines;
  const needed = Math.ceil(Math.log2(estimated / DEFAULT_LIMITS.maxIndexedRecords));
  return Math.max(0, needed - 2);
}

/**
 * The plan step: checks the upload is still the one the run was started for, plans image archives
 * apart (`planImageArchive`: zip entry ranges, tar refused), refuses what cannot be split (gzip
 * over the one-Lambda budget, CSV, a JSON array), probes format and fields once for the whole
 * file, and writes a JSON Lines manifest of line-aligned byte ranges to S3.
 */
export function createPlanHandler(deps: PlanDeps) {
  const { blobs, config } = deps;
  return async (run: RunInput): Promise<PlanOutput> => {
    const { organizationId, scope, sampleId } = run;
    const sample = await uploadReader(deps.repos).get({ organizationId, scope, sampleId });
    if (!sample) throw new SupersededRunError('the sample no longer exists');
    const head = await blobs.head(run.bucket, run.key, runPin(run)).catch((error: unknown) => {
      if (error instanceof StaleObjectError) return undefined;
      throw error;
    });
    if (!head || (head.etag ?? String(head.size)) !== run.etag)
      throw new SupersededRunError('the object was replaced or deleted since the run started');
    if (head.size !== sample.sizeBytes)
      throw new DistributedInputError(
        `The uploaded file has ${head.size} bytes but ${sample.sizeBytes} were declared. Register the file again with its exact size and upload it once more.`,
      );
    const open = (from: number) =>
      blobs.streamRange(run.bucket, run.key, from, head.size - 1, runPin(run));
    const images = await planImageArchive(deps, run, sample.fileName, head.size, open);
    if (images) return images;
    const magic = await firstBytes(await open(0), 2);
    // a sample under the threshold is here because its one pass ran out of time
    const handedOver = head.size <= config.DISTRIBUTED_THRESHOLD_BYTES;
    if (magic[0] === 0x1f && magic[1] === 0x8b)
      throw new DistributedInputError(
        handedOver
          ? `"${sample.fileName}" (gzip-compressed, ${gigabytes(head.size)}) could not be analyzed within the time one analysis may take, and a gzip file cannot be split into parts. Upload it uncompressed (JSON Lines or plain text), or split it into smaller compressed files.`
          : `"${sample.fileName}" is gzip-compressed and ${gigabytes(head.size)}. A gzip file cannot be split into parts, so compressed samples are analyzed only up to ${gigabytes(config.DISTRIBUTED_THRESHOLD_BYTES)}. Upload it uncompressed (JSON Lines or plain text, any size), or split it into compressed files under that size.`,
      );
    const fields = sample.fieldOverrides;
    const setup = await probeSample(await open(0), { fileName: sample.fileName, fields });
    if (!setup)
      throw new DistributedInputError(
        `"${sample.fileName}" (${gigabytes(head.size)}) could not be read as JSON Lines or plain text from its first records. ${handedOver ? 'It could not be analyzed within the time one analysis may take, so it must be split into parts' : `Samples over ${gigabytes(config.DISTRIBUTED_THRESHOLD_BYTES)} are split into parts`} at line ends, which CSV files and JSON arrays do not allow: convert it to JSON Lines (one JSON object per line) and upload it again, or upload a smaller sample.`,
      );
    const sampleBits = startingLevel(head.size, await firstBytes(await open(0), 1 << 20));
    const rangeBytes = config.DISTRIBUTED_RANGE_BYTES;
    const ranges = await lineAlignedRanges(head.size, rangeBytes, newlineFinder(open));
    const keys = runKeys(run);
    const settings = {
      ...setup,
      input: inputLimitsOf(config),
      ...('drawKey' in sample && sample.drawKey ? { spotCheck: { key: sample.drawKey } } : {}),
      // fixed once from the whole object's size: every range scores style at the same rate
      styleRate: styleRate(head.size),
    };
    const items: ManifestItem[] = ranges.map((r, index) => ({
      run,
      index,
      start: r.start,
      end: r.end,
      sampleBits,
      settings,
      partialKey: keys.partial(index),
    }));
    await blobs.put(
      config.SAMPLES_BUCKET,
      keys.manifest,
      `${items.map((i) => JSON.stringify(i)).join('\n')}\n`,
      { contentType: 'application/jsonl' },
    );
    deps.logger.info('distributed analysis planned', { key: run.key, ranges: items.length });
    return {
      run,
      manifest: { bucket: config.SAMPLES_BUCKET, key: keys.manifest },
      ranges: items.length,
      rangeBytes,
      groups: mergeGroups(items.length, config.DISTRIBUTED_MERGE_GROUP_RANGES),
    };
  };
}
