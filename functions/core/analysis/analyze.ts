import { AnalysisInputError, UnusableInputError } from './errors';
import { checkFieldOverrides } from './fields/check';
import { detectFields } from './fields/detect';
import { type FinalizeOptions, finalize } from './finalize';
import { peekArchive } from './images/dispatch';
import { foldImages } from './images/fold';
import type { ImageLimits } from './images/limits';
import type { AnalysisLimits } from './params';
import { decodeText } from './parse/decode';
import { detectFormat, type InputFormat } from './parse/format';
import type { ParseState, RawItem } from './parse/items';
import { checkDeadline, checkRecords, type InputLimits, inputLimits } from './parse/limits';
import { parseRecords } from './parse/records';
import { createPartial } from './partial/create';
import { Folder } from './partial/fold';
import { reserveIndex } from './partial/record-index';
import type { AnalysisPartial } from './partial/types';
import { createPool } from './spot-check/pool';
import {
  createStyleSampling,
  GZIP_RATIO,
  STYLE_BYTES_PER_RECORD,
  styleRate,
} from './synthetic/sample';
import type { Analysis, FieldMapping } from './types';

/** Progress of a running analysis. */
export interface AnalysisProgress {
  bytes: number;
  records: number;
}

/** Options for `analyzeSource` and `foldSource`. */
export interface AnalyzeOptions extends FinalizeOptions {
  /** Used to choose the format (".jsonl", ".csv.gz", ...) and shown in reports. */
  fileName?: string;
  /** Skips format detection. */
  format?: InputFormat;
  /** Field paths that override detection, e.g. { text: 'body', label: 'class' }. */
  fields?: Partial<FieldMapping>;
  /**
   * Refuse `fields` naming a field the first records lack (default true). False when `fields` is
   * a mapping already detected from the whole file, as shards of one file receive it.
   */
  checkMapping?: boolean;
  /**
   * Sampling level the record index starts at (default 0). A part of a file may start at a level
   * no higher than the whole file's final one: merged, it equals the one-pass partial.
   */
  sampleBits?: number;
  /**
   * Keep a spot-check review pool (`partial.spotPool`) drawn with `key`. In the product the key is
   * a secret per sample, never shown to the vendor, so nobody can predict (or arrange) which records
   * a reviewer will read; the CLI takes it from `--seed`. Without it no pool is kept (no cost).
   */
  spotCheck?: { key: string };
  /**
   * Stored bytes of the whole sample this source is (or is a part of): fixes, before the pass, the
   * rate at which the style model scores records (`styleRate`; gzip input counts as compressed).
   * Every part of one sample must get the same size and key. Without it every record is scored.
   * A source given its size (the one pass) also allocates its record index once for the records
   * the size suggests; parts of a sample get `styleRate` instead.
   */
  sizeBytes?: number;
  /**
   * The style sampling rate itself, in (0, 1] (overrides `sizeBytes`; for parts of a sample whose
   * planner fixed it, tests and benchmarks). 1: every record is scored.
   */
  styleRate?: number;
  /** Called with each record's index in this part and its spot-check stratum (null: no text). */
  onStratum?: (record: number, stratum: number | null) => void;
  /**
   * Leave out the per-source counts and the language sample (the analysis then has neither
   * `bySource` nor `languages`): for measuring their cost (test/bench/sources.ts).
   */
  skipSourcesAndLanguages?: boolean;
  /** Called after each parsed batch. */
  onProgress?: (progress: AnalysisProgress) => void;
  limits?: Partial<AnalysisLimits>;
  /** Input limits (decompressed size, line length, columns, depth, records, time). */
  input?: Partial<InputLimits>;
  /** When the time limit ends (epoch ms); default: now + the time limit. */
  deadline?: number;
  /** Caps of image archives (entries, bytes per entry, pixels per image). */
  images?: Partial<ImageLimits>;
}

/** Passes `source` through, noting whether it starts with the gzip magic bytes. */
async function* sniffGzip(
  source: AsyncIterable<Uint8Array>,
  out: { gzip: boolean },
): AsyncGenerator<Uint8Array> {
  let first = true;
  for await (const chunk of source) {
    if (first && chunk.length > 0) {
      out.gzip = chunk[0] === 0x1f && chunk[1] === 0x8b;
      first = false;
    }
    yield chunk;
  }
}

async function* prepend(first: string, rest: AsyncIterator<string>): AsyncGenerator<string> {
  if (first) yield first;
  for (let r = await rest.next(); !r.done; r = await rest.next()) yield r.value;
}

function failOnMalformed(p: AnalysisPartial, final: boolean): void {
  const { malformed, records, limits } = p;
  const first = p.malformedExamples[0];
  if (!first || malformed <= limits.malformedMin) return;
  const total = malformed + records;
  if (records === 0 || (final && malformed / total > limits.malformedShare)) {
    const share = `${malformed} of ${total} rows could not be read`;
    throw new UnusableInputError(
      `${first.message} (${share}; the limit is ${limits.malformedShare * 100}%). Fix or remove the malformed rows and upload the file again`,
      { line: first.line },
    );
  }
}

/**
 * Reads a sample (bytes, optionally gzip) and folds it into a mergeable partial. Fails with
 * AnalysisInputError when the input is unusable: no records, no text field, or more malformed rows
 * than the limits allow (the message names the first bad line).
 */
export async function foldSource(
  source: AsyncIterable<Uint8Array>,
  options: AnalyzeOptions = {},
): Promise<AnalysisPartial> {
  if (options.spotCheck && !(typeof options.spotCheck.key === 'string' && options.spotCheck.key))
    throw new Error('spotCheck.key must be a non-empty string');
  if (options.styleRate !== undefined && !(options.styleRate > 0 && options.styleRate <= 1))
    throw new Error(`styleRate must be in (0, 1]: ${options.styleRate}`);
  if (!options.format) {
    // image archives (zip, tar, tar.gz) take their own path before any text parser
    const peeked = await peekArchive(source, options.fileName);
    if (peeked.kind) return foldImages(peeked.source, peeked.kind, options);
    source = peeked.source;
  }
  const stats = { bytes: 0 };
  const limits = inputLimits(options.input);
  const deadline = options.deadline ?? Date.now() + limits.timeBudgetMs;
  const sniff = { gzip: false };
  const text = decodeText(sniffGzip(source, sniff), stats, limits);
  // format and CSV delimiter detection need at least the first two lines
  let head = '';
  for (let r = await text.next(); !r.done; r = await text.next()) {
    head += r.value;
    const nl = head.indexOf('\n');
    if ((nl >= 0 && head.indexOf('\n', nl + 1) >= 0) || head.length >= 65536) break;
  }
  const format = options.format ?? detectFormat(options.fileName, head);
  checkDeadline(deadline, limits);
  const state: ParseState = { lines: 0 };
  const chunks = prepend(head, text);
  const pending: RawItem[] = [];
  let pendingRecords = 0;
  let folder: Folder | null = null;
  const sampleSize = options.limits?.detectionSample ?? 200;
  const start = () => {
    const records = pending.filter((i) => i.error === undefined).map((i) => i.value);
    if (options.checkMapping !== false)
      checkFieldOverrides(options.fields, records, options.fileName);
    const fields = detectFields(records, options.fields);
    const partial = createPartial(fields, format, options.fileName ?? null, options.limits);
    partial.index.sampleBits = options.sampleBits ?? 0;
    // a whole source of known size: its record index is allocated once, not grown by doubling
    if (options.sizeBytes && options.sizeBytes > 0) {
      const bytes = (sniff.gzip ? GZIP_RATIO : 1) * options.sizeBytes;
      reserveIndex(partial.index, bytes / STYLE_BYTES_PER_RECORD, bytes, partial.limits);
    }
    if (options.skipSourcesAndLanguages) {
      delete partial.sources;
      delete partial.languages;
    }
    const key = options.spotCheck?.key;
    if (key !== undefined) partial.spotPool = createPool(key);
    // parts share the key and rate, so they pick the same records; a per-record callback needs
    // every record's score
    const rate = options.styleRate ?? styleRate(options.sizeBytes ?? 0, sniff.gzip);
    if (rate < 1 && !options.onStratum) partial.styleSampling = createStyleSampling(key, rate);
    const f = new Folder(partial, { key, onStratum: options.onStratum });
    for (const item of pending.splice(0)) {
      if (item.error !== undefined) f.malformed(item.line, item.error);
      else f.add(item.value);
    }
    return f;
  };
  let seen = 0;
  for await (const batch of parseRecords(chunks, format, head, state, limits)) {
    seen += batch.length;
    checkRecords(seen, limits);
    checkDeadline(deadline, limits);
    for (const item of batch) {
      if (folder) {
        if (item.error !== undefined) folder.malformed(item.line, item.error);
        else folder.add(item.value);
      } else {
        pending.push(item);
        if (item.error === undefined) pendingRecords++;
        if (pendingRecords >= sampleSize) folder = start();
      }
    }
    if (folder) failOnMalformed(folder.partial, false);
    else if (pending.length > sampleSize * 5 && pendingRecords === 0) {
      const bad = pending.find((i) => i.error !== undefined) as RawItem;
      throw new AnalysisInputError(bad.error as string, { line: bad.line });
    }
    options.onProgress?.({
      bytes: stats.bytes,
      records: folder ? folder.partial.records : pendingRecords,
    });
  }
  if (!folder) {
    if (pendingRecords === 0) {
      const bad = pending.find((i) => i.error !== undefined);
      if (bad) throw new AnalysisInputError(bad.error as string, { line: bad.line });
      throw new AnalysisInputError('no records found: the file is empty');
    }
    folder = start();
  }
  const partial = folder.partial;
  partial.bytes = stats.bytes;
  partial.lines = state.lines;
  failOnMalformed(partial, true);
  return partial;
}

/** Analyzes one sample: the Analysis plus the partial to store, merge, or compare against a holdout. */
export async function analyzeSource(
  source: AsyncIterable<Uint8Array>,
  options: AnalyzeOptions = {},
): Promise<{ analysis: Analysis; partial: AnalysisPartial }> {
  const partial = await foldSource(source, options);
  return { analysis: finalize(partial, options), partial };
}

/** A sample to analyze: its bytes plus per-file options. */
export interface SourceInput extends Omit<AnalyzeOptions, 'holdout' | 'now'> {
  source: AsyncIterable<Uint8Array>;
}

/**
 * Analyzes a training sample and, optionally, a holdout sample; the training analysis then carries
 * contamination and missing-class checks against the holdout.
 */
export async function analyzeSources(
  training: SourceInput,
  holdout?: SourceInput,
  options: { now?: Date | number } = {},
): Promise<{
  analysis: Analysis;
  partial: AnalysisPartial;
  holdout?: { analysis: Analysis; partial: AnalysisPartial };
}> {
  const trainPartial = await foldSource(training.source, training);
  if (!holdout) return { analysis: finalize(trainPartial, options), partial: trainPartial };
  const holdPartial = await foldSource(holdout.source, holdout);
  return {
    analysis: finalize(trainPartial, { ...options, holdout: holdPartial }),
    partial: trainPartial,
    holdout: { analysis: finalize(holdPartial, options), partial: holdPartial },
  };
}
