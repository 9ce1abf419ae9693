import { PARAMS } from '../params';
import { sortedEntries } from './budget';
import { PARAMS_KEY } from './create';
import type { AnalysisPartial, RecordIndex } from './types';

const B = PARAMS.bands;
const K = PARAMS.permutations;

type Typed = Int32Array | Uint32Array | Uint8Array;

function b64(a: Typed, length: number): string {
  return Buffer.from(a.buffer, a.byteOffset, length * a.BYTES_PER_ELEMENT).toString('base64');
}

function fromB64<T extends Typed>(s: string, make: new (n: number) => T, extra = 0): T {
  const bytes = Buffer.from(s, 'base64');
  const out = new make(bytes.length / new make(0).BYTES_PER_ELEMENT + extra);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

/**
 * Serializes a partial to compact JSON text: typed arrays become base64, the diversity budget is
 * written in its canonical order, so equal partials serialize to equal text.
 */
export function serializePartial(p: AnalysisPartial): string {
  const ix = p.index;
  const entries = sortedEntries(p.budget.entries, p.limits.tokenBudget);
  return JSON.stringify({
    ...p,
    index: {
      n: ix.n,
      gramCount: ix.gramCount,
      sampleBits: ix.sampleBits,
      gramBits: ix.gramBits,
      ids: b64(ix.ids, ix.n),
      keyLo: b64(ix.keyLo, ix.n),
      keyHi: b64(ix.keyHi, ix.n),
      bands: b64(ix.bands, ix.n * B),
      sigs: b64(ix.sigs, ix.n * K),
      labels: b64(ix.labels, ix.n),
      gramEnds: b64(ix.gramEnds, ix.n),
      grams: b64(ix.grams, ix.gramCount * 2),
    },
    dates: { ...p.dates, days: [...p.dates.days.entries()].sort((a, b) => a[0] - b[0]) },
    budget: {
      tokens: entries.reduce((s, e) => s + e.tokens.length, 0),
      entries: entries.map((e) => ({
        key: e.key,
        tie: e.tie,
        text: e.text,
        tokens: b64(e.tokens, e.tokens.length),
      })),
    },
  });
}

/** Reads a partial written by `serializePartial`; rejects partials built with other parameters. */
export function deserializePartial(text: string): AnalysisPartial {
  const raw = JSON.parse(text);
  if (raw?.params !== PARAMS_KEY)
    throw new Error('the stored partial was built with different analysis parameters');
  const i = raw.index;
  const index: RecordIndex = {
    n: i.n,
    gramCount: i.gramCount,
    sampleBits: i.sampleBits,
    gramBits: i.gramBits,
    ids: fromB64(i.ids, Uint32Array, 1),
    keyLo: fromB64(i.keyLo, Int32Array, 1),
    keyHi: fromB64(i.keyHi, Int32Array, 1),
    bands: fromB64(i.bands, Int32Array, B),
    sigs: fromB64(i.sigs, Uint8Array, K),
    labels: fromB64(i.labels, Int32Array, 1),
    gramEnds: fromB64(i.gramEnds, Uint32Array, 1),
    grams: fromB64(i.grams, Int32Array, 2),
  };
  return {
    ...raw,
    index,
    dates: { ...raw.dates, days: new Map(raw.dates.days) },
    budget: {
      tokens: raw.budget.tokens,
      entries: raw.budget.entries.map(
        (e: { key: number; tie: number; text: string; tokens: string }) => ({
          ...e,
          tokens: fromB64(e.tokens, Int32Array),
        }),
      ),
    },
  };
}
