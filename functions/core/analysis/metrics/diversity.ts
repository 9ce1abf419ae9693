import { gzipSync } from 'node:zlib';
import { fmix32 } from '../hash/mix';
import { PARAMS } from '../params';
import type { BudgetEntry } from '../partial/types';
import { tableSize } from './union-find';

/** Diversity of the texts in the fixed token budget. */
export interface Diversity {
  distinct1: number;
  distinct2: number;
  distinct3: number;
  compressionRatio: number;
  mattr: number;
  tokens: number;
}

/** Number of distinct values in `values[0..n)` (a typed open-addressing set; 0 is remapped). */
function countDistinct(values: Int32Array, n: number): number {
  const size = tableSize(n);
  const table = new Int32Array(size);
  const mask = size - 1;
  let distinct = 0;
  for (let i = 0; i < n; i++) {
    const v = (values[i] as number) || 1;
    let slot = Math.imul(v, 0x9e3779b1) >>> 0;
    for (;;) {
      slot &= mask;
      const e = table[slot] as number;
      if (e === 0) {
        table[slot] = v;
        distinct++;
        break;
      }
      if (e === v) break;
      slot++;
    }
  }
  return distinct;
}

function distinctN(entries: BudgetEntry[], size: number, scratch: Int32Array): number {
  let total = 0;
  for (const { tokens } of entries) {
    for (let i = 0; i + size <= tokens.length; i++) {
      let h = tokens[i] as number;
      for (let k = 1; k < size; k++)
        h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) ^ (tokens[i + k] as number);
      scratch[total++] = fmix32(h);
    }
  }
  return total ? countDistinct(scratch, total) / total : 0;
}

/** Replaces each token by a dense id (0, 1, 2, ...) so counts fit a typed array. */
function denseIds(stream: Int32Array): { ids: Int32Array; types: number } {
  const size = tableSize(stream.length);
  const keys = new Int32Array(size);
  const vals = new Int32Array(size).fill(-1);
  const mask = size - 1;
  const ids = new Int32Array(stream.length);
  let types = 0;
  for (let i = 0; i < stream.length; i++) {
    const v = stream[i] as number;
    let slot = Math.imul(v, 0x9e3779b1) >>> 0;
    for (;;) {
      slot &= mask;
      if (vals[slot] === -1) {
        keys[slot] = v;
        vals[slot] = types++;
      } else if (keys[slot] !== v) {
        slot++;
        continue;
      }
      ids[i] = vals[slot] as number;
      break;
    }
  }
  return { ids, types };
}

/** Moving-average type-token ratio over the token stream (window `w`; plain TTR when shorter). */
export function mattr(stream: Int32Array, w: number = PARAMS.mattrWindow): number {
  if (stream.length === 0) return 0;
  const window = Math.min(w, stream.length);
  const { ids, types: distinct } = denseIds(stream);
  const counts = new Int32Array(distinct);
  let types = 0;
  let sum = 0;
  for (let i = 0; i < ids.length; i++) {
    const t = ids[i] as number;
    if ((counts[t] as number) === 0) types++;
    counts[t] = (counts[t] as number) + 1;
    if (i >= window) {
      const old = ids[i - window] as number;
      counts[old] = (counts[old] as number) - 1;
      if (counts[old] === 0) types--;
    }
    if (i >= window - 1) sum += types / window;
  }
  return sum / (stream.length - window + 1);
}

/** Distinct-1/2/3, gzip compression ratio (raw / gzip bytes) and MATTR over the budget texts. */
export function diversity(entries: BudgetEntry[]): Diversity {
  const tokens = entries.reduce((s, e) => s + e.tokens.length, 0);
  const stream = new Int32Array(tokens);
  let at = 0;
  for (const e of entries) {
    stream.set(e.tokens, at);
    at += e.tokens.length;
  }
  const scratch = new Int32Array(tokens);
  const raw = Buffer.from(entries.map((e) => e.text).join('\n'), 'utf8');
  const packed = raw.length ? gzipSync(raw, { level: 6 }).length : 1;
  return {
    distinct1: distinctN(entries, 1, scratch),
    distinct2: distinctN(entries, 2, scratch),
    distinct3: distinctN(entries, 3, scratch),
    compressionRatio: raw.length ? raw.length / packed : 0,
    mattr: mattr(stream),
    tokens,
  };
}
