import { exampleRecords, recordTexts, withClusterTexts } from '../../core/analysis';
import type { Analysis } from '../../core/analysis/types';
import type { BlobStore } from '../../store/blob-store';
import { eachLimit, PARALLEL_READS } from './bounded';
import { rangeSource } from './fold';
import type { FoldOutput, ManifestItem } from './types';

/**
 * Adds the masked texts of the largest duplicate clusters' examples, each read from the range that
 * holds its record (found from the ranges' record counts), never from a second read of the file;
 * the ranges holding examples are read in parallel, at most PARALLEL_READS at once.
 */
export async function withRangeExamples(
  blobs: Pick<BlobStore, 'streamRange'>,
  items: readonly ManifestItem[],
  outputs: readonly FoldOutput[],
  analysis: Analysis,
): Promise<Analysis> {
  const wanted = exampleRecords(analysis);
  if (wanted.length === 0) return analysis;
  const reads: { item: ManifestItem; first: number; local: number[] }[] = [];
  let first = 0;
  for (const [i, item] of items.entries()) {
    const records = (outputs[i] as FoldOutput).records;
    const local = wanted.filter((r) => r >= first && r < first + records).map((r) => r - first);
    if (local.length > 0) reads.push({ item, first, local });
    first += records;
  }
  const texts = new Map<number, string>();
  await eachLimit(reads, PARALLEL_READS, async ({ item, first, local }) => {
    const source = await rangeSource(blobs, item);
    const fileName = item.settings.fileName;
    for (const [r, text] of await recordTexts(source, analysis, local, { fileName }))
      texts.set(r + first, text);
  });
  return withClusterTexts(analysis, texts);
}
