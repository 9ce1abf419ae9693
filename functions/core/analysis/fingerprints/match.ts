import { BandTable } from '../metrics/band-table';
import { PARAMS } from '../params';
import type { AnalysisPartial, RecordIndex } from '../partial/types';
import { PackKey, TAG } from './keyed';
import { PairSet } from './pair-set';
import { estimate2bit } from './sketch';
import { type FingerprintPack, PackFormatError, type PackMatch } from './types';

const B = PARAMS.bands;
const EXACT = 1;
const NEAR = 2;
const NGRAM = 4;
/** Bucket members visited per probe: bounds the work when a sample holds huge clusters of copies. */
const MAX_WALK = 4096;
const MAX_EXAMPLES = 10;

/** A pack to match, with the organization's key when the pack is keyed. */
export interface PackInput {
  pack: FingerprintPack;
  key?: Uint8Array;
}

/** Checks the key of a keyed pack (throws PackFormatError when missing or wrong); null for an unkeyed pack. */
export function packKey(pack: FingerprintPack, key: Uint8Array | undefined): PackKey | null {
  if (!pack.keyed) return null;
  if (!key)
    throw new PackFormatError(
      `fingerprint pack "${pack.name}" is keyed: give the organization's key it was built with`,
    );
  const k = new PackKey(key);
  if (k.check !== pack.keyCheck)
    throw new PackFormatError(
      `the key given does not fit fingerprint pack "${pack.name}" (it was built with another key)`,
    );
  return k;
}

function exactFlags(
  ix: RecordIndex,
  pack: FingerprintPack,
  key: PackKey | null,
  flags: Uint8Array,
) {
  const set = PairSet.of(pack.exact);
  const pairs = new Uint32Array(ix.n * 2);
  for (let r = 0; r < ix.n; r++) {
    pairs[r * 2] = ix.keyLo[r] as number;
    pairs[r * 2 + 1] = ix.keyHi[r] as number;
  }
  const keys = key ? key.pairs(TAG.exact, pairs) : pairs;
  for (let r = 0; r < ix.n; r++)
    if (set.has(keys[r * 2] as number, keys[r * 2 + 1] as number)) flags[r] = EXACT;
}

function nearFlags(
  ix: RecordIndex,
  pack: FingerprintPack,
  key: PackKey | null,
  threshold: number,
  flags: Uint8Array,
) {
  const n = ix.n;
  const m = pack.nearRecords;
  if (n === 0 || m === 0) return;
  const bands = key ? key.bands(ix.bands, n * B, B) : ix.bands;
  const masks = key ? key.sigMasks(pack.bands, m, B) : undefined;
  const table = new BandTable(bands, n);
  for (let band = 0; band < B; band++) {
    table.reset(band);
    for (let r = 0; r < n; r++) if (flags[r] === 0) table.insert(r);
    for (let p = 0; p < m; p++) {
      let t = table.first(pack.bands[p * B + band] as number);
      for (let steps = 0; t >= 0 && steps < MAX_WALK; steps++) {
        if (flags[t] === 0 && estimate2bit(ix.sigs, t, pack.sigs, p, masks) >= threshold)
          flags[t] = NEAR;
        t = table.next[t] as number;
      }
    }
  }
}

function gramFlags(ix: RecordIndex, pack: FingerprintPack, key: PackKey | null, flags: Uint8Array) {
  if (pack.grams.length === 0 || ix.gramCount === 0) return;
  const bits = Math.max(pack.gramBits, ix.gramBits);
  const mask = (1 << bits) - 1;
  const set = PairSet.of(pack.grams);
  // the sampling rule reads the unkeyed hash; only kept grams are keyed and looked up
  let kept = 0;
  for (let g = 0; g < ix.gramCount; g++) if (((ix.grams[g * 2] as number) & mask) === 0) kept++;
  const pairs = new Uint32Array(kept * 2);
  const owner = new Int32Array(kept);
  let w = 0;
  let start = 0;
  for (let r = 0; r < ix.n; r++) {
    const end = ix.gramEnds[r] as number;
    for (let g = start; g < end; g++) {
      const a = ix.grams[g * 2] as number;
      if ((a & mask) !== 0) continue;
      pairs[w * 2] = a;
      pairs[w * 2 + 1] = ix.grams[g * 2 + 1] as number;
      owner[w++] = r;
    }
    start = end;
  }
  const keys = key ? key.pairs(TAG.gram, pairs) : pairs;
  for (let i = 0; i < kept; i++) {
    const r = owner[i] as number;
    if ((flags[r] as number) & NGRAM) continue;
    if (set.has(keys[i * 2] as number, keys[i * 2 + 1] as number))
      flags[r] = (flags[r] as number) | NGRAM;
  }
}

/**
 * Matches a sample, from its stored partial, against a pack: exact (normalized-text key), near
 * (a shared LSH band, verified on the pack's 2-bit signatures: estimated Jaccard ≥ the sample's near
 * threshold) and contained (a sampled 13-gram of the sample record is a 13-gram of a pack record;
 * both sides sample grams by the same content rule, at the coarser of the two rates). Reads only
 * the partial's index, so a pack attached later needs no second read of the sample, and the
 * partial of a sample merged from shards matches exactly as the whole would. Shares are of the
 * indexed records (all records unless the index was sampled above `maxIndexedRecords`).
 * Records too short for a 13-gram are matched by exact and near alone (near uses character
 * 5-grams below five words).
 */
export function matchPack(
  partial: AnalysisPartial,
  pack: FingerprintPack,
  key?: Uint8Array,
): PackMatch {
  const ix = partial.index;
  const flags = matchFlags(partial, pack, key);
  let exact = 0;
  let near = 0;
  let any = 0;
  const examples: number[] = [];
  for (let r = 0; r < ix.n; r++) {
    const f = flags[r] as number;
    if (f === 0) continue;
    any++;
    if (f & EXACT) exact++;
    if (f & (EXACT | NEAR)) near++;
    if (examples.length < MAX_EXAMPLES) examples.push(ix.ids[r] as number);
  }
  const n = ix.n || 1;
  return {
    pack: pack.name,
    kind: pack.kind,
    records: any,
    packRecords: pack.records,
    checked: ix.n,
    exactShare: exact / n,
    nearShare: near / n,
    matchedShare: any / n,
    examples,
  };
}

/** Per indexed record: 1 exact, 2 near, 4 contains a pack 13-gram (bits), 0 no match. */
function matchFlags(partial: AnalysisPartial, pack: FingerprintPack, key?: Uint8Array): Uint8Array {
  const k = packKey(pack, key);
  const ix = partial.index;
  const flags = new Uint8Array(ix.n);
  exactFlags(ix, pack, k, flags);
  nearFlags(ix, pack, k, partial.limits.nearThreshold, flags);
  gramFlags(ix, pack, k, flags);
  return flags;
}

/** Every sample record index (0-based, in order) that matches the pack: for exports listing them all. */
export function matchedRecords(
  partial: AnalysisPartial,
  pack: FingerprintPack,
  key?: Uint8Array,
): number[] {
  const flags = matchFlags(partial, pack, key);
  const out: number[] = [];
  for (let r = 0; r < flags.length; r++)
    if (flags[r] !== 0) out.push(partial.index.ids[r] as number);
  return out;
}

/** Matches every pack (in order); an empty list gives []. */
export function matchPacks(
  partial: AnalysisPartial,
  packs: readonly PackInput[] = [],
): PackMatch[] {
  return packs.map((p) => matchPack(partial, p.pack, p.key));
}
