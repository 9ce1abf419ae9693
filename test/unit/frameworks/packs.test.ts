import { describe, expect, it } from 'vitest';
import {
  computePack,
  FRAMEWORK_IDS,
  FRAMEWORKS,
  getFramework,
  MEASUREMENTS,
} from '../../../functions/core/frameworks';
import { aiTrainingDataV1, findQuestion } from '../../../functions/core/questionnaire';
import { loadAnswers, run } from '../scoring/inputs';
import { makeAnalysis } from '../scoring/make-analysis';

const honest = loadAnswers('honest-vendor');
const evasive = loadAnswers('evasive-vendor');
const template = aiTrainingDataV1;
const synthetic70 = makeAnalysis({
  synthetic: { declaredShare: null, markerRate: 0.3, estimatedShare: 0.7, interval: [0.6, 0.8] },
});
function frameworkOf(id: string) {
  const f = getFramework(id);
  if (!f) throw new Error(`no framework ${id}`);
  return f;
}
const packOf = (id: string, answers: typeof honest, report = run(answers)) =>
  computePack(frameworkOf(id), { report, answers, template });

describe('framework definitions', () => {
  it('lists the five frameworks of the contract', () => {
    expect([...FRAMEWORK_IDS].sort()).toEqual(
      ['ca-ab2013', 'eu-ai-act-art10', 'eu-gpai-summary', 'iso42001-a7', 'nist-ai-600-1'].sort(),
    );
    expect(getFramework('nope')).toBeUndefined();
  });

  it('maps only questions the template asks and measurements the analyzer makes', () => {
    for (const f of FRAMEWORKS) {
      expect(f.source.url, f.id).toMatch(/^https:\/\//);
      expect(new Set(f.items.map((i) => i.id)).size, f.id).toBe(f.items.length);
      for (const item of f.items) {
        const where = `${f.id} ${item.id}`;
        for (const q of [...item.questions, ...(item.claims ?? [])])
          expect(findQuestion(template, q), `${where}: question ${q}`).toBeDefined();
        for (const m of item.measurements)
          expect(MEASUREMENTS[m], `${where}: measurement ${m}`).toBeDefined();
        if (!item.questions.length && !item.measurements.length)
          expect(item.gap, `${where} maps nothing, so it must say why`).toBeTruthy();
      }
    }
  });

  it('has AB 2013 twelve items and Article 10 paragraphs 2(a)–(h), 3, 4 and 5', () => {
    expect(getFramework('ca-ab2013')?.items).toHaveLength(12);
    expect(getFramework('eu-ai-act-art10')?.items.map((i) => i.ref)).toEqual([
      'Art. 10(2)(a)',
      'Art. 10(2)(b)',
      'Art. 10(2)(c)',
      'Art. 10(2)(d)',
      'Art. 10(2)(e)',
      'Art. 10(2)(f)',
      'Art. 10(2)(g)',
      'Art. 10(2)(h)',
      'Art. 10(3)',
      'Art. 10(4)',
      'Art. 10(5)',
    ]);
  });
});

describe('a pack computed from a report', () => {
  it('tells a complete questionnaire from an evasive one, in every framework', () => {
    for (const id of FRAMEWORK_IDS) {
      const complete = packOf(id, honest);
      const dodged = packOf(id, evasive);
      expect(dodged.counts.missing, id).toBeGreaterThan(complete.counts.missing);
      expect(complete.counts.answered, id).toBeGreaterThan(dodged.counts.answered);
      expect(complete.items.length).toBe(dodged.items.length);
    }
    const item = (p: ReturnType<typeof packOf>, id: string) => p.items.find((i) => i.id === id);
    expect(item(packOf('ca-ab2013', honest), 'ab2013-12')?.status).toBe('answered');
    expect(item(packOf('ca-ab2013', evasive), 'ab2013-12')?.status).toBe('missing');
    // an evasive answer is shown as such, and does not count as answered
    expect(item(packOf('ca-ab2013', evasive), 'ab2013-12')?.evidence[0]?.text).toMatch(
      /unknown \(not disclosed\)/,
    );
    expect(item(packOf('ca-ab2013', honest), 'ab2013-11')?.status).toBe('missing');
  });

  it('marks items measured when a sample measured them, citing the sample and the value', () => {
    const report = run(honest, { training: makeAnalysis() });
    const p = packOf('eu-ai-act-art10', honest, report);
    const c = p.items.find((i) => i.id === 'art10-2c');
    expect(c?.status).toBe('measured');
    expect(c?.evidence.map((e) => e.ref)).toContain('training.duplicates.nearRate');
    expect(c?.evidence.find((e) => e.kind === 'answer')?.ref).toBe('labelers');
  });

  it('marks the items about synthetic data contradicted when the synthetic-share claim is', () => {
    const report = run(honest, { training: synthetic70 });
    expect(report.discrepancies.map((d) => d.questionId)).toContain('synthetic_share_percent');
    const contradicted = (id: string) =>
      packOf(id, honest, report)
        .items.filter((i) => i.status === 'contradicted')
        .map((i) => i.id);
    expect(contradicted('ca-ab2013')).toContain('ab2013-12');
    expect(contradicted('eu-gpai-summary')).toContain('gpai-2.5');
    expect(contradicted('eu-ai-act-art10')).toContain('art10-2f');
    expect(contradicted('nist-ai-600-1')).toContain('bias-homogenization');
    expect(contradicted('iso42001-a7')).toContain('a7.5');
    const item = packOf('ca-ab2013', honest, report).items.find((i) => i.id === 'ab2013-12');
    expect(item?.evidence[0]?.kind).toBe('discrepancy');
    // the same answers with a clean sample contradict nothing
    expect(
      packOf('ca-ab2013', honest, run(honest, { training: makeAnalysis() })).counts.contradicted,
    ).toBe(0);
  });

  it('is the same pack every time for the same report version', () => {
    const report = { ...run(honest, { training: synthetic70 }), version: 3 };
    const a = computePack(frameworkOf('eu-ai-act-art10'), { report, answers: honest, template });
    const b = computePack(frameworkOf('eu-ai-act-art10'), { report, answers: honest, template });
    expect(a).toEqual(b);
    expect(a.report).toEqual({ assessmentId: 'asm-1', version: 3, sha256: report.sha256 });
    expect(Object.values(a.counts).reduce((s, n) => s + n, 0)).toBe(a.items.length);
  });
});

describe('the words of a pack', () => {
  it('uses no method names a buyer would not know', async () => {
    const { JARGON } = await import('../../../functions/core/report/plain-words');
    const report = run(honest, { training: synthetic70, holdout: makeAnalysis() });
    for (const f of FRAMEWORKS) {
      const pack = computePack(f, { report, answers: honest, template });
      for (const i of pack.items)
        for (const e of i.evidence) expect(e.text, `${f.id} ${i.id}`).not.toMatch(JARGON);
    }
  });
});
