/**
 * The words for a sample's units in scoring reasons and claim checks: "records" for a text sample,
 * "images" for an archive of images (`analysis.images` present). Text wording is unchanged.
 *
 * Provenance of an image sample: the analyzer reads no source, creation date, licence or synthetic
 * flag field per image (`provenance.completeness` is 0 for every archive). The one provenance field
 * it does read per image is the `source` a metadata list in the archive gives it (`metadata.jsonl`
 * or `metadata.csv`, the Hugging Face image-folder layout: `images.listed.sources`). So for an
 * image sample the completeness scoring charges is that source share over the same four fields a
 * text sample's completeness averages (source, creation date, licence, synthetic flag): an archive
 * listing a source for every image carries a quarter of them, as a text sample with only a source
 * field on every record does.
 */
import type { Analysis } from '../analysis/types';
import { pct } from './context';

/** Singular and plural of a sample's units. */
export interface Units {
  one: 'record' | 'image';
  many: 'records' | 'images';
}

/** "records" for a text sample (or none), "images" for an archive of images. */
export const unitsOf = (a: Analysis | undefined): Units =>
  a?.images ? { one: 'image', many: 'images' } : { one: 'record', many: 'records' };

/** The provenance fields a text sample's completeness averages. */
const PROVENANCE_FIELD_COUNT = 4;

/** Where an image archive's provenance fields are read from, for people. */
export const IMAGE_META_LIST = "the archive's metadata list (metadata.jsonl or metadata.csv)";

/** Decoded images a metadata list in the archive names a source for (0 without a list). */
export function imagesWithSource(a: Pick<Analysis, 'images'>): number {
  const sources = a.images?.listed?.sources ?? {};
  return Object.values(sources).reduce((s, n) => s + n, 0);
}

/** The share of an image sample's decoded images with a listed source (0 with none decoded). */
export function imageSourceShare(a: Pick<Analysis, 'images'>): number {
  const decoded = a.images?.decoded ?? 0;
  return decoded ? Math.min(1, imagesWithSource(a) / decoded) : 0;
}

/**
 * The provenance completeness scoring charges: the analysis's own for a text sample; for an image
 * sample the listed-source share over the four provenance fields (see the module comment).
 */
export function provenanceCompleteness(a: Analysis): number {
  if (!a.images) return a.provenance.completeness;
  return imageSourceShare(a) / PROVENANCE_FIELD_COUNT;
}

const count = (n: number) => n.toLocaleString('en');

/** The missing-provenance reason for an image sample: what was read, and from where. */
export function imageProvenanceReason(a: Analysis): string {
  const images = a.images;
  const decoded = images?.decoded ?? 0;
  const head = `Images carry ${pct(provenanceCompleteness(a))} of the provenance fields (source, creation date, licence, synthetic flag)`;
  const listed = images?.listed
    ? `${IMAGE_META_LIST} names a source for ${count(imagesWithSource(a))} of ${count(decoded)} images; creation date, licence and synthetic flag are not read from it`
    : `the archive has no metadata list (metadata.jsonl or metadata.csv) that names them per image`;
  const bare = images?.provenance.noMetadataShare ?? 0;
  const own =
    bare > 0
      ? ` ${pct(bare)} of the images carry no metadata of their own (EXIF, XMP, PNG text or C2PA).`
      : '';
  return `${head}: ${listed}.${own}`;
}
