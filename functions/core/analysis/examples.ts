import { compileExtractor, emptyExtracted } from './fields/extract';
import { maskPersonalData } from './metrics/pii';
import { decodeText } from './parse/decode';
import { detectFormat, type InputFormat } from './parse/format';
import { parseRecords } from './parse/records';
import type { Analysis } from './types';

/** How many duplicate clusters get texts, how many texts each, and how long each may be. */
export interface ExampleLimits {
  clusters: number;
  perCluster: number;
  maxChars: number;
}

const defaults: ExampleLimits = { clusters: 4, perCluster: 2, maxChars: 280 };

async function* withHead(head: string, rest: AsyncIterator<string>): AsyncGenerator<string> {
  yield head;
  for (let r = await rest.next(); !r.done; r = await rest.next()) yield r.value;
}

/** The record numbers whose texts reviewers see: the first examples of the largest clusters. */
export function exampleRecords(analysis: Analysis, limits: Partial<ExampleLimits> = {}): number[] {
  // an image archive has no text records: its copy groups name files (and show thumbnails)
  if (analysis.images) return [];
  const l = { ...defaults, ...limits };
  const clusters = [...analysis.duplicates.clusters]
    .sort((a, b) => b.size - a.size)
    .slice(0, l.clusters);
  return [...new Set(clusters.flatMap((c) => c.examples.slice(0, l.perCluster)))];
}

/**
 * Reads the sample a second time and returns the texts of the `records` (record numbers count
 * parsed records in file order, as the fold does), personal data masked, cut to `maxChars`.
 */
export async function recordTexts(
  source: AsyncIterable<Uint8Array>,
  analysis: Analysis,
  records: number[],
  options: { fileName?: string; maxChars?: number } = {},
): Promise<Map<number, string>> {
  const maxChars = options.maxChars ?? defaults.maxChars;
  const wanted = new Set(records);
  const found = new Map<number, string>();
  if (wanted.size === 0) return found;
  const last = Math.max(...wanted);
  const text = decodeText(source, { bytes: 0 });
  const first = await text.next();
  if (first.done) return found;
  const format = (analysis.input.format ||
    detectFormat(options.fileName, first.value)) as InputFormat;
  const extract = compileExtractor(analysis.input.fields);
  const ex = emptyExtracted();
  let index = 0;
  const batches = parseRecords(withHead(first.value, text), format, first.value, { lines: 0 });
  outer: for await (const batch of batches) {
    for (const item of batch) {
      if (item.error !== undefined) continue;
      if (wanted.has(index)) {
        extract(item.value, ex);
        // Mask before cutting, so a cut never leaves half an e-mail address readable.
        const full = maskPersonalData(ex.parts.join('\n'));
        found.set(index, full.length > maxChars ? `${full.slice(0, maxChars - 1)}…` : full);
      }
      if (++index > last) break outer;
    }
  }
  return found;
}

/** A copy of `analysis` whose clusters carry the texts found for their examples. */
export function withClusterTexts(analysis: Analysis, texts: Map<number, string>): Analysis {
  const clusters = analysis.duplicates.clusters.map((c) => {
    const found = c.examples.filter((r) => texts.has(r)).map((r) => texts.get(r) as string);
    return found.length > 0 ? { ...c, texts: found } : c;
  });
  return { ...analysis, duplicates: { ...analysis.duplicates, clusters } };
}
