import {
  AnalysisInputError,
  DEFAULT_LIMITS,
  detectFields,
  type FieldMapping,
} from '../../core/analysis';
import { checkFieldOverrides } from '../../core/analysis/fields/check';
import { decodeText } from '../../core/analysis/parse/decode';
import { detectFormat } from '../../core/analysis/parse/format';
import { lineRecords } from '../../core/analysis/parse/lines';
import type { ShardSettings } from './protocol';

/** Every optional field, '' meaning "none" (detectFields keeps '' overrides and drops them). */
const NONE: Required<Omit<FieldMapping, 'text'>> = {
  label: '',
  source: '',
  createdAt: '',
  synthetic: '',
  generator: '',
  license: '',
  confidence: '',
  id: '',
};

async function* prepend<T>(first: T, rest: AsyncIterator<T>): AsyncGenerator<T> {
  yield first;
  for (let r = await rest.next(); !r.done; r = await rest.next()) yield r.value;
}

/**
 * Reads the start of a sample the way `foldSource` does and returns the format and field mapping
 * every shard must use, or undefined when the sample cannot be sharded by lines: gzip (magic
 * bytes), a JSON array, CSV/TSV, or input the analyzer rejects (the single pass reports it).
 */
export async function probeSample(
  source: AsyncIterable<Uint8Array>,
  options: { fileName?: string; fields?: Partial<FieldMapping> },
): Promise<Omit<ShardSettings, 'continues'> | undefined> {
  const it = source[Symbol.asyncIterator]();
  try {
    const first = await it.next();
    if (first.done) return undefined;
    let magic = first.value;
    if (magic.length < 2) {
      const second = await it.next();
      magic = second.done ? magic : Buffer.concat([magic, second.value]);
    }
    if (magic[0] === 0x1f && magic[1] === 0x8b) return undefined;
    const text = decodeText(prepend(magic, it), { bytes: 0 });
    let head = '';
    for (let r = await text.next(); !r.done; r = await text.next()) {
      head += r.value;
      const nl = head.indexOf('\n');
      if ((nl >= 0 && head.indexOf('\n', nl + 1) >= 0) || head.length >= 65536) break;
    }
    const format = detectFormat(options.fileName, head);
    if (format !== 'jsonl' && format !== 'text') return undefined;
    const records: unknown[] = [];
    const wanted = DEFAULT_LIMITS.detectionSample;
    reading: for await (const batch of lineRecords(prepend(head, text), format, { lines: 0 })) {
      for (const item of batch) {
        if (item.error !== undefined) continue;
        records.push(item.value);
        if (records.length >= wanted) break reading;
      }
    }
    // a mapping naming a missing field: the single pass refuses it with the message
    checkFieldOverrides(options.fields, records, options.fileName);
    const fields = detectFields(records, options.fields);
    return { fileName: options.fileName, format, fields: { ...NONE, ...fields } };
  } catch (error) {
    if (error instanceof AnalysisInputError) return undefined;
    throw error;
  } finally {
    await it.return?.();
  }
}
