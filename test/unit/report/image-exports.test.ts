/**
 * The PDF, the framework evidence (CSV, PDF, web) and the delivery series describe an IMAGE sample
 * in image words: images found and decoded, copies, the declared-AI share as "at least" (a lower
 * bound, rounded down), C2PA counts; never records, the machine-text estimate or text variety.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../../functions/core/analysis/types';
import { evaluateItem } from '../../../functions/core/frameworks/evaluate';
import { measurementFor } from '../../../functions/core/frameworks/image-measurements';
import { aiTrainingDataV1 } from '../../../functions/core/questionnaire';
import { deliveryPoint } from '../../../functions/core/report/delivery-series/point';
import { atLeast, imageFacts } from '../../../functions/core/report/image-words';
import type { PdfWriter } from '../../../functions/core/report/pdf-layout';
import { methodSection, samplesSection } from '../../../functions/core/report/pdf-sections';
import type { ReportSample, ScoredReport } from '../../../functions/core/scoring/types';
import { imageArchiveAnalysis, textAnalysis } from '../web/image-sample-fixture';

/** Text measures that mislead for an archive of images. */
const TEXT_MEASURES =
  /records|machine-made \(estimate\)|machine-written|personal data|diversity|variety of|recorded source/i;

let images: Analysis;
let text: Analysis;
beforeAll(async () => {
  images = await imageArchiveAnalysis();
  text = await textAnalysis();
}, 60_000);

const sample = (a: Analysis): ReportSample => ({
  ...a,
  role: 'training',
  file: {
    sampleId: 's1',
    fileName: 'pictures.zip',
    uploadedAt: '2026-12-01T10:00:00.000Z',
    records: a.input.records,
    sha256: 'ab'.repeat(32),
  },
});

/** A PDF writer that keeps the lines it is given. */
function recorder() {
  const lines: string[] = [];
  const w = {
    heading: (t: string) => lines.push(t),
    text: (t: string) => lines.push(t),
  } as unknown as PdfWriter;
  return { w, lines };
}

describe('image words', () => {
  it('rounds the lower bound down, never up', () => {
    expect(atLeast(1 / 3)).toBe('at least 33.3 %');
    expect(atLeast(0.9999)).toBe('at least 99.9 %');
    expect(atLeast(0.00001)).toBe('at least 0.1 %');
    expect(atLeast(0)).toBe('at least 0 %');
    expect(atLeast(0.25)).toBe('at least 25 %');
  });

  it('counts a file with several kinds of evidence once', () => {
    if (!images.images) throw new Error('no images block');
    const block = images.images;
    const row = block.provenance.aiEvidence[0];
    if (!row) throw new Error('no evidence');
    const twice = {
      ...block,
      provenance: { ...block.provenance, aiEvidence: [row, { ...row, source: 'iptc' as const }] },
    };
    expect(imageFacts(twice).evidenced).toBe(1);
  });
});

describe('the report PDF', () => {
  it('lists an image sample by its images and image measures', () => {
    const { w, lines } = recorder();
    samplesSection(w, { samples: [sample(images)] } as unknown as ScoredReport);
    methodSection(w, { samples: [sample(images)] } as unknown as ScoredReport);
    const all = lines.join('\n');
    expect(all).toMatch(/pictures\.zip \(training sample, 5 images\)/);
    expect(all).toMatch(/5 images found, 4 decoded, 1 could not be read/);
    expect(all).toMatch(/Declared AI-made in their own files: at least 25 % \(1 of 4 images;/);
    expect(all).toMatch(/Copies: 25 % exact, 50 % near/);
    expect(all).toMatch(/Content credentials \(C2PA\): 1 present, 1 failing validation/);
    expect(all).not.toMatch(TEXT_MEASURES);
  });

  it('keeps the text measures of a text sample', () => {
    const { w, lines } = recorder();
    samplesSection(w, { samples: [sample(text)] } as unknown as ScoredReport);
    expect(lines.join('\n')).toMatch(/30 records[\s\S]*Machine-made \(estimate\)/);
  });
});

describe('framework evidence', () => {
  const def = {
    id: 'x',
    title: 'Data description',
    ref: '§ 1',
    questions: [],
    measurements: ['records', 'synthetic', 'diversity', 'pii', 'provenance', 'languages'],
  };
  const input = (a: Analysis) => ({
    report: { samples: [sample(a)], discrepancies: [] } as unknown as ScoredReport,
    answers: {},
    template: aiTrainingDataV1,
  });

  it('cites image measures of an image sample and nothing that does not apply', () => {
    const item = evaluateItem(def, input(images));
    const words = item.evidence.map((e) => e.text);
    expect(words).toEqual([
      'images in the sample: 5 found, 4 decoded, 1 could not be read',
      'images declared AI-made in their own files (a lower bound, not an estimate): at least 25 % (1 of 4 images)',
    ]);
    expect(measurementFor('pii', images)).toBeUndefined();
  });

  it('cites the text measures of a text sample', () => {
    const words = evaluateItem(def, input(text)).evidence.map((e) => e.text);
    expect(words.join('\n')).toMatch(/records in the sample: 30/);
    expect(words.join('\n')).toMatch(/machine-written text/);
  });
});

describe('the delivery series', () => {
  it('charts no text variety or machine text for an archive of images, and says why', () => {
    const a = {
      id: 'a1',
      previousAssessmentId: null,
      vendor: { name: 'V' },
      dataset: { name: 'D' },
      createdAt: '2026-12-01T10:00:00.000Z',
      submittedAt: null,
      report: { version: 1 },
    };
    const report = { version: 1, samples: [sample(images)], risk: { factors: [] } };
    const p = deliveryPoint(a, 1, report as never);
    expect(p.diversity).toBeNull();
    expect(p.machineText).toBeNull();
    expect(p.records).toBe(4);
    expect(p.nearDuplicateRate).toBe(0.5);
    expect(p.notMeasured).toMatch(/archive of images/);
    const t = deliveryPoint(a, 1, { ...report, samples: [sample(text)] } as never);
    expect(t.machineText).not.toBeNull();
  });
});
