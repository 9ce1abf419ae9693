import { describe, expect, it } from 'vitest';
import { getFramework } from '../../../functions/core/frameworks';
import { draftMarkdown } from '../../../functions/core/frameworks/draft-markdown';
import { escapeMarkdown } from '../../../functions/core/frameworks/markdown-escape';
import {
  DRAFT_FRAMEWORKS,
  type VendorDraftInput,
  vendorDraft,
} from '../../../functions/core/frameworks/vendor-draft';
import { aiTrainingDataV1 } from '../../../functions/core/questionnaire';
import { loadAnswers } from '../scoring/inputs';
import { makeAnalysis } from '../scoring/make-analysis';

const ab2013 = getFramework('ca-ab2013');
if (!ab2013) throw new Error('no AB 2013 pack');

const input = (over: Partial<VendorDraftInput> = {}): VendorDraftInput => ({
  framework: ab2013,
  template: aiTrainingDataV1,
  answers: loadAnswers('honest-vendor'),
  analyses: {},
  generatedAt: '2026-12-05T09:00:00.000Z',
  answersFrom: { version: 4, savedAt: '2026-12-04T10:00:00.000Z', submittedAt: null },
  dataset: { name: 'Acme' },
  vendor: { name: 'Acme Data' },
  ...over,
});

describe('vendorDraft', () => {
  it('offers drafts only of the disclosures a vendor publishes itself', () => {
    expect([...DRAFT_FRAMEWORKS].sort()).toEqual(['ca-ab2013', 'eu-gpai-summary']);
  });

  it('fills more items from a complete questionnaire than from an evasive one', () => {
    const honest = vendorDraft(input());
    const evasive = vendorDraft(input({ answers: loadAnswers('evasive-vendor') }));
    expect(honest.counts.answered).toBeGreaterThan(evasive.counts.answered);
    expect(evasive.counts.toComplete).toBeGreaterThan(honest.counts.toComplete);
    const total = (d: typeof honest) => d.counts.answered + d.counts.measured + d.counts.toComplete;
    expect(total(honest)).toBe(ab2013.items.length);
    const open = evasive.items.find(
      (i) => i.status === 'to_complete' && !i.note?.includes('yourself'),
    );
    expect(open?.note).toMatch(/^To complete: answer ".+" in the questionnaire\.$/);
  });

  it('says "not measured yet" before an analysis and the measured value after', () => {
    const before = vendorDraft(input()).items.find((i) => i.id === 'ab2013-12');
    expect(before?.measurements.map((m) => m.text)).toEqual(['not measured yet']);
    const analysis = makeAnalysis({
      synthetic: {
        declaredShare: null,
        markerRate: 0.3,
        estimatedShare: 0.7,
        interval: [0.6, 0.8],
      },
    });
    const after = vendorDraft(input({ analyses: { training: analysis } })).items.find(
      (i) => i.id === 'ab2013-12',
    );
    expect(after?.measurements[0]).toMatchObject({ ref: 'training.synthetic' });
    expect(after?.measurements[0]?.text).toMatch(/^estimated 70 %, at least 60 %/);
  });

  it('states plainly that it is a draft, not legal advice, from which answers and when', () => {
    const d = vendorDraft(input());
    expect(d.draft).toBe(true);
    expect(d.notice).toContain('This is a draft, not legal advice.');
    expect(d.notice).toContain('generated it on 2026-12-05 from your current answers');
    expect(d.notice).toContain('questionnaire version 4');
    const submitted = vendorDraft(
      input({ answersFrom: { version: 5, savedAt: 'x', submittedAt: '2026-12-06T08:00:00Z' } }),
    );
    expect(submitted.notice).toContain('your answers as submitted on 2026-12-06');
  });
});

describe('escapeMarkdown', () => {
  it('keeps links, tags, entities and headings as text', () => {
    expect(escapeMarkdown('[x](javascript:alert(1)) <img src=x onerror=y> &amp; # h')).toBe(
      '\\[x\\](javascript:alert(1)) \\<img src=x onerror=y\\> \\&amp; \\# h',
    );
  });

  it('keeps a multi-line answer inside its list item, no line starting a list or a code block', () => {
    expect(escapeMarkdown('first\n    - second\n1. third\n=x')).toBe(
      'first\\\n  \\- second\\\n  1\\. third\\\n  \\=x',
    );
  });

  it('renders the vendor’s answer escaped in the Markdown draft', () => {
    const md = draftMarkdown(
      vendorDraft(input({ answers: { ...loadAnswers('honest-vendor'), lineage: '*bold* <b>' } })),
    );
    expect(md).toContain('\\*bold\\* \\<b\\>');
    expect(md).not.toMatch(/[^\\]<b>/);
  });
});
