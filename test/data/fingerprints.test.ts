import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPack, matchPack, serializePack } from '../../functions/core/analysis';
import { matchedRecords } from '../../functions/core/analysis/fingerprints';
import {
  changeOneWord,
  DATA,
  foldTexts,
  jsonl,
  recase,
  rng,
  texts,
  trulyOverlaps,
} from './fingerprint-helpers';

const present = existsSync(DATA);
if (!present) console.warn(`Fingerprint acceptance tests SKIPPED: ${DATA} does not exist.`);

const M4 = ['arxiv', 'reddit', 'wikihow', 'wikipedia'].map((d) => jsonl(`m4_${d}_llama2.jsonl`));
const wordCount = (t: string) => t.split(/\s+/).filter(Boolean).length;

/** Flagged sample records with no real overlap with the pack's texts. */
function falseMatches(sample: string[], pack: string[], flagged: number[]) {
  return flagged.filter((i) => !trulyOverlaps(sample[i] as string, pack)).length;
}

describe.skipIf(!present)('fingerprint packs on ../shared/data (acceptance)', () => {
  it('finds planted llama-2 texts (exact, re-cased and re-spaced, one word changed) within one point; human answers to the same prompts match ≤ 1 %', async () => {
    const machine = M4.flat().map((r) => r.machine_text as string);
    const human = M4.flat().map((r) => r.human_text as string);
    const pack = await buildPack(machine, { name: 'm4-llama2', kind: 'synthetic' });
    const humanOnly = matchPack(await foldTexts(human), pack);
    // Measured: 1 of 400 human texts (0.25 %).
    expect(humanOnly.matchedShare).toBeLessThanOrEqual(0.01);
    const r = rng(23);
    const picks = machine.filter(() => r() < 0.3);
    const planted = picks.map((t, i) =>
      i % 3 === 0 ? t : i % 3 === 1 ? recase(t) : changeOneWord(t),
    );
    const sample = [...human, ...planted];
    const m = matchPack(await foldTexts(sample), pack);
    const truth = planted.length / sample.length;
    expect(Math.abs(m.matchedShare - truth)).toBeLessThanOrEqual(0.01);
    // copies and re-cased copies are exact after normalization; one changed word is near
    const exactPlanted = planted.filter((_, i) => i % 3 !== 2).length;
    expect(m.exactShare * sample.length).toBeGreaterThanOrEqual(exactPlanted);
    expect(m.nearShare).toBeGreaterThanOrEqual(truth - 0.01);
    expect(m.exactShare).toBeLessThanOrEqual(m.nearShare);
    expect(m.nearShare).toBeLessThanOrEqual(m.matchedShare);
    expect(m.examples.length).toBe(10);
  });

  it('finds planted self-instruct text-davinci-003 answers; equal answers of people are real copies, not hash collisions', async () => {
    const machine = jsonl('selfinstruct_user_tasks_text-davinci-003.jsonl').map(
      (r) => r.response as string,
    );
    const human = jsonl('selfinstruct_user_tasks_human.jsonl').map(
      (r) => (r.instances as { output: string }[])[0]?.output as string,
    );
    const pack = await buildPack(machine, { name: 'davinci', kind: 'synthetic' });
    const h = matchPack(await foldTexts(human), pack);
    // Measured: 12 of 252 (4.8 %): tasks with one right answer ("Put on a happy face.") where the
    // person wrote the model's exact words. Every one is a real overlap, none a hash collision.
    const flagged = await flaggedIndexes(human, pack);
    expect(flagged.length).toBe(h.records);
    expect(falseMatches(human, machine, flagged)).toBe(0);
    // long: ≥ 50 words, so one changed word (5 of ≥ 46 shingles) keeps the Jaccard ≥ 0.8
    const long = machine.filter((t) => wordCount(t) >= 50).slice(0, 60);
    const sample = [...human, ...long.map((t, i) => (i % 2 ? recase(t) : changeOneWord(t)))];
    const m = matchPack(await foldTexts(sample), pack);
    expect(
      Math.abs(m.matchedShare - (h.records + long.length) / sample.length),
    ).toBeLessThanOrEqual(0.01);
  });

  it('finds GSM8K test questions leaked inside longer training records, with no false match in 16,000 others', async () => {
    const gsm = jsonl('gsm8k_example_model_solutions.jsonl');
    const questions = gsm.map((r) => r.question as string);
    const pack = await buildPack(questions, { name: 'gsm8k-test', kind: 'eval' });
    const clean = [
      ...(await texts('alpaca_en_demo.json')),
      ...(await texts('airline_tweets.csv')),
      ...M4.flat().flatMap((r) => [r.human_text as string, r.machine_text as string]),
      ...(await texts('selfinstruct_user_tasks_human.jsonl')),
    ];
    const leaked = gsm
      .slice(0, 100)
      .map((r) => `Solve step by step.\n${r.question}\n${r.ground_truth}\nThe answer is above.`);
    const sample = [...clean, ...leaked];
    const m = matchPack(await foldTexts(sample), pack);
    const flagged = await flaggedIndexes(sample, pack);
    const leaksFound = flagged.filter((i) => i >= clean.length).length;
    expect(leaksFound).toBe(100);
    const falses = flagged.length - leaksFound;
    // Measured: 0 of 16,866 clean records. The bar: a few per 10,000.
    expect(falses / clean.length).toBeLessThanOrEqual(3 / 10_000);
    expect(m.records).toBe(flagged.length);
  });

  it('finds leaked seed-task instructions (13 words or more) inside task records', async () => {
    const seeds = jsonl('selfinstruct_seed_tasks.jsonl');
    const instructions = seeds.map((r) => r.instruction as string);
    const pack = await buildPack(instructions, { name: 'seed-tasks', kind: 'eval' });
    const longOnes = seeds.filter((r) => wordCount(r.instruction as string) >= 13).slice(0, 40);
    const leaked = longOnes.map(
      (r) =>
        `### Task\n${r.instruction}\n### Response\n${(r.instances as { output: string }[])[0]?.output}`,
    );
    const clean = [
      ...(await texts('alpaca_en_demo.json')),
      ...(await texts('airline_tweets.csv')),
      ...jsonl('gsm8k_example_model_solutions.jsonl').map((r) => r.question as string),
    ];
    const sample = [...clean, ...leaked];
    const flagged = await flaggedIndexes(sample, pack);
    expect(flagged.filter((i) => i >= clean.length).length).toBe(leaked.length);
    const falses = falseMatches(
      sample,
      instructions,
      flagged.filter((i) => i < clean.length),
    );
    expect(falses / clean.length).toBeLessThanOrEqual(3 / 10_000);
  });

  it('finds short lines (airline tweets) planted in a sample, with no more false matches', async () => {
    const tweets = await texts('airline_tweets.csv');
    const half = Math.floor(tweets.length / 2);
    const packTexts = tweets.slice(0, half);
    const pack = await buildPack(packTexts, { name: 'tweets', kind: 'echo' });
    const rest = tweets.slice(half);
    const planted = packTexts
      .filter((t) => wordCount(t) >= 4)
      .slice(0, 300)
      .map((t, i) => (i % 2 ? recase(t) : t));
    const sample = [...rest, ...planted];
    const flagged = await flaggedIndexes(sample, pack);
    expect(flagged.filter((i) => i >= rest.length).length).toBe(planted.length);
    // near copies across the halves (retweets, bot tweets with other links) are real overlaps
    const falses = falseMatches(
      sample,
      packTexts,
      flagged.filter((i) => i < rest.length),
    );
    expect(falses / rest.length).toBeLessThanOrEqual(3 / 10_000);
  });

  it('stores no 30-character piece of its corpus', async () => {
    const corpora = [
      ...M4.flat().map((r) => r.machine_text as string),
      ...jsonl('gsm8k_example_model_solutions.jsonl').map((r) => r.question as string),
      ...(await texts('airline_tweets.csv')),
    ];
    const bytes = serializePack(await buildPack(corpora, { name: 'mixed', kind: 'eval' }));
    const { hits, checked } = corpusPieces(bytes, corpora);
    expect(checked).toBeGreaterThan(1_000_000);
    expect(hits).toBe(0);
    // the check can fail: a pack named with a piece of its corpus is caught
    const named = { ...(await buildPack(corpora.slice(0, 50), { name: 'x', kind: 'eval' })) };
    named.name = (corpora[0] as string).slice(0, 40);
    expect(corpusPieces(serializePack(named), corpora.slice(0, 50)).hits).toBeGreaterThan(0);
  }, 120_000);
});

/** How many 30-byte windows of the corpora's UTF-8 text occur in `bytes` (a 30-character piece is ≥ 30 bytes). */
function corpusPieces(bytes: Uint8Array, corpora: string[]): { hits: number; checked: number } {
  const windows = new Float64Array(Math.max(0, bytes.length - 29));
  rollingWindows(bytes, (h, at) => {
    windows[at] = h;
  });
  windows.sort();
  const has = (h: number) => {
    let lo = 0;
    let hi = windows.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((windows[mid] as number) < h) lo = mid + 1;
      else hi = mid;
    }
    return lo < windows.length && windows[lo] === h;
  };
  const all = Buffer.from(bytes);
  let hits = 0;
  let checked = 0;
  for (const t of corpora) {
    const utf8 = Buffer.from(t, 'utf8');
    rollingWindows(utf8, (h, at) => {
      checked++;
      if (has(h) && all.includes(utf8.subarray(at, at + 30))) hits++;
    });
  }
  return { hits, checked };
}

/** Calls `visit` with a 53-bit rolling hash of every 30-byte window of `bytes` and its offset. */
function rollingWindows(bytes: Uint8Array, visit: (hash: number, at: number) => void): void {
  const W = 30;
  const P1 = 0x01000193;
  const P2 = 0x5bd1e995;
  let pow1 = 1;
  let pow2 = 1;
  for (let i = 0; i < W; i++) {
    pow1 = Math.imul(pow1, P1);
    pow2 = Math.imul(pow2, P2);
  }
  let h1 = 0;
  let h2 = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    h1 = (Math.imul(h1, P1) + b) | 0;
    h2 = (Math.imul(h2, P2) + b + 1) | 0;
    if (i >= W) {
      const old = bytes[i - W] as number;
      h1 = (h1 - Math.imul(old, pow1)) | 0;
      h2 = (h2 - Math.imul(old + 1, pow2)) | 0;
    }
    if (i >= W - 1) visit((h1 >>> 0) * 2 ** 21 + (h2 & 0x1fffff), i - W + 1);
  }
}

/** Sample indexes the pack matches (every one, not the first ten): singletons matched one by one. */
async function flaggedIndexes(
  sample: string[],
  pack: Awaited<ReturnType<typeof buildPack>>,
): Promise<number[]> {
  return matchedRecords(await foldTexts(sample), pack);
}
