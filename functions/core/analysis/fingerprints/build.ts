import { PARAMS } from '../params';
import { PARAMS_KEY } from '../partial/create';
import { PackKey, TAG } from './keyed';
import { PairSet, sortPairs } from './pair-set';
import { packSig, Sketcher } from './sketch';
import {
  type FingerprintPack,
  PACK_FORMAT,
  PACK_KINDS,
  PACK_VERSION,
  type PackKind,
  SIG_BYTES,
} from './types';

const B = PARAMS.bands;
/** Pack records with fewer words are skipped: a two-word line ("thank you") is evidence of nothing. */
export const MIN_WORDS = 4;
/** Default gram sampling per kind: every 13-gram of an eval record, one in 16 for large corpora. */
export const DEFAULT_GRAM_BITS: Record<PackKind, number> = { eval: 0, synthetic: 4, echo: 4 };

/** Options of `buildPack`. */
export interface BuildPackOptions {
  name: string;
  kind: PackKind;
  /** The organization's secret (≥ 16 bytes): makes a keyed pack. */
  key?: Uint8Array;
  /** Gram sampling bits (default by kind, see DEFAULT_GRAM_BITS). */
  gramBits?: number;
}

function grow<T extends Int32Array | Uint8Array>(a: T, need: number): T {
  if (a.length >= need) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  next.set(a);
  return next;
}

/**
 * Builds a hash-only fingerprint pack from record texts, one at a time (an async iterable streams a
 * corpus of any size: only hashes are held, about 120 bytes per distinct record plus its sampled
 * 13-grams). Each text is hashed exactly as the analyzer hashes a sample record (`Sketcher`).
 * Records with fewer than MIN_WORDS words are counted in `skipped` and left out.
 */
export async function buildPack(
  records: AsyncIterable<string> | Iterable<string>,
  o: BuildPackOptions,
): Promise<FingerprintPack> {
  if (!PACK_KINDS.includes(o.kind))
    throw new RangeError(`unknown pack kind "${o.kind}" (use ${PACK_KINDS.join(', ')})`);
  const gramBits = o.gramBits ?? DEFAULT_GRAM_BITS[o.kind];
  const key = o.key ? new PackKey(o.key) : null;
  const sk = new Sketcher(gramBits);
  const exact = new PairSet();
  const grams = new PairSet();
  let bands: Int32Array = new Int32Array(1024 * B);
  let sigs: Uint8Array = new Uint8Array(1024 * SIG_BYTES);
  let near = 0;
  let count = 0;
  let skipped = 0;
  for await (const text of records) {
    sk.sketch(text);
    if (sk.n === 0) continue;
    count++;
    if (sk.n < MIN_WORDS) {
      skipped++;
      continue;
    }
    const g = sk.scratch;
    for (let i = 0; i < g.gramCount; i++)
      grams.add(g.grams[i * 2] as number, g.grams[i * 2 + 1] as number);
    if (!exact.add(sk.keyLo, sk.keyHi)) continue;
    bands = grow(bands, (near + 1) * B);
    sigs = grow(sigs, (near + 1) * SIG_BYTES);
    bands.set(sk.bands, near * B);
    packSig(sk.sigs, 0, sigs, near * SIG_BYTES);
    near++;
  }
  let exactPairs: Uint32Array = exact.toSortedPairs();
  let gramPairs: Uint32Array = grams.toSortedPairs();
  bands = bands.slice(0, near * B);
  sigs = sigs.slice(0, near * SIG_BYTES);
  if (key) {
    exactPairs = sortPairs(key.pairs(TAG.exact, exactPairs));
    gramPairs = sortPairs(key.pairs(TAG.gram, gramPairs));
    bands = key.bands(bands, near * B, B);
    const masks = key.sigMasks(bands, near, B);
    for (let i = 0; i < sigs.length; i++) sigs[i] = (sigs[i] as number) ^ (masks[i] as number);
  }
  return {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    params: PARAMS_KEY,
    name: o.name,
    kind: o.kind,
    keyed: key !== null,
    keyCheck: key ? key.check : null,
    records: count,
    skipped,
    exact: exactPairs,
    nearRecords: near,
    bands,
    sigs,
    gramBits,
    grams: gramPairs,
  };
}
