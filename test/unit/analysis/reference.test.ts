import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../functions/cli/io';
import { main } from '../../../functions/cli/main';
import type { Analysis } from '../../../functions/core/analysis';
import { mergePartials } from '../../../functions/core/analysis';
import {
  applyReference,
  calibrateWithReference,
  excessLowerBound,
  ReferenceCalibrationError,
  selfTest,
} from '../../../functions/core/analysis/reference';
import { analyze, jsonl, words } from './helpers';

/** Casual, human-looking replies: lower-case starts, no lists, short uneven sentences. */
const human = (i: number) =>
  `lol ${words(i, 4)} honestly... i think ${words(i + 500, 3)} but idk!! ${words(i + 900, 12)}`;
/** Assistant-looking answers: an intro, a numbered list, a closing summary. */
const machine = (i: number) =>
  `Certainly! Here are some key points about ${words(i, 2)}:\n\n1. **${words(i + 1, 2)}**: It is important to ensure ${words(i + 2, 8)}.\n2. **${words(i + 3, 2)}**: Additionally, ${words(i + 4, 9)}.\n3. **${words(i + 5, 2)}**: Furthermore, ${words(i + 6, 9)}.\n\nOverall, ${words(i + 7, 10)}.`;
const texts = (f: (i: number) => string, from: number, n: number) =>
  Array.from({ length: n }, (_, i) => ({ text: f(from + i * 17) }));

describe('reference calibration', () => {
  it('bounds the excess of machine-like scores over the reference from below, never above the truth', () => {
    // 200 reference records with 10 % above every threshold; a sample with 60 % of its records shifted to the top bin
    const reference: number[] = Array.from({ length: 20 }, (_, k) =>
      k < 2 ? 0 : k === 19 ? 20 : 10,
    );
    reference[0] = 200 - reference.reduce((s, c) => s + c, 0) + (reference[0] as number);
    const sample = reference.map((c, k) => Math.round(c * 0.4) + (k === 19 ? 120 : 0));
    const lb = excessLowerBound(sample, reference);
    expect(lb).toBeGreaterThan(0.3);
    expect(lb).toBeLessThan(0.6);
    expect(excessLowerBound(reference, reference)).toBe(0);
  });

  it('passes a consistent reference and refuses a small or inconsistent one, saying why', () => {
    const even = Array.from({ length: 20 }, () => 10);
    expect(selfTest({ halves: [even, even], markerRecords: 0 }).usable).toBe(true);
    const small = selfTest({ halves: [[5], [5]], markerRecords: 0 });
    expect(small).toMatchObject({ usable: false });
    expect(small.message).toMatch(/at least 40/);
    const top = even.map((_c, k) => (k >= 15 ? 60 : 0));
    const split = selfTest({ halves: [even, top], markerRecords: 0 });
    expect(split.usable).toBe(false);
    expect(split.message).toMatch(/not one consistent body of text/);
  });

  it('calibrates from stored analyses, their synthetic part, or partials alike', async () => {
    const sample = await analyze(jsonl([...texts(machine, 0, 60), ...texts(human, 5000, 60)]));
    const ref = await analyze(jsonl(texts(human, 9000, 120)));
    const fromAnalysis = calibrateWithReference(sample.analysis, ref.analysis);
    const fromSynthetic = calibrateWithReference(sample.analysis.synthetic, ref.analysis.synthetic);
    const fromPartial = calibrateWithReference(sample.analysis, ref.partial);
    expect(fromSynthetic).toEqual(fromAnalysis);
    expect(fromPartial).toEqual(fromAnalysis);
    expect(fromAnalysis.reference).toMatchObject({ records: 120, selfTest: { usable: true } });
    expect(fromAnalysis.interval[0]).toBeGreaterThan(0.3);
    expect(fromAnalysis.interval[0]).toBeLessThanOrEqual(0.5 + 1e-9);
    const stored = JSON.parse(JSON.stringify(sample.analysis)) as Analysis;
    const applied = applyReference(stored, ref.analysis, { name: 'tickets 2024' });
    expect(applied.synthetic).toMatchObject({ interval: fromAnalysis.interval });
    const finding = applied.findings.find((f) => f.id === 'synthetic.estimate');
    expect(finding?.message).toMatch(/Calibrated against the reference "tickets 2024"/);
    expect(stored.synthetic.reference).toBeUndefined();
  });

  it('reads a human sample as ~0 against a reference from the same source', async () => {
    const sample = await analyze(jsonl(texts(human, 100, 150)));
    const ref = await analyze(jsonl(texts(human, 7000, 150)));
    const c = calibrateWithReference(sample.analysis, ref.analysis);
    expect(c.interval[0]).toBeLessThanOrEqual(0.05);
  });

  it('keeps the score histogram mergeable across shards', async () => {
    const records = [...texts(machine, 0, 30), ...texts(human, 300, 30)];
    const whole = await analyze(jsonl(records));
    const a = await analyze(jsonl(records.slice(0, 25)));
    const b = await analyze(jsonl(records.slice(25)));
    expect(mergePartials(a.partial, b.partial).scores).toEqual(whole.partial.scores);
  });

  it('refuses an analysis stored before score histograms, saying what to do', async () => {
    const { analysis } = await analyze(jsonl(texts(human, 1, 50)));
    const { scoreHistogram: _, ...old } = analysis.synthetic;
    expect(() => calibrateWithReference(analysis, old)).toThrow(ReferenceCalibrationError);
    expect(() => calibrateWithReference(analysis, old)).toThrow(/analyze the reference again/);
  });
});

describe('diligence --reference', () => {
  let dir = '';
  const file = (name: string) => join(dir, name);
  async function run(args: string[]) {
    let stdout = '';
    let stderr = '';
    const io: CliIo = {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      isTTY: false,
    };
    return { code: await main(args, io), stdout, stderr };
  }
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'diligence-ref-'));
    await writeFile(file('sample.jsonl'), jsonl(texts(machine, 0, 80)));
    await writeFile(file('reference.jsonl'), jsonl(texts(human, 4000, 80)));
    await writeFile(file('tiny.jsonl'), jsonl(texts(human, 4000, 8)));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('puts the calibrated interval and the reference into the analysis JSON', async () => {
    const r = await run([
      'analyze',
      file('sample.jsonl'),
      '--reference',
      file('reference.jsonl'),
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const s = (JSON.parse(r.stdout) as Analysis).synthetic;
    expect(s.reference).toMatchObject({
      name: 'reference.jsonl',
      records: 80,
      selfTest: { usable: true },
    });
    expect(s.interval[0]).toBeGreaterThan(0.5);
  });

  it('says in the summary when the reference cannot calibrate', async () => {
    const r = await run(['analyze', file('sample.jsonl'), '--reference', file('tiny.jsonl')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/NOT calibrated: The reference has 8 records/);
  });

  it('scores with a reference and lists the claim check with its evidence strength', async () => {
    const answers = file('answers.json');
    await writeFile(answers, JSON.stringify({ synthetic_share_percent: 0 }));
    const args = ['score', '--answers', answers, '--sample', file('sample.jsonl')];
    const r = await run([...args, '--reference', file('reference.jsonl'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.claimChecks[0]).toMatchObject({ status: 'contradicted', evidence: 'calibrated' });
    const text = await run([...args, '--reference', file('reference.jsonl')]);
    expect(text.stdout).toMatch(
      /Claim checks[\s\S]*contradicted, Calibrated \(against a buyer reference\)/,
    );
  });

  it('exits 2 naming a reference file that cannot be read', async () => {
    const r = await run(['analyze', file('sample.jsonl'), '--reference', file('missing.jsonl')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing.jsonl');
  });
});
