import type { BlobStore } from '../../store/blob-store';
import type { FoldOutput, ManifestItem } from './types';

/** Where the Distributed Map's ResultWriter put its manifest (the Map state's output). */
export interface ResultWriterDetails {
  Bucket: string;
  Key: string;
}

/** Entries of a result file: a JSON array (JSON output) or one JSON value per line (JSONL). */
function entriesOf(text: string): unknown[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  if (trimmed.startsWith('[')) return JSON.parse(trimmed) as unknown[];
  return trimmed.split('\n').map((line) => JSON.parse(line) as unknown);
}

/** A child's fold output from a result entry: `Output` as a JSON string, an object, or the entry itself. */
function foldOutputOf(entry: unknown): FoldOutput {
  const raw = (entry as { Output?: unknown })?.Output ?? entry;
  const out = (typeof raw === 'string' ? JSON.parse(raw) : raw) as FoldOutput;
  if (!Number.isInteger(out?.index) || typeof out.partialKey !== 'string')
    throw new Error('a Distributed Map result entry is not a fold output');
  return out;
}

/**
 * Every fold output the ResultWriter stored for a Map run (SUCCEEDED files; order as stored), and
 * the keys of the files read (its manifest included), for cleaning up after the merge.
 */
export async function readMapResults(
  blobs: Pick<BlobStore, 'getText'>,
  details: ResultWriterDetails,
): Promise<{ outputs: FoldOutput[]; files: string[] }> {
  const manifest = JSON.parse(await blobs.getText(details.Bucket, details.Key)) as {
    ResultFiles?: { SUCCEEDED?: { Key: string }[] };
  };
  const outputs: FoldOutput[] = [];
  const files = [details.Key];
  for (const file of manifest.ResultFiles?.SUCCEEDED ?? []) {
    for (const entry of entriesOf(await blobs.getText(details.Bucket, file.Key)))
      outputs.push(foldOutputOf(entry));
    files.push(file.Key);
  }
  return { outputs, files };
}

/** The manifest's items in index order. */
export async function readManifest(
  blobs: Pick<BlobStore, 'getText'>,
  at: { bucket: string; key: string },
): Promise<ManifestItem[]> {
  const items = entriesOf(await blobs.getText(at.bucket, at.key)) as ManifestItem[];
  return items.sort((a, b) => a.index - b.index);
}

/**
 * One output per manifest item, in index order: duplicates (a retried or redelivered child) are
 * dropped, and a missing index or two outputs of one index that disagree is an error.
 */
export function orderedOutputs(items: readonly ManifestItem[], outputs: readonly FoldOutput[]) {
  const byIndex = new Map<number, FoldOutput>();
  for (const out of outputs) {
    const seen = byIndex.get(out.index);
    if (seen && (seen.sha256 !== out.sha256 || seen.records !== out.records))
      throw new Error(`range ${out.index} was folded twice with different results`);
    byIndex.set(out.index, out);
  }
  return items.map((item) => {
    const out = byIndex.get(item.index);
    if (!out) throw new Error(`no fold result for range ${item.index}`);
    return out;
  });
}
