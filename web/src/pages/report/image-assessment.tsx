/**
 * Assessments whose training sample is an archive of images: how the page tells, and what the
 * reference and spot-check panels say instead of offering text-only actions. The server refuses a
 * spot-check of an image sample (409), and a reference calibrates only the machine-text estimate,
 * which an image sample does not have (its AI share is what the files themselves declare).
 */
import type { ScoredReport } from '../../api/domain';

/** True when the report's training sample is an archive of images (its analysis has an image block). */
export function isImageAssessment(report: Pick<ScoredReport, 'samples'> | null | undefined) {
  const training = report?.samples.find((s) => s.role === 'training');
  return Boolean(training && (training.images || training.input?.format === 'images'));
}

/** The spot-check panel's words for an image sample: why there is none and where to look instead. */
export function ImageSpotCheckNote() {
  return (
    <p class="small" data-testid="spot-check-images">
      The training sample is an archive of images, so there is no spot-check to start: a spot-check
      has a person read written text, one entry at a time. Image samples are reviewed through the
      report's thumbnails: see Images in the sample's part of the report, where the files that
      declare themselves AI-made and each group of copies are pictured.
    </p>
  );
}

/** The reference panel's words for an image sample: what a reference is for, and that it has no effect here. */
export function ImageReferenceNote() {
  return (
    <p class="small" data-testid="reference-images">
      The training sample is an archive of images, and reference samples do not apply to it. A
      reference is written text known to be by people or by a model: it calibrates the estimate of
      machine-written text. Images are read from what their own files declare (AI-made labels and
      content credentials), so a reference would not change this report.
    </p>
  );
}
