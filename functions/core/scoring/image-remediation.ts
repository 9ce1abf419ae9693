/**
 * What to do, for an IMAGE sample, where the factor catalog's remediation speaks of records: the
 * same fix in the words of an archive of images (a metadata list beside the files, the files' own
 * metadata). Factors not listed keep the catalog's remediation, which applies to any sample.
 */
import type { Ctx } from './context';
import { factorDoc } from './factor-catalog';

const IMAGE_REMEDIATION: Readonly<Record<string, string>> = {
  synthetic_untagged:
    'Tag every AI-made image with its generator and generation date: in its own metadata (an IPTC digital source type or a C2PA manifest), or in a metadata list in the archive.',
  machine_text_signals:
    'Identify and tag the AI-made images; lower their share or restore human-made images.',
  synthetic_share_understated:
    'Re-measure the synthetic share across the whole dataset and correct the claim; tag the AI-made images.',
  tagging_contradicted:
    "Tag every AI-made image (its own metadata, or a synthetic column in the archive's metadata list) and make the tags agree with the generation logs.",
  no_provenance_fields:
    'Attach source, creation method, licence, collection date and transformation history to every image (a metadata list in the archive, one row per file).',
  missing_provenance:
    "Deliver a source, creation date and licence for every image: a metadata.jsonl (or metadata.csv) in the archive with one row per file, and keep the files' own metadata (EXIF, XMP, C2PA) intact.",
  provenance_contradicted:
    "List the claimed fields for every image in the archive's metadata list (metadata.jsonl or metadata.csv), or correct the claim.",
  holdout_contamination:
    'Remove training images that copy holdout images (exact or near copies) and re-check every release.',
};

/** The remediation of factor `id`: in image words when the training sample is an archive of images. */
export function remediationFor(id: string, ctx: Pick<Ctx, 'training'>): string {
  return (ctx.training?.images && IMAGE_REMEDIATION[id]) || factorDoc(id).remediation;
}
