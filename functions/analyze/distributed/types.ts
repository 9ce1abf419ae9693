import { createHash } from 'node:crypto';
import type { ZipShard } from '../../core/analysis/images/zip-shards';
import type { ObjectPin } from '../../store/object-pin';
import type { ShardSettings } from '../shards/protocol';

/** The sample a workflow run analyzes: where its object is and which upload (ETag) it is. */
export interface RunInput {
  bucket: string;
  key: string;
  organizationId: string;
  /** The assessment, or `references` for a buyer's reference sample. */
  scope: string;
  sampleId: string;
  etag: string;
  /** The S3 version the run reads (versioned buckets); every range read names it and the ETag. */
  versionId?: string;
  size: number;
}

/** The pin every read of a run's object carries (version and ETag it was started for). */
export function runPin(run: Pick<RunInput, 'etag' | 'versionId'>): ObjectPin {
  return { versionId: run.versionId, etag: run.etag };
}

/** How every range is read: the whole file's format and field mapping, fixed by the plan. */
export type RangeSettings = Omit<ShardSettings, 'continues' | 'deadline'>;

/** One line of the manifest: a line-aligned byte range [start, end) and how to read it. */
export interface ManifestItem {
  run: RunInput;
  index: number;
  start: number;
  end: number;
  /**
   * The sampling level every range's record index starts at, common to all ranges and at most the
   * one pass's final level, so the merged partial equals the one-pass partial (see `startingLevel`).
   */
  sampleBits: number;
  settings: RangeSettings;
  /** Where the fold writes this range's binary partial (derived from sample, ETag and index). */
  partialKey: string;
  /**
   * For a zip of images: the entries of this range (central-directory order) and the counts the
   * caps continue from; the fold reads them by range requests (`settings.format`/`fields` unused).
   */
  zip?: ZipShard;
}

/** A group merge's share of the ranges: indexes [first, end), a power of two of them but the last. */
export interface MergeGroup {
  index: number;
  first: number;
  end: number;
}

/** What the plan step returns to the workflow. */
export interface PlanOutput {
  run: RunInput;
  manifest: { bucket: string; key: string };
  ranges: number;
  rangeBytes: number;
  /** The group merges the second Map runs before the final merge. */
  groups: MergeGroup[];
}

/** One stored block of a group merge: `size` consecutive ranges merged into one partial. */
export interface StoredBlock {
  key: string;
  size: number;
}

/** What one group merge returns: its blocks in file order, or that a range of it was rejected. */
export interface GroupOutput {
  index: number;
  blocks: StoredBlock[];
  rejected?: boolean;
}

/** Splits `ranges` ranges into groups of `size` (a power of two) for the group merges. */
export function mergeGroups(ranges: number, size: number): MergeGroup[] {
  const groups: MergeGroup[] = [];
  for (let first = 0; first < ranges; first += size)
    groups.push({ index: groups.length, first, end: Math.min(ranges, first + size) });
  return groups;
}

/** What one fold returns: only the partial's key, the range's SHA-256 and its record count. */
export interface FoldOutput {
  index: number;
  partialKey: string;
  sha256: string;
  records: number;
  /** Set when the analyzer rejected the range's input: the message for the vendor. */
  error?: string;
}

/** Keys of one run's working objects: all under `distributed/`, one folder per sample and ETag. */
export function runKeys(run: Pick<RunInput, 'organizationId' | 'scope' | 'sampleId' | 'etag'>) {
  const upload = createHash('sha256').update(run.etag).digest('hex').slice(0, 16);
  const base = `distributed/${run.organizationId}/${run.scope}/${run.sampleId}/${upload}`;
  return {
    base,
    manifest: `${base}/manifest.jsonl`,
    partial: (index: number) => `${base}/partials/${String(index).padStart(6, '0')}.bin`,
    block: (group: number, block: number) =>
      `${base}/groups/${String(group).padStart(6, '0')}-${block}.bin`,
    results: `${base}/results`,
  };
}

/**
 * The execution name of a sample's run: its id and a digest of the object's ETag (names allow
 * 80 characters of [A-Za-z0-9-_]), so a duplicate event for the same upload starts nothing.
 */
export function executionName(sampleId: string, etag: string, run = 0): string {
  // a re-analysis of the same object (a mapping change) is a run of its own
  const upload = createHash('sha256')
    .update(run > 0 ? `${etag}#${run}` : etag)
    .digest('hex')
    .slice(0, 32);
  return `${sampleId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40)}-${upload}`;
}
