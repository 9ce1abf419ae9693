import { sortedLanguageEntries } from '../languages/sample';
import { PARAMS } from '../params';
import { sortedEntries } from './budget';
import { PARAMS_KEY } from './create';
import type { AnalysisPartial, BudgetEntry, RecordIndex } from './types';

const B = PARAMS.bands;
const K = PARAMS.permutations;
const MAGIC = 0x50474c44; // 'DLGP' read as a little-endian u32
const FORMAT = 1;
const PREFIX_BYTES = 12; // magic, format, header length (u32 LE each)

type Typed = Int32Array | Uint32Array | Uint8Array;
type Make = new (n: number) => Typed;

/** The typed sections of a partial, in stored order: name, constructor, element count, spare slots. */
function sections(ix: Pick<RecordIndex, 'n' | 'gramCount'>, withSources = true) {
  const n = ix.n;
  const fixed: Array<[keyof RecordIndex, Make, number, number]> = [
    ['ids', Uint32Array, n, 1],
    ['keyLo', Int32Array, n, 1],
    ['keyHi', Int32Array, n, 1],
    ['bands', Int32Array, n * B, B],
    ['sigs', Uint8Array, n * K, K],
    ['labels', Int32Array, n, 1],
    ['gramEnds', Uint32Array, n, 1],
    ['grams', Int32Array, ix.gramCount * 2, 2],
  ];
  // partials stored before per-source counts have no source section
  if (withSources) fixed.push(['sources', Int32Array, n, 1]);
  return fixed;
}

const view = (a: Typed, count: number) =>
  new Uint8Array(a.buffer, a.byteOffset, count * a.BYTES_PER_ELEMENT);

/**
 * Encodes a partial as binary chunks: a small JSON header (counts, examples, the diversity budget's
 * texts in canonical order) followed by the raw little-endian bytes of every typed array. The
 * chunks are views of the partial's own arrays, so no string or buffer the size of the index is
 * ever built; equal partials encode to equal bytes. Write them in order (a stream, an S3 body).
 */
export function serializePartial(p: AnalysisPartial): Uint8Array[] {
  const ix = p.index;
  // an index built by hand without per-record sources (older code, tests) stores none
  const withSources = (ix.sources?.length ?? 0) >= ix.n;
  const entries = sortedEntries(p.budget.entries, p.limits.tokenBudget);
  // per-source counts and the language sample go last, in canonical order, whatever the key order
  const { sources, languages, ...rest } = p;
  const header = new TextEncoder().encode(
    JSON.stringify({
      ...rest,
      index: {
        n: ix.n,
        gramCount: ix.gramCount,
        sampleBits: ix.sampleBits,
        gramBits: ix.gramBits,
        withSources,
      },
      dates: { ...p.dates, days: [...p.dates.days.entries()].sort((a, b) => a[0] - b[0]) },
      budget: {
        tokens: entries.reduce((s, e) => s + e.tokens.length, 0),
        entries: entries.map((e) => ({
          key: e.key,
          tie: e.tie,
          text: e.text,
          tokens: e.tokens.length,
        })),
      },
      ...(sources ? { sources } : {}),
      ...(languages
        ? { languages: { ...languages, entries: sortedLanguageEntries(languages.entries) } }
        : {}),
    }),
  );
  const prefix = new Uint8Array(PREFIX_BYTES);
  const dv = new DataView(prefix.buffer);
  dv.setUint32(0, MAGIC, true);
  dv.setUint32(4, FORMAT, true);
  dv.setUint32(8, header.length, true);
  return [
    prefix,
    header,
    ...sections(ix, withSources).map(([name, , count]) => view(ix[name] as Typed, count)),
    ...entries.map((e) => view(e.tokens, e.tokens.length)),
  ].filter((chunk) => chunk.length > 0);
}

/** Total bytes of encoded chunks (the Content-Length of a stored partial). */
export function partialByteLength(chunks: readonly Uint8Array[]): number {
  return chunks.reduce((s, c) => s + c.length, 0);
}

/** Fills typed arrays from a byte stream, one section after another, without joining chunks. */
class SectionReader {
  private pending: Uint8Array[] = [];

  constructor(private readonly next: () => Uint8Array | undefined) {}

  /** Copies exactly `target.length` bytes into `target`. */
  fill(target: Uint8Array): void {
    let at = 0;
    while (at < target.length) {
      const chunk = this.pending.shift() ?? this.next();
      if (!chunk) throw new Error('the stored partial is truncated');
      const take = Math.min(chunk.length, target.length - at);
      target.set(chunk.subarray(0, take), at);
      at += take;
      if (take < chunk.length) {
        this.pending.unshift(chunk.subarray(take));
      }
    }
  }

  /** True when every byte was consumed. */
  done(): boolean {
    if (this.pending.some((c) => c.length > 0)) return false;
    for (let c = this.next(); c; c = this.next()) if (c.length > 0) return false;
    return true;
  }
}

function alloc(make: Make, count: number, spare: number): [Typed, Uint8Array] {
  const out = new make(count + spare);
  return [out, view(out, count)];
}

/** Reads a partial written by `serializePartial` from its chunks (any split); rejects other parameters. */
export function deserializePartial(chunks: Iterable<Uint8Array> | Uint8Array): AnalysisPartial {
  const it = (chunks instanceof Uint8Array ? [chunks] : chunks)[Symbol.iterator]();
  const reader = new SectionReader(() => {
    const r = it.next();
    return r.done ? undefined : r.value;
  });
  const prefix = new Uint8Array(PREFIX_BYTES);
  try {
    reader.fill(prefix);
  } catch {
    throw new Error('the stored partial is not in the binary partial format');
  }
  const dv = new DataView(prefix.buffer);
  if (dv.getUint32(0, true) !== MAGIC || dv.getUint32(4, true) !== FORMAT)
    throw new Error('the stored partial is not in the binary partial format');
  const headerBytes = new Uint8Array(dv.getUint32(8, true));
  reader.fill(headerBytes);
  const raw = JSON.parse(new TextDecoder().decode(headerBytes));
  if (raw?.params !== PARAMS_KEY)
    throw new Error('the stored partial was built with different analysis parameters');
  const { withSources, ...i } = raw.index as Pick<
    RecordIndex,
    'n' | 'gramCount' | 'sampleBits' | 'gramBits'
  > & { withSources?: boolean };
  const index = { ...i } as RecordIndex;
  if (!withSources) index.sources = new Int32Array(i.n + 1).fill(-1);
  for (const [name, make, count, spare] of sections(i, withSources === true)) {
    const [array, bytes] = alloc(make, count, spare);
    reader.fill(bytes);
    (index as unknown as Record<string, Typed>)[name] = array;
  }
  const entries: BudgetEntry[] = (
    raw.budget.entries as Array<{ key: number; tie: number; text: string; tokens: number }>
  ).map((e) => {
    const [tokens, bytes] = alloc(Int32Array, e.tokens, 0);
    reader.fill(bytes);
    return { key: e.key, tie: e.tie, text: e.text, tokens: tokens as Int32Array };
  });
  if (!reader.done()) throw new Error('the stored partial has bytes after its last section');
  return {
    ...raw,
    index,
    dates: { ...raw.dates, days: new Map(raw.dates.days) },
    budget: { tokens: raw.budget.tokens, entries },
  };
}

/** Reads a stored partial from a byte stream (an S3 body); the stream's chunks are never joined. */
export async function readPartial(source: AsyncIterable<Uint8Array>): Promise<AnalysisPartial> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of source) chunks.push(chunk);
  return deserializePartial(chunks);
}
