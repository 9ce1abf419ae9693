import { readFile } from 'node:fs/promises';
import { finalize } from '../core/analysis';
import {
  estimateSpotCheck,
  SPOT_TAGS,
  type SpotEstimate,
  type SpotTag,
} from '../core/analysis/spot-check';
import { FileInputError, foldFile, textFields } from './fold-file';
import type { CliIo } from './io';
import type { SpotCheckArgs } from './spot-check-command';

/** One reviewer tag read from a tags file, with the line it came from. */
export interface TagLine {
  line: number;
  index: number;
  tag: SpotTag;
}

/**
 * Reads a tags file: one JSON object a line, `{ index, tag }` (other fields, such as flags, are
 * ignored); blank lines skipped. Any bad line is a `FileInputError` naming the file and line.
 */
export async function readTags(file: string): Promise<TagLine[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new FileInputError(`cannot read ${file}: ${(e as Error).message}`);
  }
  const seen = new Map<number, number>();
  const tags: TagLine[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    const at = `${file} line ${line}`;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      throw new FileInputError(`${at}: not JSON (${(e as Error).message})`);
    }
    const { index, tag } = (value ?? {}) as { index?: unknown; tag?: unknown };
    if (typeof value !== 'object' || Array.isArray(value) || value === null)
      throw new FileInputError(`${at}: expected an object {"index": N, "tag": "machine"}`);
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0)
      throw new FileInputError(`${at}: "index" must be a record position (0 or more)`);
    if (typeof tag !== 'string' || !SPOT_TAGS.includes(tag as SpotTag))
      throw new FileInputError(`${at}: "tag" must be one of ${SPOT_TAGS.join(', ')}`);
    const earlier = seen.get(index);
    if (earlier !== undefined)
      throw new FileInputError(`${at}: record ${index} was already tagged on line ${earlier}`);
    seen.set(index, line);
    tags.push({ line, index, tag: tag as SpotTag });
  });
  if (tags.length === 0) throw new FileInputError(`${file}: no tags (one JSON line per record)`);
  return tags;
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

function readable(e: SpotEstimate, file: string): string {
  return (
    `Spot-check of ${file}: machine-made share ${pct(e.share)} ` +
    `(95 % interval ${pct(e.interval[0])} – ${pct(e.interval[1])}), ` +
    `${e.reviewed} records reviewed, ${e.unsure} unsure.\nMethod: ${e.method}\n`
  );
}

/** `diligence spot-check estimate <file> --tags <tags.jsonl>`: strata recomputed from the file. */
export async function runSpotCheckEstimate(a: SpotCheckArgs, io: CliIo): Promise<number> {
  if (a.tags === undefined) throw new FileInputError('--tags <tags.jsonl> is required');
  const tags = await readTags(a.tags);
  const wanted = new Map(tags.map((t) => [t.index, t]));
  const strata = new Map<number, number | null>();
  const text = textFields(a.text);
  const partial = await foldFile(a.file, io, text ? { text } : {}, {
    onStratum: (record, stratum) => {
      if (wanted.has(record)) strata.set(record, stratum);
    },
  });
  const spot = finalize(partial).spotCheck;
  for (const t of tags) {
    const at = `${a.tags} line ${t.line}`;
    if (t.index >= partial.records)
      throw new FileInputError(
        `${at}: index ${t.index} is beyond ${a.file}, which has ${partial.records} records (0 to ${partial.records - 1})`,
      );
    if (strata.get(t.index) === null)
      throw new FileInputError(
        `${at}: record ${t.index} of ${a.file} has no text, so it cannot have been drawn`,
      );
  }
  if (!spot) throw new FileInputError(`${a.file}: no record has text`);
  const estimate = estimateSpotCheck(
    spot.strata,
    tags.map((t) => ({ stratum: strata.get(t.index) as number, tag: t.tag })),
  );
  io.stdout.write(a.json ? `${JSON.stringify(estimate)}\n` : readable(estimate, a.file));
  return 0;
}
