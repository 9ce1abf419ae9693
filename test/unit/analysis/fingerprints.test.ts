import { describe, expect, it } from 'vitest';
import {
  buildPack,
  finalize,
  foldSource,
  matchPack,
  mergePartials,
  PackFormatError,
  parsePack,
  serializePack,
} from '../../../functions/core/analysis';
import { matchedRecords } from '../../../functions/core/analysis/fingerprints';
import { scanWords } from '../../../functions/core/analysis/text/scan';
import { sequenceKey } from '../../../functions/core/analysis/text/shingles';
import { WordBuffer } from '../../../functions/core/analysis/text/word-buffer';
import { chunked, jsonl, NOW, words } from './helpers';

const corpus = Array.from({ length: 60 }, (_, i) => words(1000 + i, 40 + (i % 30)));
const short = ['free upgrade to first class please', 'my bag never arrived at the gate'];
const others = Array.from({ length: 200 }, (_, i) => words(5000 + i, 30 + (i % 50)));
const sampleTexts = [
  ...others.slice(0, 100),
  corpus[0] as string,
  (corpus[1] as string).toUpperCase().replace(/ /g, '   '),
  `Question: ${corpus[2]} Answer: ${words(9, 60)}`,
  (corpus[3] as string).replace(/^(\S+ \S+ \S+)/, '$1 changed'),
  'MY BAG never arrived, at the gate!',
  ...others.slice(100),
];
const fold = (texts: string[]) =>
  foldSource(chunked(jsonl(texts.map((text) => ({ text })))), {
    fileName: 's.jsonl',
    fields: { text: 'text' },
  });
const KEY = new TextEncoder().encode('organization secret, 32 bytes..');

describe('fingerprint packs', () => {
  it('matches exact, re-cased, contained and near copies and a short line; shares nest', async () => {
    const pack = await buildPack([...corpus, ...short], { name: 'c', kind: 'synthetic' });
    const m = matchPack(await fold(sampleTexts), pack);
    expect(m.examples).toEqual([100, 101, 102, 103, 104]);
    expect(m.records).toBe(5);
    expect(m.exactShare * sampleTexts.length).toBeCloseTo(3, 6); // copy, re-cased, short line
    expect(m.nearShare * sampleTexts.length).toBeCloseTo(4, 6);
    expect(m.matchedShare * sampleTexts.length).toBeCloseTo(5, 6);
    expect(m).toMatchObject({ pack: 'c', kind: 'synthetic', packRecords: 62, checked: 205 });
  });

  it('round-trips through bytes and refuses other formats, versions and analyzer parameters', async () => {
    const pack = await buildPack(corpus, { name: 'c', kind: 'eval' });
    const bytes = serializePack(pack);
    const back = parsePack(bytes);
    expect(serializePack(back)).toEqual(bytes);
    const partial = await fold(sampleTexts);
    expect(matchPack(partial, back)).toEqual(matchPack(partial, pack));
    const other = serializePack({ ...pack, params: JSON.stringify({ version: 1 }) });
    expect(() => parsePack(other)).toThrow(PackFormatError);
    expect(() => parsePack(other)).toThrow(/other analyzer parameters \(version 1.*rebuild it/);
    const v = bytes.slice();
    v[4] = 99;
    expect(() => parsePack(v)).toThrow(/format version 99.*rebuild it/);
    expect(() => parsePack(new TextEncoder().encode('{"text": "hello"}\n'))).toThrow(
      /not a fingerprint pack/,
    );
    expect(() => parsePack(bytes.subarray(0, bytes.length - 3))).toThrow(/truncated/);
  });

  it('keyed packs match the same with the key, refuse a missing or wrong key, and store no unkeyed hash', async () => {
    const plain = await buildPack(corpus, { name: 'p', kind: 'eval' });
    const keyed = await buildPack(corpus, { name: 'k', kind: 'eval', key: KEY });
    const partial = await fold(sampleTexts);
    const a = matchPack(partial, plain);
    const b = matchPack(partial, keyed, KEY);
    expect({ ...b, pack: 'p' }).toEqual(a);
    expect(a.records).toBe(4);
    expect(() => matchPack(partial, keyed)).toThrow(/is keyed/);
    expect(() => matchPack(partial, keyed, new Uint8Array(32).fill(7))).toThrow(/another key/);
    expect(keyed.keyed).toBe(true);
    // a guessed text's unkeyed exact key is not in the keyed pack
    const wb = new WordBuffer();
    scanWords(corpus[0] as string, wb);
    const key = new Int32Array(2);
    sequenceKey(wb.hashes, wb.n, key);
    const has = (p: typeof plain) =>
      [...Array(p.exact.length / 2).keys()].some(
        (i) =>
          p.exact[i * 2] === (key[0] as number) >>> 0 &&
          p.exact[i * 2 + 1] === (key[1] as number) >>> 0,
      );
    expect(has(plain)).toBe(true);
    expect(has(keyed)).toBe(false);
    expect(keyed.bands.some((v, i) => v === plain.bands[i])).toBe(false);
  });

  it('two partials merged then matched equal the whole', async () => {
    const pack = await buildPack([...corpus, ...short], { name: 'c', kind: 'synthetic' });
    const whole = await fold(sampleTexts);
    const merged = mergePartials(
      await fold(sampleTexts.slice(0, 102)),
      await fold(sampleTexts.slice(102)),
    );
    expect(matchPack(merged, pack)).toEqual(matchPack(whole, pack));
    expect(matchedRecords(merged, pack)).toEqual([100, 101, 102, 103, 104]);
  });

  it('finalize fills matches (empty without packs) and skips too-short pack records', async () => {
    const partial = await fold(sampleTexts);
    expect(finalize(partial, { now: NOW }).matches).toEqual([]);
    const pack = await buildPack(['hi there', ...corpus], { name: 'c', kind: 'echo' });
    expect(pack).toMatchObject({ records: 61, skipped: 1, nearRecords: 60 });
    const a = finalize(partial, { now: NOW, fingerprints: [{ pack }] });
    expect(a.matches?.map((m) => [m.pack, m.kind, m.records])).toEqual([['c', 'echo', 4]]);
  });

  it('builds from an async iterable and refuses an unknown kind', async () => {
    async function* gen() {
      yield* corpus;
    }
    const a = await buildPack(gen(), { name: 'c', kind: 'synthetic' });
    const b = await buildPack(corpus, { name: 'c', kind: 'synthetic' });
    expect(serializePack(a)).toEqual(serializePack(b));
    await expect(buildPack(corpus, { name: 'c', kind: 'bogus' as 'eval' })).rejects.toThrow(
      /unknown pack kind/,
    );
  });
});
