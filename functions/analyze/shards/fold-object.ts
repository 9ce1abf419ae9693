import { createHash, type Hash } from 'node:crypto';
import {
  type AnalysisPartial,
  type FieldMapping,
  foldSource,
  type InputLimits,
  inputLimits,
} from '../../core/analysis';
import { checkRecords } from '../../core/analysis/parse/limits';
import { styleRate } from '../../core/analysis/synthetic/sample';
import { fanOut } from './fan-out';
import { fanOutZip, isStoredZip } from './fan-out-zip';
import { DEFAULT_SHARD_BYTES, shardCount } from './plan';
import type { OpenRange } from './range-reader';

/** A stored sample object: its size, a reader for all of it, and a reader for byte ranges. */
export interface StoredObject {
  size: number;
  open(): Promise<AsyncIterable<Uint8Array>>;
  openRange: OpenRange;
}

/** How to fold a stored object: the analyzer's options plus the fan-out settings. */
export interface FoldObjectOptions {
  fileName?: string;
  fields?: Partial<FieldMapping>;
  /** Worker threads for big JSON Lines and text samples (default 1: one sequential pass). */
  workers?: number;
  /** Largest shard in bytes; objects up to this size are never split (default 64 MiB). */
  shardBytes?: number;
  /** Input limits (defaults: `defaultInputLimits`); the time limit starts now. */
  input?: Partial<InputLimits>;
  /** The sample's secret key for the spot-check pool (absent: no pool is kept). */
  spotCheck?: { key: string };
}

/** What folding an object gives: the partial, the SHA-256 of its bytes, and the shards used. */
export interface FoldedObject {
  partial: AnalysisPartial;
  sha256: string;
  /** 1 when the object was folded in one pass. */
  shards: number;
}

async function* hashing(source: AsyncIterable<Uint8Array>, hash: Hash) {
  for await (const chunk of source) {
    hash.update(chunk);
    yield chunk;
  }
}

async function digest(source: Promise<AsyncIterable<Uint8Array>>, hash: Hash): Promise<void> {
  for await (const chunk of await source) hash.update(chunk);
}

/**
 * Folds a stored sample and hashes its bytes. Small, single-worker, gzip, JSON-array and CSV
 * samples take one pass that hashes as it reads; big JSON Lines and text samples fan out over
 * worker threads while one sequential read computes the SHA-256 alongside.
 */
export async function foldObject(
  object: StoredObject,
  options: FoldObjectOptions,
): Promise<FoldedObject> {
  const hash = createHash('sha256');
  const limits = inputLimits(options.input);
  const fold = {
    fileName: options.fileName,
    fields: options.fields,
    ...(options.spotCheck ? { spotCheck: options.spotCheck } : {}),
    // the object's size fixes the style sampling rate before the pass (gzip: compressed size)
    sizeBytes: object.size,
    input: limits,
    deadline: Date.now() + limits.timeBudgetMs,
  };
  const workers = options.workers ?? 1;
  const shards = shardCount(object.size, workers, options.shardBytes ?? DEFAULT_SHARD_BYTES);
  if (shards > 1 && (await isStoredZip(object, options.fileName))) {
    // a zip of images splits by its central directory's entries (fan-out-zip.ts)
    const [partial] = await Promise.all([
      fanOutZip(object, { ...fold, shards, lanes: workers }),
      digest(object.open(), hash),
    ]);
    return { partial, sha256: hash.digest('hex'), shards };
  }
  if (shards > 1) {
    const [partial] = await Promise.all([
      // shards read uncompressed text only: every one scores at the whole object's rate
      fanOut(object, { ...fold, workers, shards, styleRate: styleRate(object.size) }),
      digest(object.open(), hash),
    ]);
    if (partial) {
      checkRecords(partial.records + partial.malformed, limits);
      return { partial, sha256: hash.digest('hex'), shards };
    }
    return {
      partial: await foldSource(await object.open(), fold),
      sha256: hash.digest('hex'),
      shards: 1,
    };
  }
  const partial = await foldSource(hashing(await object.open(), hash), fold);
  return { partial, sha256: hash.digest('hex'), shards: 1 };
}
