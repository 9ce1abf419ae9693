import { distance, NEAR_THRESHOLD } from './duplicates';
import type { ImageRecord } from './types';

const chunk = (hash: string, k: number) => Number.parseInt(hash.slice(2 * k, 2 * k + 2), 16);

/**
 * Training images that are copies of holdout images: exact bytes, exact pixels, or a pHash within
 * the near threshold (mirror included). Rates are shares of the training images.
 */
export function imageContamination(training: ImageRecord[], holdout: ImageRecord[]) {
  const bytes = new Set(holdout.map((r) => r.bytesSha256));
  const pixels = new Set(holdout.map((r) => r.pixelSha256));
  const buckets = new Map<number, number[]>();
  holdout.forEach((r, i) => {
    for (let k = 0; k < 8; k++) {
      const key = (k << 8) | chunk(r.phash, k);
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    }
  });
  let exact = 0;
  let overlap = 0;
  const examples: string[] = [];
  for (const r of training) {
    const isExact = bytes.has(r.bytesSha256) || pixels.has(r.pixelSha256);
    let isNear = isExact;
    for (const h of [r.phash, r.phashMirror]) {
      for (let k = 0; k < 8 && !isNear; k++)
        for (const j of buckets.get((k << 8) | chunk(h, k)) ?? [])
          if (distance(r, holdout[j] as ImageRecord) <= NEAR_THRESHOLD) {
            isNear = true;
            break;
          }
    }
    if (isExact) exact++;
    if (isNear) {
      overlap++;
      if (examples.length < 10) examples.push(r.file);
    }
  }
  const n = training.length;
  return { exactRate: n ? exact / n : 0, overlapRate: n ? overlap / n : 0, examples };
}
