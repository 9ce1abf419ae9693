import { createHmac } from 'node:crypto';
import { Hmac64 } from '../hash/hmac64';
import { STRATA } from './strata';
import {
  SPOT_CHECK_MAX_SIZE,
  SPOT_CHECK_TEXT_CHARS,
  type SpotPool,
  type SpotPoolEntry,
} from './types';

/** Records kept per stratum: the allocation never gives one stratum more than the whole draw. */
export const POOL_SIZE = SPOT_CHECK_MAX_SIZE;

/** The fingerprint a pool stores instead of its key (HMAC-SHA256 of a fixed label, 16 hex digits). */
export const spotKeyId = (key: string): string =>
  createHmac('sha256', key).update('diligence spot-check key id').digest('hex').slice(0, 16);

let hmac: { key: string; mac: Hmac64 } | null = null;

/**
 * A record's review priority: the first 52 bits of HMAC-SHA256 under the sample's secret key of the
 * record's content key (the 64-bit key of its normalized text that exact duplicates are found by).
 * Content, not position, is hashed because shards of one file are folded in parallel without
 * knowing how many records precede them; ties (exact copies) break by the global record index,
 * which merging shifts, so the bottom-k of every part merges into the bottom-k of the whole file.
 * Without the key nobody (a vendor included) can tell which records will be drawn.
 */
export function spotPriority(key: string, keyLo: number, keyHi: number): number {
  // the same HMAC-SHA256 as createHmac, from the key's pad states kept between calls
  if (hmac?.key !== key) hmac = { key, mac: new Hmac64(key) };
  const d = hmac.mac.digest(keyLo, keyHi);
  return (d[0] as number) * 2 ** 20 + ((d[1] as number) >>> 12);
}

/** Orders pool entries: priority, then record index. */
export const byPriority = (a: SpotPoolEntry, b: SpotPoolEntry): number =>
  a.priority - b.priority || a.index - b.index;

/** Cuts a text to `SPOT_CHECK_TEXT_CHARS` characters without splitting a surrogate pair. */
export function truncateText(text: string): { text: string; truncated: boolean } {
  if (text.length <= SPOT_CHECK_TEXT_CHARS) return { text, truncated: false };
  let end = SPOT_CHECK_TEXT_CHARS;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return { text: text.slice(0, end), truncated: true };
}

/** An empty pool for `key`. */
export const createPool = (key: string): SpotPool => ({
  keyId: spotKeyId(key),
  strata: Array.from({ length: STRATA }, () => []),
});

/** Offers one record to a pool (kept when among the `POOL_SIZE` smallest of its stratum). */
export function offerToPool(
  pool: SpotPool,
  stratum: number,
  entry: Omit<SpotPoolEntry, 'text' | 'truncated'>,
  text: () => string,
): void {
  const list = pool.strata[stratum] as SpotPoolEntry[];
  const last = list[list.length - 1];
  if (list.length >= POOL_SIZE && last && byPriority(entry as SpotPoolEntry, last) >= 0) return;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (byPriority(list[mid] as SpotPoolEntry, entry as SpotPoolEntry) < 0) lo = mid + 1;
    else hi = mid;
  }
  list.splice(lo, 0, { ...entry, ...truncateText(text()) });
  if (list.length > POOL_SIZE) list.pop();
}

/** Merges the pools of two consecutive parts (`b`'s indexes shift by `offset`, the records of `a`). */
export function mergePools(
  a: SpotPool | undefined,
  b: SpotPool | undefined,
  offset: number,
): SpotPool | undefined {
  if (!a && !b) return undefined;
  if (!a || !b || a.keyId !== b.keyId)
    throw new Error('cannot merge partials folded with different spot-check keys');
  return {
    keyId: a.keyId,
    strata: a.strata.map((list, h) =>
      [...list, ...(b.strata[h] ?? []).map((e) => ({ ...e, index: e.index + offset }))]
        .sort(byPriority)
        .slice(0, POOL_SIZE),
    ),
  };
}
