/**
 * The measures of an IMAGE sample in plain words, one vocabulary for the web sample card, the
 * vendor's upload list, the PDF and the version diff: images found, decoded and unreadable, exact
 * and near copies, the share of images whose own files declare AI origin (a lower bound, always
 * "at least", never an estimate: docs/images.md), content credentials when any. The text measures
 * (records, machine-text estimate, personal data, languages) do not apply to an archive of images.
 */
import { lowerBoundPercent } from '../analysis/images/lower-bound';
import type { ImagesBlock } from '../analysis/images/types';

/** The headline facts of an image sample: small, plain JSON (kept in the vendor's sample summary). */
export interface ImageFacts {
  /** Images that decoded. */
  decoded: number;
  /** Images that could not be decoded (corrupt, truncated, over a cap). */
  undecodable: number;
  /** Share of decoded images that repeat an earlier one byte for byte or pixel for pixel. */
  exactRate: number;
  /** Share of decoded images that copy an earlier one, resized, grey or mirrored copies included. */
  nearRate: number;
  /** Images whose own bytes declare AI origin. */
  evidenced: number;
  /** `evidenced / decoded`: a lower bound. */
  evidencedShare: number;
  /** Images carrying content credentials (C2PA), and those failing validation. */
  c2paPresent: number;
  c2paInvalid: number;
}

/** Reads the facts from an analysis's `images` block. */
export function imageFacts(images: ImagesBlock): ImageFacts {
  const p = images.provenance;
  const evidenced = new Set(p.aiEvidence.map((e) => e.file)).size + p.aiEvidenceMore;
  return {
    decoded: images.decoded,
    undecodable: images.undecodable,
    exactRate: images.duplicates.exactPixelsRate,
    nearRate: images.duplicates.nearRate,
    evidenced,
    evidencedShare: images.decoded ? evidenced / images.decoded : 0,
    c2paPresent: p.c2pa.present,
    c2paInvalid: p.c2pa.invalid,
  };
}

/** A share in words ("12.5 %"). */
const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;

/**
 * A lower bound in words, rounded DOWN so the words never claim more than was found ("at least
 * 33.3 %" for a third); any evidence reads at least "0.1 %", none "0 %".
 */
export function atLeast(share: number): string {
  return `at least ${lowerBoundPercent(share)} %`;
}

const count = (n: number) => n.toLocaleString('en');
const imagesWord = (n: number) => `${count(n)} image${n === 1 ? '' : 's'}`;
/** "1 of 7 images": the count behind the share, so a rounded share elsewhere reads the same. */
export const ofImages = (f: ImageFacts) => `${count(f.evidenced)} of ${imagesWord(f.decoded)}`;

/** One measure of the sample card: label and value. */
export interface ImageMeasure {
  label: string;
  value: string;
}

/** The measures of an image sample, in the order the sample card shows them. */
export function imageMeasures(f: ImageFacts): ImageMeasure[] {
  const rows: ImageMeasure[] = [
    { label: 'Images found', value: count(f.decoded + f.undecodable) },
    { label: 'Images decoded', value: count(f.decoded) },
    { label: 'Images that could not be read', value: count(f.undecodable) },
    { label: 'Exact copies', value: pct(f.exactRate) },
    { label: 'Near copies (resized, grey or mirrored)', value: pct(f.nearRate) },
    {
      label: 'Declared AI-made in their own files',
      value: `${atLeast(f.evidencedShare)} (${ofImages(f)})`,
    },
  ];
  if (f.c2paPresent > 0)
    rows.push({
      label: 'Content credentials (C2PA)',
      value: `${count(f.c2paPresent)} present, ${count(f.c2paInvalid)} failing validation`,
    });
  return rows;
}

/** The measures as one sentence (PDF, version diff). */
export function imageSentence(f: ImageFacts): string {
  const c2pa =
    f.c2paPresent > 0
      ? ` Content credentials (C2PA): ${count(f.c2paPresent)} present, ${count(f.c2paInvalid)} failing validation.`
      : '';
  return `${imagesWord(f.decoded + f.undecodable)} found, ${count(f.decoded)} decoded, ${count(f.undecodable)} could not be read. Declared AI-made in their own files: ${atLeast(f.evidencedShare)} (${ofImages(f)}; a lower bound, since re-saving an image removes such labels). Copies: ${pct(f.exactRate)} exact, ${pct(f.nearRate)} near (resized, grey or mirrored).${c2pa}`;
}
