import { UnionFind } from '../metrics/union-find';
import { hamming } from './phash';
import type { ImageRecord } from './types';

/**
 * Largest pHash Hamming distance (of 64 bits) read as a near copy. Re-encodes, resizes and
 * greyscale copies of one picture measure 0–4 in the tests; two unrelated images differ in about
 * 32 bits, and for independent bits P(distance ≤ 7) ≈ 4·10⁻¹¹ per pair. Seven is also the largest
 * distance the 8 × 8-bit bucket search below is guaranteed to find (pigeonhole: 8 chunks, ≤ 7
 * differing bits leave one chunk equal).
 */
export const NEAR_THRESHOLD = 7;

/** Says what the near-copy search finds and what it cannot. */
export const DUPLICATE_METHOD =
  'SHA-256 of file bytes and of decoded 8-bit sRGB pixels; 64-bit DCT pHash (greyscale, mirror-aware) with Hamming distance ≤ 7. Finds re-encoded, resized, greyscale and mirrored copies; rotated, cropped or re-generated images are beyond a perceptual hash.';

/** A cluster of copies: its members (record positions, first = earliest) and largest distance. */
export interface ImageCluster {
  members: number[];
  maxDistance: number;
}

const chunk = (hash: string, k: number) => Number.parseInt(hash.slice(2 * k, 2 * k + 2), 16);

/** The smallest distance between two images, either one mirrored. */
export function distance(a: ImageRecord, b: ImageRecord): number {
  return Math.min(
    hamming(a.phash, b.phash),
    hamming(a.phashMirror, b.phash),
    hamming(a.phash, b.phashMirror),
  );
}

/**
 * Finds exact and near copies among the records: byte-identical, pixel-identical, and pHash within
 * `NEAR_THRESHOLD` (mirror included), by multi-index buckets on the 8 bytes of each hash.
 */
export function findImageDuplicates(records: ImageRecord[]) {
  const n = records.length;
  const uf = new UnionFind(n);
  let exactBytes = 0;
  let exactPixels = 0;
  const bytesSeen = new Map<string, number>();
  const pixelsSeen = new Map<string, number>();
  const buckets = new Map<number, number[]>();
  let near = 0;
  for (let i = 0; i < n; i++) {
    const r = records[i] as ImageRecord;
    const byBytes = bytesSeen.get(r.bytesSha256);
    const byPixels = pixelsSeen.get(r.pixelSha256);
    if (byBytes !== undefined) exactBytes++;
    else bytesSeen.set(r.bytesSha256, i);
    if (byPixels !== undefined) {
      exactPixels++;
      uf.union(byPixels, i);
    } else pixelsSeen.set(r.pixelSha256, i);
    const candidates = new Set<number>();
    for (const h of [r.phash, r.phashMirror])
      for (let k = 0; k < 8; k++)
        for (const j of buckets.get((k << 8) | chunk(h, k)) ?? []) candidates.add(j);
    let copy = byPixels !== undefined;
    for (const j of candidates)
      if (distance(r, records[j] as ImageRecord) <= NEAR_THRESHOLD) {
        uf.union(j, i);
        copy = true;
      }
    if (copy) near++;
    for (let k = 0; k < 8; k++) {
      const key = (k << 8) | chunk(r.phash, k);
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const root = uf.find(i);
    const g = groups.get(root);
    if (g) g.push(i);
    else groups.set(root, [i]);
  }
  const clusters: ImageCluster[] = [];
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const first = records[members[0] as number] as ImageRecord;
    let maxDistance = 0;
    for (const m of members.slice(1))
      maxDistance = Math.max(maxDistance, distance(first, records[m] as ImageRecord));
    clusters.push({ members, maxDistance });
  }
  clusters.sort(
    (a, b) =>
      b.members.length - a.members.length || (a.members[0] as number) - (b.members[0] as number),
  );
  const rate = (x: number) => (n ? x / n : 0);
  return {
    exactBytesRate: rate(exactBytes),
    exactPixelsRate: rate(exactPixels),
    nearRate: rate(near),
    clusters,
  };
}
