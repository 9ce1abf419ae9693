/**
 * The measurements framework items cite, read from an IMAGE sample (an archive of images): the
 * same ids as `MEASUREMENTS`, in image words. The text measurements (variety of the text, sources
 * filled in, record dates, personal data, languages) do not apply to images and read null, so an
 * item cites nothing rather than a misleading zero.
 */
import type { Analysis } from '../analysis/types';
import { atLeast, imageFacts, ofImages } from '../report/image-words';
import { MEASUREMENTS, type Measurement } from './measurements';

const pct = (x: number) => `${(x * 100).toFixed(x < 0.1 && x > 0 ? 1 : 0)} %`;

const facts = (a: Analysis) => (a.images ? imageFacts(a.images) : null);

/** Image measurements by the ids of `MEASUREMENTS`; an id missing here does not apply to images. */
export const IMAGE_MEASUREMENTS: Record<string, Measurement> = {
  records: {
    label: 'images in the sample',
    read: (a) => {
      const f = facts(a);
      return f
        ? `${(f.decoded + f.undecodable).toLocaleString('en')} found, ${f.decoded.toLocaleString('en')} decoded, ${f.undecodable.toLocaleString('en')} could not be read`
        : null;
    },
  },
  'duplicates.exactRate': {
    label: 'exact copies of images',
    read: (a) => pct(a.duplicates.exactRate),
  },
  'duplicates.nearRate': {
    label: 'near copies of images (resized, grey or mirrored)',
    read: (a) => pct(a.duplicates.nearRate),
  },
  synthetic: {
    label: 'images declared AI-made in their own files (a lower bound, not an estimate)',
    read: (a) => {
      const f = facts(a);
      return f ? `${atLeast(f.evidencedShare)} (${ofImages(f)})` : null;
    },
  },
  labels: {
    label: "labels in the archive's list of images",
    read: (a) => (a.labels ? `${Object.keys(a.labels.classes).length} labels` : null),
  },
  contamination: {
    label: 'overlap with the holdout',
    read: (a) =>
      a.contamination
        ? `${pct(a.contamination.overlapRate)} of training images copy one of ${a.contamination.holdoutRecords.toLocaleString('en')} holdout images`
        : null,
  },
};

/** The measurement `id` as it reads `a`: in image words for an archive of images. */
export function measurementFor(id: string, a: Analysis): Measurement | undefined {
  return a.images ? IMAGE_MEASUREMENTS[id] : MEASUREMENTS[id];
}
