import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { PARAMS } from '../../../functions/core/analysis/params';
import { createPartial } from '../../../functions/core/analysis/partial/create';
import {
  partialByteLength,
  readPartial,
  serializePartial,
} from '../../../functions/core/analysis/partial/serialize';
import type { AnalysisPartial } from '../../../functions/core/analysis/partial/types';

const N = 2_100_000;
const GRAMS = 4_000_000;

/** A partial whose index holds N records with distinct, position-derived contents. */
function bigPartial(): AnalysisPartial {
  const p = createPartial({ text: 'text' }, 'jsonl', 'big.jsonl');
  const mix = (i: number, salt: number) => Math.imul(i ^ salt, 0x9e3779b1) | 0;
  const ids = new Uint32Array(N + 1);
  const keyLo = new Int32Array(N + 1);
  const keyHi = new Int32Array(N + 1);
  const labels = new Int32Array(N + 1);
  const gramEnds = new Uint32Array(N + 1);
  for (let i = 0; i < N; i++) {
    ids[i] = i;
    keyLo[i] = mix(i, 1);
    keyHi[i] = mix(i, 2);
    labels[i] = i % 7;
    gramEnds[i] = Math.floor((i * GRAMS) / N);
  }
  const bands = new Int32Array((N + 1) * PARAMS.bands);
  for (let i = 0; i < N * PARAMS.bands; i++) bands[i] = mix(i, 3);
  const sigs = new Uint8Array((N + 1) * PARAMS.permutations);
  for (let i = 0; i < N * PARAMS.permutations; i++) sigs[i] = (i * 31 + (i >>> 8)) & 255;
  const grams = new Int32Array(GRAMS * 2 + 2);
  for (let i = 0; i < GRAMS * 2; i++) grams[i] = mix(i, 4);
  p.index = {
    ...p.index,
    n: N,
    gramCount: GRAMS,
    ids,
    keyLo,
    keyHi,
    labels,
    gramEnds,
    bands,
    sigs,
    grams,
  };
  p.records = N;
  return p;
}

/** The S3 body as it arrives: the stored bytes re-cut into 64 KiB pieces. */
async function* asDownload(chunks: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) {
    for (let at = 0; at < chunk.length; at += 65_536) yield chunk.subarray(at, at + 65_536);
  }
}

describe('partials of more than 2 M records', () => {
  it('round-trip through the binary format without one string or buffer of their size', async () => {
    const partial = bigPartial();
    const chunks = serializePartial(partial);
    const total = partialByteLength(chunks);
    // ~520 MB: base64 JSON of the same would pass Node's 512 Mi-character string limit.
    expect(total).toBeGreaterThan(500_000_000);
    // The chunks are views of the partial's own arrays: the largest is the signature bytes.
    expect(Math.max(...chunks.map((c) => c.length))).toBe(N * PARAMS.permutations);
    expect(chunks.some((c) => c.buffer === partial.index.sigs.buffer)).toBe(true);
    const back = await readPartial(Readable.from(asDownload(chunks)));
    expect(back.index.n).toBe(N);
    expect(back.records).toBe(N);
    for (const name of [
      'ids',
      'keyLo',
      'keyHi',
      'labels',
      'gramEnds',
      'bands',
      'sigs',
      'grams',
    ] as const) {
      const a = partial.index[name];
      const b = back.index[name];
      const used =
        name === 'grams'
          ? GRAMS * 2
          : name === 'bands'
            ? N * PARAMS.bands
            : name === 'sigs'
              ? N * PARAMS.permutations
              : N;
      expect(
        Buffer.compare(
          Buffer.from(a.buffer, a.byteOffset, used * a.BYTES_PER_ELEMENT),
          Buffer.from(b.buffer, b.byteOffset, used * b.BYTES_PER_ELEMENT),
        ),
        name,
      ).toBe(0);
    }
  }, 120_000);
});
