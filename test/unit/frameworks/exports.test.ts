import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { computePacks, FRAMEWORKS } from '../../../functions/core/frameworks';
import { frameworkCsvRows } from '../../../functions/core/frameworks/csv-rows';
import { aiTrainingDataV1 } from '../../../functions/core/questionnaire';
import { JARGON, labeler, reportCsv } from '../../../functions/core/report';
import { reportPdf } from '../../../functions/core/report/pdf';
import { pdfFlatText } from '../../support/pdf-text';
import { loadAnswers, run } from '../scoring/inputs';
import { makeAnalysis } from '../scoring/make-analysis';

const answers = loadAnswers('honest-vendor');
const synthetic70 = makeAnalysis({
  synthetic: { declaredShare: null, markerRate: 0.3, estimatedShare: 0.7, interval: [0.6, 0.8] },
});
const report = run(answers, { training: synthetic70 });
const packs = computePacks({ report, answers, template: aiTrainingDataV1 });
const label = labeler(aiTrainingDataV1);

describe('framework packs in the report exports', () => {
  it('gives every framework item a CSV row, the synthetic-data items contradicted with the claim', () => {
    const csv = reportCsv(report, label, frameworkCsvRows(packs, label.plain));
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    const items = rows.filter((r) => r.kind === 'framework');
    expect(items.length).toBe(FRAMEWORKS.reduce((n, f) => n + f.items.length, 0));
    const synthetic = items.find((r) => r.item?.startsWith('ab2013-12 '));
    expect(synthetic?.status).toBe('contradicted');
    expect(synthetic?.evidence).toMatch(/^Contradicted: /);
    expect(synthetic?.evidence).toMatch(/Measured in the training sample: machine-written text/);
    // every row has every column (factors and discrepancies padded)
    expect(rows.every((r) => Object.keys(r).length === 12)).toBe(true);
  });

  it('prints counts per framework and the contradicted items with their evidence in the PDF', async () => {
    const text = await pdfFlatText(
      await reportPdf(report, { title: 'Acme (Acme Data)', label, frameworks: packs }),
    );
    const section = text.slice(text.indexOf('Frameworks'), text.indexOf('How this was measured'));
    expect(section).toMatch(/12 items: [1-9]\d* contradicted/);
    expect(section).toContain(
      '§ 3111(a)(12) Whether synthetic data generation was or is used: contradicted',
    );
    expect(section).toMatch(/Contradicted: .*machine/i);
    expect(section.match(JARGON)?.[0]).toBeUndefined();
  });

  it('leaves the section out when no pack is given', async () => {
    const text = await pdfFlatText(await reportPdf(report, { title: 'x', label }));
    expect(text).not.toContain('Contradicted and missing items are listed');
  });
});
