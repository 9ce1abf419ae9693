import { h } from 'preact';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Analysis } from '../../../functions/core/analysis/types';
import type { ScoredReport } from '../../../web/src/api/domain';
import { ReferenceNote } from '../../../web/src/pages/report/evidence-warnings';
import {
  ImageReferenceNote,
  ImageSpotCheckNote,
  isImageAssessment,
} from '../../../web/src/pages/report/image-assessment';
import { imageArchiveAnalysis, textAnalysis } from './image-sample-fixture';
import { vnodeText } from './vnode-text';

let images: Analysis;
let text: Analysis;
beforeAll(async () => {
  [images, text] = await Promise.all([imageArchiveAnalysis(), textAnalysis()]);
}, 60_000);

/** A report holding `samples` (each with its role), with a `reference` note when given. */
const reportOf = (
  samples: { analysis: Analysis; role: 'training' | 'holdout' }[],
  reference: unknown = null,
) =>
  ({
    samples: samples.map((s) => ({ ...s.analysis, role: s.role })),
    reference,
  }) as unknown as ScoredReport;

describe('isImageAssessment', () => {
  it('is true when the training sample is an archive of images', () => {
    expect(isImageAssessment(reportOf([{ analysis: images, role: 'training' }]))).toBe(true);
  });

  it('reads the analysis format when the image block is absent', () => {
    const { images: _dropped, ...rest } = images;
    expect(rest.input.format).toBe('images');
    expect(isImageAssessment(reportOf([{ analysis: rest as Analysis, role: 'training' }]))).toBe(
      true,
    );
  });

  it('is false for a text training sample, even beside an image holdout', () => {
    const mixed = reportOf([
      { analysis: text, role: 'training' },
      { analysis: images, role: 'holdout' },
    ]);
    expect(isImageAssessment(mixed)).toBe(false);
  });

  it('is false without a report or without a training sample', () => {
    expect(isImageAssessment(null)).toBe(false);
    expect(isImageAssessment(undefined)).toBe(false);
    expect(isImageAssessment(reportOf([{ analysis: images, role: 'holdout' }]))).toBe(false);
  });
});

describe('panel words for an image assessment', () => {
  it('says the spot-check does not apply and points to the thumbnails, never to records', () => {
    const said = vnodeText(h(ImageSpotCheckNote, {}));
    expect(said).toMatch(/archive of images/);
    expect(said).toMatch(/reviewed\s+through the report's thumbnails/);
    expect(said).not.toMatch(/\brecords?\b/i);
  });

  it('says a reference calibrates written text and would not change an image report', () => {
    const said = vnodeText(h(ImageReferenceNote, {}));
    expect(said).toMatch(/machine-written text/);
    expect(said).toMatch(/would not change this report/);
    expect(said).not.toMatch(/\brecords?\b/i);
  });

  it("keeps the report's reference note about images, naming an attached reference", () => {
    const none = vnodeText(
      h(ReferenceNote, { report: reportOf([{ analysis: images, role: 'training' }]) }),
    );
    expect(none).toMatch(/do not apply to an archive of images/);
    expect(none).not.toMatch(/screening values|\brecords?\b/i);
    const attached = reportOf([{ analysis: images, role: 'training' }], {
      name: 'Harbour letters',
      status: 'analyzed',
      records: 400,
      calibrated: false,
      message: 'The reference could not calibrate this sample: no style-score histogram.',
    });
    const said = vnodeText(h(ReferenceNote, { report: attached }));
    expect(said).toMatch(/Harbour letters is attached, but reference\s+samples do not apply/);
    expect(said).not.toMatch(/histogram|\brecords?\b/i);
  });

  it("leaves the text report's reference note as it was", () => {
    const said = vnodeText(
      h(ReferenceNote, { report: reportOf([{ analysis: text, role: 'training' }]) }),
    );
    expect(said).toMatch(/No reference sample attached: machine-text estimates are screening/);
  });
});
