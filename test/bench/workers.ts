import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { finalize, foldSource } from '../../functions/core/analysis';
import { MinHasher } from '../../functions/core/analysis/hash/minhash';
import { decodeText } from '../../functions/core/analysis/parse/decode';
import { lineRecords } from '../../functions/core/analysis/parse/lines';
import { scanWords } from '../../functions/core/analysis/text/scan';
import { wordShingles } from '../../functions/core/analysis/text/shingles';
import { WordBuffer } from '../../functions/core/analysis/text/word-buffer';

/** What a measurement worker reports back. */
export interface WorkerResult {
  seconds: number;
  records: number;
  rssMb: number;
  detail?: Record<string, number>;
}

const read = (file: string) => createReadStream(file, { highWaterMark: 1 << 20 });
const rssMb = () => process.resourceUsage().maxRSS / 1024;

/**
 * The cheapest honest pass: read, JSON-parse, normalize and split into words, hash each word 5-gram
 * once. It uses the same reader, JSON parsing, tokenizer and shingle hash as the full suite.
 */
export async function floorPass(file: string): Promise<WorkerResult> {
  const start = performance.now();
  const wb = new WordBuffer();
  let shingles = new Int32Array(4096);
  let records = 0;
  let checksum = 0;
  for await (const batch of lineRecords(decodeText(read(file), { bytes: 0 }), 'jsonl', {
    lines: 0,
  })) {
    for (const item of batch) {
      const text = (item.value as { text: string }).text;
      wb.reset();
      scanWords(text, wb);
      if (shingles.length < wb.n) shingles = new Int32Array(wb.n * 2);
      const count = wordShingles(wb.hashes, wb.n, 5, shingles);
      checksum ^= shingles[count >> 1] as number;
      records++;
    }
  }
  return {
    seconds: (performance.now() - start) / 1000,
    records,
    rssMb: rssMb(),
    detail: { checksum },
  };
}

/** The full suite: fold every metric into a partial, then finalize (duplicates, contamination-ready index, findings). */
export async function suitePass(file: string): Promise<WorkerResult> {
  const start = performance.now();
  const partial = await foldSource(read(file), { fileName: file });
  const folded = performance.now();
  const analysis = finalize(partial, { now: new Date('2025-01-01') });
  const end = performance.now();
  return {
    seconds: (end - start) / 1000,
    records: partial.records,
    rssMb: rssMb(),
    detail: {
      foldSeconds: (folded - start) / 1000,
      finalizeSeconds: (end - folded) / 1000,
      exactRate: analysis.duplicates.exactRate,
      nearRate: analysis.duplicates.nearRate,
      indexed: partial.index.n,
    },
  };
}

interface NpmMinhash {
  hashvalues: number[];
  maxHash: number;
  update(s: string): void;
}

/** MinHash signing of the same records: ours (SIMD and JS kernels) against the `minhash` npm package. */
export async function minhashPass(file: string, count: number): Promise<WorkerResult> {
  const texts = (await readFile(file, 'utf8'))
    .split('\n', count)
    .map((l) => (JSON.parse(l) as { text: string }).text);
  const ours = (simd: boolean) => {
    const mh = new MinHasher(undefined, { simd });
    const wb = new WordBuffer();
    const start = performance.now();
    let checksum = 0;
    for (const text of texts) {
      wb.reset();
      scanWords(text, wb);
      const n = wordShingles(wb.hashes, wb.n, 5, mh.input(wb.n));
      checksum ^= mh.signInput(n)[0] as number;
    }
    return { seconds: (performance.now() - start) / 1000, checksum };
  };
  const { Minhash } = createRequire(import.meta.url)('minhash') as {
    Minhash: new () => NpmMinhash;
  };
  const peer = new Minhash();
  const npmStart = performance.now();
  for (const text of texts) {
    peer.hashvalues = new Array(128).fill(peer.maxHash);
    const words = text
      .toLowerCase()
      .split(/[^a-z0-9']+/)
      .filter(Boolean);
    for (let i = 0; i + 5 <= words.length; i++) peer.update(words.slice(i, i + 5).join(' '));
  }
  const npmSeconds = (performance.now() - npmStart) / 1000;
  ours(true);
  const simd = ours(true);
  const js = ours(false);
  return {
    seconds: simd.seconds,
    records: texts.length,
    rssMb: rssMb(),
    detail: { simdSeconds: simd.seconds, jsSeconds: js.seconds, npmSeconds },
  };
}
