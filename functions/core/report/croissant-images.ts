/**
 * The Croissant export's measurements of an IMAGE sample: the image measures (files found and
 * decoded, exact and near copies, images declaring AI origin in their own files as a lower bound,
 * sources listed in the archive's metadata list, content credentials), never the text ones
 * (records parsed, machine-text estimate, lexical diversity, personal-data patterns), which an
 * archive of images does not have.
 */
import { imageSourceShare, imagesWithSource } from '../scoring/sample-units';
import type { ReportSample } from '../scoring/types';
import { imageFacts } from './image-words';

type Fact = (name: string, value: number | string, technique: string, sample: string) => unknown;

const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;

/** The measurements of one image sample, as schema.org PropertyValues built by `fact`. */
export function imageSampleFacts(s: ReportSample, fact: Fact): unknown[] {
  const images = s.images;
  if (!images) return [];
  const f = imageFacts(images);
  const r = s.role;
  const out = [
    fact(
      'images in the sample',
      f.decoded + f.undecodable,
      'count of image files in the archive',
      r,
    ),
    fact('images decoded', f.decoded, 'images that decoded within the size caps', r),
    fact('exact-copy rate', f.exactRate, 'SHA-256 of the file bytes and of the decoded pixels', r),
    fact('near-copy rate', f.nearRate, images.duplicates.method, r),
    fact(
      'images declaring AI origin in their own files (lower bound)',
      f.evidencedShare,
      s.synthetic.method,
      r,
    ),
    fact(
      'images with a listed source',
      imageSourceShare(s),
      "source per image in the archive's metadata list (metadata.jsonl or metadata.csv)",
      r,
    ),
  ];
  if (f.c2paPresent > 0)
    out.push(
      fact('images with content credentials (C2PA)', f.c2paPresent, 'C2PA manifests read', r),
      fact('content credentials failing validation', f.c2paInvalid, 'C2PA validation', r),
    );
  if (s.contamination)
    out.push(
      fact(
        'training images copying holdout images',
        s.contamination.overlapRate,
        'SHA-256 of bytes and pixels; perceptual hash (pHash) at Hamming distance <= 7',
        r,
      ),
    );
  return out;
}

/** Measured statements of an image training sample, by the RAI property they inform. */
export function imageStatements(t: ReportSample, add: (prop: string, text: string) => void): void {
  const images = t.images;
  if (!images) return;
  const f = imageFacts(images);
  add(
    'rai:dataCollectionType',
    `at least ${pct(f.evidencedShare)} of images declare AI origin in their own files (a lower bound: re-saving an image removes such labels).`,
  );
  const labels = images.listed?.labels ?? {};
  if (Object.keys(labels).length)
    add(
      'rai:dataBiases',
      `images per label in the archive's metadata list: ${Object.entries(labels)
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')}.`,
    );
  add(
    'rai:dataLimitations',
    `${pct(f.nearRate)} near copies, ${pct(f.exactRate)} exact copies; a source is listed for ${imagesWithSource(t)} of ${f.decoded} images.`,
  );
}
