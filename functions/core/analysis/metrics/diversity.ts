import { gzipSync } from 'node:zlib';
import { fmix32 } from '../hash/mix';
import { PARAMS } from '../params';
import type { BudgetEntry } from '../partial/types';

/** Diversity of the texts in the fixed token budget. */
export interface Diversity {
  distinct1: number;
  distinct2: number;
  distinct3: number;
  compressionRatio: number;
  mattr: number;
  tokens: number;
}

function distinctN(entries: BudgetEntry[], size: number): number {
  const seen = new Set<number>();
  let total = 0;
  for (const { tokens } of entries) {
    for (let i = 0; i + size <= tokens.length; i++) {
      let h = tokens[i] as number;
      for (let k = 1; k < size; k++)
        h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) ^ (tokens[i + k] as number);
      seen.add(fmix32(h));
      total++;
    }
  }
  return total ? seen.size / total : 0;
}

/** Moving-average type-token ratio over the token stream (window `w`; plain TTR when shorter). */
export function mattr(stream: Int32Array, w: number = PARAMS.mattrWindow): number {
  if (stream.length === 0) return 0;
  const window = Math.min(w, stream.length);
  const counts = new Map<number, number>();
  let types = 0;
  let sum = 0;
  for (let i = 0; i < stream.length; i++) {
    const t = stream[i] as number;
    const c = counts.get(t) ?? 0;
    if (c === 0) types++;
    counts.set(t, c + 1);
    if (i >= window) {
      const old = stream[i - window] as number;
      const oc = (counts.get(old) as number) - 1;
      if (oc === 0) types--;
      counts.set(old, oc);
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
  const raw = Buffer.from(entries.map((e) => e.text).join('\n'), 'utf8');
  const packed = raw.length ? gzipSync(raw, { level: 6 }).length : 1;
  return {
    distinct1: distinctN(entries, 1),
    distinct2: distinctN(entries, 2),
    distinct3: distinctN(entries, 3),
    compressionRatio: raw.length ? raw.length / packed : 0,
    mattr: mattr(stream),
    tokens,
  };
}
