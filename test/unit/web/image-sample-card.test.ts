/**
 * An IMAGE sample shows image measures wherever a sample is shown: the report's sample card, the
 * vendor's upload list, the version diff and the evidence warnings. The text measures (records,
 * machine-text estimate, sources, personal data) must not appear for it; a text sample is unchanged.
 */
import { h } from 'preact';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../../functions/core/analysis/types';
import { imageFacts } from '../../../functions/core/report/image-words';
import type { ReportSample, ScoredReport } from '../../../web/src/api/domain';
import type { SampleInfo } from '../../../web/src/api/types';
import { evidenceWarnings } from '../../../web/src/pages/report/headline-model';
import { SampleAnalysis } from '../../../web/src/pages/report/sample-analysis';
import { VersionDiff } from '../../../web/src/pages/report/version-diff';
import { SampleSummary } from '../../../web/src/pages/vendor/sample-summary';
import { imageArchiveAnalysis, textAnalysis } from './image-sample-fixture';
import { vnodeText } from './vnode-text';

/** Words that belong to text samples only. */
const TEXT_MEASURES =
  /\bRecords?\b|machine-text|Machine-made \(estimate\)|machine-generated|personal data|recorded source|Fields the analyzer used|copied records|\brecords\b/i;
/** camelCase or snake_case: internal names people must never read. */
const INTERNAL = /\b[a-z]+[A-Z][a-zA-Z]*\b|\b[a-z]+_[a-z0-9_]+\b/;

let images: Analysis;
let text: Analysis;

beforeAll(async () => {
  images = await imageArchiveAnalysis();
  text = await textAnalysis();
}, 60_000);

const asSample = (a: Analysis, fileName: string): ReportSample =>
  ({
    ...a,
    role: 'training',
    file: {
      sampleId: 's1',
      fileName,
      uploadedAt: '2026-12-01T10:00:00.000Z',
      records: a.input.records,
      sha256: 'ab'.repeat(32),
    },
  }) as ReportSample;

const card = (a: Analysis, name: string) =>
  vnodeText(h(SampleAnalysis, { sample: asSample(a, name), index: 0 }), new Set(['how-measured']));

describe('the sample card of an image sample', () => {
  it('shows images found, decoded, unreadable, copies, the evidenced share as a lower bound and C2PA counts', () => {
    if (!images.images) throw new Error('no images block');
    const f = imageFacts(images.images);
    expect(f).toMatchObject({ decoded: 4, undecodable: 1, evidenced: 1, c2paPresent: 1 });
    const shown = card(images, 'pictures.zip');
    expect(shown).toMatch(/Images found\s+5/);
    expect(shown).toMatch(/Images decoded\s+4/);
    expect(shown).toMatch(/Images that could not be read\s+1/);
    expect(shown).toMatch(/Exact copies\s+25 %/);
    expect(shown).toMatch(/Near copies \(resized, grey or mirrored\)\s+50 %/);
    expect(shown).toMatch(/Declared AI-made in their own files\s+at least 25 % \(1 of 4 images\)/);
    expect(shown).toMatch(/Content credentials \(C2PA\)\s+1 present, 1 failing validation/);
    expect(shown).not.toMatch(/estimate/i);
    expect(shown).not.toMatch(TEXT_MEASURES);
    expect(shown).not.toMatch(INTERNAL);
  });

  it('leaves a text sample with its text measures', () => {
    const shown = card(text, 'text.jsonl');
    expect(shown).toMatch(/Records\s+30/);
    expect(shown).toMatch(/Machine-made \(estimate\)/);
    expect(shown).toMatch(/Records with personal data/);
    expect(shown).not.toMatch(/Images found|Declared AI-made/);
  });

  it('names images, not records or lines, in the evidence warnings', () => {
    const report = { samples: [{ ...asSample(images, 'p.zip'), fileName: 'p.zip' }] };
    const words = evidenceWarnings(report as unknown as ScoredReport, {
      labels: new Map(),
      critical: new Set(),
      questionTitles: new Map(),
    }).join(' ');
    expect(words).toMatch(/1 image \(20 %\) that could not be decoded/);
    expect(words).toMatch(/has only 4 images/);
    expect(words).not.toMatch(/record|line/);
  });
});

describe("the vendor's upload list", () => {
  const summary = (a: Analysis): NonNullable<SampleInfo['summary']> => ({
    records: a.input.records,
    exactRate: a.duplicates.exactRate,
    nearRate: a.duplicates.nearRate,
    estimatedShare: a.synthetic.estimatedShare,
    fields: { ...a.input.fields },
    ...(a.images ? { images: imageFacts(a.images) } : {}),
  });

  it('shows image measures for an archive of images, and no field mapping', () => {
    const shown = vnodeText(h(SampleSummary, { summary: summary(images) }));
    expect(shown).toMatch(/Images found\s+5/);
    expect(shown).toMatch(/Declared AI-made in their own files\s+at least 25 %/);
    expect(shown).not.toMatch(TEXT_MEASURES);
    expect(shown).not.toMatch(INTERNAL);
  });

  it('shows records, copies and the estimate for a text sample', () => {
    const shown = vnodeText(h(SampleSummary, { summary: summary(text) }));
    expect(shown).toMatch(/Records\s+30/);
    expect(shown).toMatch(/Estimated machine-generated/);
    expect(shown).toMatch(/Fields the analyzer used/);
  });
});

describe('the version diff', () => {
  it('describes a changed image sample in image words', () => {
    const diff = {
      from: { version: 1, generatedAt: '2026-12-01T10:00:00Z', sha256: 'a' },
      to: { version: 2, generatedAt: '2026-12-02T10:00:00Z', sha256: 'b' },
      score: { from: 10, to: 20, change: 10 },
      tier: { from: 'low', to: 'low', changed: false },
      maturity: { from: 2, to: 2 },
      factors: { added: [], removed: [], changed: [] },
      answers: [],
      answersNotRecorded: [],
      samples: [
        {
          role: 'training',
          change: 'added' as const,
          to: {
            records: 4,
            bytes: 1,
            nearRate: 0.25,
            estimatedShare: 0.25,
            images: imageFacts(images.images as NonNullable<Analysis['images']>),
          },
        },
      ],
      discrepancies: { added: [], removed: [] },
    };
    const shown = vnodeText(h(VersionDiff, { diff, prompts: new Map(), questions: new Map() }));
    expect(shown).toMatch(/5 images found, 4 decoded, 1 could not be read/);
    expect(shown).toMatch(/at least 25 % \(1 of 4 images;/);
    expect(shown).not.toMatch(/machine text|records/);
  });
});
