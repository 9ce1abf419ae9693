import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Analysis, analyzeSource } from '../../functions/core/analysis';
import { type Answers, aiTrainingDataV1 } from '../../functions/core/questionnaire';
import { defaultPolicy, score } from '../../functions/core/scoring';
import { seededRandom } from '../../functions/lib/seeded-random';
import { DATA_DIR, hasData, loadCorpora } from '../../scripts/style-model/corpora';

// Tests on ../shared/data plus generated mixes: per-source attribution and measured languages.
// The shared data is all English; Chinese records come from test/fixtures/languages/zh.txt (real
// sentences written for these tests), two or three joined per record.

const present = hasData();
if (!present) console.warn(`Sources and languages data tests SKIPPED: ${DATA_DIR} does not exist.`);

const NOW = new Date('2025-06-01T00:00:00Z');
const ZH = readFileSync('test/fixtures/languages/zh.txt', 'utf8').split('\n').filter(Boolean);

function shuffle<T>(items: T[], seed: number): T[] {
  const r = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

async function run(rows: Record<string, unknown>[], key?: string): Promise<Analysis> {
  const body = new TextEncoder().encode(`${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
  async function* source() {
    yield body;
  }
  const { analysis } = await analyzeSource(source(), {
    fileName: 'mix.jsonl',
    now: NOW,
    ...(key ? { spotCheck: { key } } : {}),
  });
  return analysis;
}

/** Distinct Chinese records: two or three fixture sentences joined. */
function chinese(n: number, seed: number): string[] {
  const r = seededRandom(seed);
  const out = new Set<string>();
  while (out.size < n) {
    const k = 2 + Math.floor(r() * 2);
    out.add(Array.from({ length: k }, () => ZH[Math.floor(r() * ZH.length)]).join(''));
  }
  return [...out];
}

const scoreLanguages = (analysis: Analysis, languages: unknown) =>
  score({
    assessmentId: 'languages',
    answers: { languages } as Answers,
    template: aiTrainingDataV1,
    analyses: { training: analysis },
    policy: defaultPolicy,
    now: NOW,
  }).discrepancies.filter((d) => d.questionId === 'languages');

describe.skipIf(!present)('per-source attribution on ../shared/data', () => {
  let analysis: Analysis;
  beforeAll(async () => {
    const corpora = loadCorpora();
    const texts = (name: string) =>
      (corpora.find((c) => c.name === name)?.texts ?? []).filter((t) => t.length > 80);
    const clean = texts('Alpaca demo outputs').slice(0, 300);
    const human = texts('GSM8K human solutions');
    const half = human.slice(0, 150);
    const duplicated = [...half, ...half]; // 300 records, half of them copies
    const personal = texts('Wikipedia demo documents')
      .concat(texts('self-instruct human answers'))
      .slice(0, 300)
      .map((t, i) => `${t.slice(0, 400)} Contact: editor${i}@example.org`);
    const rows = [
      ...clean.map((text) => ({ text, feed: 'clean-feed' })),
      ...duplicated.map((text) => ({ text, feed: 'dup-feed' })),
      ...personal.map((text) => ({ text, feed: 'pii-feed' })),
    ];
    analysis = await run(shuffle(rows, 7));
  }, 120_000);

  it('detects the feed field and gives one row per feed', () => {
    expect(analysis.input.fields.source).toBe('feed');
    const rows = analysis.bySource ?? [];
    expect(rows.map((r) => r.source).sort()).toEqual(['clean-feed', 'dup-feed', 'pii-feed']);
    expect(rows.reduce((s, r) => s + r.records, 0)).toBe(analysis.input.records);
  });

  it('attributes the duplicates to the duplicating feed and personal data to the e-mail feed', () => {
    const row = (name: string) => analysis.bySource?.find((r) => r.source === name);
    expect(row('dup-feed')?.duplicates.exactRate).toBeCloseTo(0.5, 2);
    expect(row('clean-feed')?.duplicates.exactRate).toBeLessThan(0.02);
    expect(row('pii-feed')?.duplicates.exactRate).toBeLessThan(0.02);
    expect(row('pii-feed')?.pii.recordShare).toBeCloseTo(1, 2);
    expect(row('clean-feed')?.pii.recordShare).toBeLessThan(0.02);
    expect(row('dup-feed')?.pii.recordShare).toBeLessThan(0.02);
  });

  it('names the feed carrying each problem in the findings', () => {
    const finding = (id: string) => analysis.findings.find((f) => f.id === id);
    expect(finding('sources.near-duplicates')?.evidence.source).toBe('dup-feed');
    expect(finding('sources.near-duplicates')?.message).toContain('`dup-feed`');
    expect(finding('sources.pii')?.evidence.source).toBe('pii-feed');
  });
});

describe.skipIf(!present)('languages on ../shared/data with 30 % Chinese', () => {
  let small: Analysis;
  let large: Analysis;
  let english: string[];
  beforeAll(async () => {
    english = loadCorpora()
      .filter((c) => !c.machine || c.name === 'Alpaca demo outputs')
      .flatMap((c) => c.texts)
      .filter((t) => t.length >= 80);
    const mix = (n: number, seed: number) => {
      const zh = chinese(Math.round(n * 0.3), seed);
      const en = shuffle(english, seed).slice(0, n - zh.length);
      return shuffle([...en.map((text) => ({ text })), ...zh.map((text) => ({ text }))], seed + 1);
    };
    small = await run(mix(1000, 11));
    large = await run(mix(6000, 12), 'a secret draw key');
  }, 240_000);

  it('has enough distinct English records for the mixes', () => {
    expect(english.length).toBeGreaterThan(4200);
  });

  it('measures the Chinese share within 5 points, on every record and on the keyed sample', () => {
    for (const a of [small, large]) {
      const zh = a.languages?.detected.find((d) => d.language === 'zh')?.share ?? 0;
      expect(Math.abs(zh - 0.3)).toBeLessThan(0.05);
      const en = a.languages?.detected.find((d) => d.language === 'en')?.share ?? 0;
      expect(en).toBeGreaterThan(0.6);
    }
    const method = large.findings.find((f) => f.id === 'languages.method');
    expect(method?.evidence.sampled).toBe(1000);
    expect(method?.evidence.keyed).toBe(true);
  });

  it('contradicts an "en" declaration and accepts "en, zh"', () => {
    const found = scoreLanguages(small, 'en');
    expect(found).toHaveLength(1);
    expect(found[0]?.message).toContain('"zh"');
    expect(found[0]?.measured).toBeCloseTo(0.3, 1);
    expect(scoreLanguages(small, 'en, zh')).toEqual([]);
    expect(scoreLanguages(small, 'eng zho')).toEqual([]);
  });

  it('reports a declared language that is absent', () => {
    const found = scoreLanguages(small, 'en, zh, ja');
    expect(found.map((d) => d.message).join(' ')).toContain('"ja" is declared');
  });

  it('gives no discrepancy for a free-text answer', () => {
    expect(scoreLanguages(small, 'English and some Chinese')).toEqual([]);
    expect(scoreLanguages(small, 'Mostly English')).toEqual([]);
  });

  it('finds no other language in English-only data', async () => {
    const a = await run(
      shuffle(english, 3)
        .slice(0, 1500)
        .map((text) => ({ text })),
    );
    const other = a.languages?.detected.filter((d) => d.language !== 'en') ?? [];
    expect(other.reduce((s, d) => s + d.share, 0)).toBeLessThan(0.05);
    expect(scoreLanguages(a, 'en')).toEqual([]);
  }, 60_000);
});
