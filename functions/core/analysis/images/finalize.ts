import type { FinalizeOptions } from '../finalize';
import type { AnalysisPartial } from '../partial/types';
import type { Analysis, Finding } from '../types';
import { evidencedShare, imagesBlock } from './block';
import { imageContamination } from './contamination';
import { DUPLICATE_METHOD, findImageDuplicates } from './duplicates';
import { imageFindings } from './findings';
import { createImagePartial } from './partial';

/** Says what `synthetic` means for images: declared evidence, a lower bound. */
export const EVIDENCE_METHOD =
  'own-byte provenance: images whose C2PA manifest (valid), IPTC digital source type or generator metadata declares AI origin, over images decoded; a lower bound, never an estimate (metadata is stripped by any re-encode)';

/**
 * Turns an image partial into the Analysis contract: `input.format: "images"`, the `images` block,
 * duplicates and contamination from image hashes, `synthetic` from own-byte evidence, and image
 * findings. The text metrics, which do not apply, are zero.
 */
export function finalizeImages(p: AnalysisPartial, options: FinalizeOptions = {}): Analysis {
  const ip = p.images ?? createImagePartial();
  const dup = findImageDuplicates(ip.records);
  const images = imagesBlock(ip, dup, DUPLICATE_METHOD);
  const evidenced = evidencedShare(ip);
  const hold = options.holdout?.images;
  const cont = hold ? imageContamination(ip.records, hold.records) : null;
  const labels =
    images.listed && Object.keys(images.listed.labels).length ? images.listed.labels : null;
  const analysis: Analysis = {
    input: {
      records: ip.records.length,
      bytes: p.bytes,
      format: 'images',
      fields: p.fields,
      malformed: ip.undecodable,
    },
    duplicates: {
      exactRate: dup.exactPixelsRate,
      nearRate: dup.nearRate,
      clusters: dup.clusters
        .slice(0, 50)
        .map((c) => ({ size: c.members.length, examples: c.members.slice(0, 10) })),
    },
    diversity: {
      distinct1: 0,
      distinct2: 0,
      distinct3: 0,
      compressionRatio: 0,
      mattr: 0,
      selfRepetition: 0,
    },
    synthetic: {
      declaredShare: null,
      markerRate: evidenced,
      estimatedShare: evidenced,
      interval: [evidenced, 1],
      method: EVIDENCE_METHOD,
      evidencedShare: evidenced,
    } as Analysis['synthetic'],
    labels: labels
      ? {
          classes: labels,
          normalizedEntropy: 0,
          imbalanceRatio: 0,
          rareClasses: [],
          conflictRate: 0,
          lowAgreementShare: null,
          missingInTraining: [],
        }
      : null,
    provenance: { completeness: 0, perField: {}, syntheticWithoutGenerator: 0 },
    freshness: null,
    contamination:
      cont && hold
        ? {
            holdoutRecords: hold.records.length,
            overlapRate: cont.overlapRate,
            exactRate: cont.exactRate,
            meanCoverage: cont.overlapRate,
          }
        : null,
    pii: { recordShare: 0, kinds: {} },
    spotCheck: null,
    matches: [],
    findings: [],
    images,
  };
  analysis.findings = imageFindings(analysis, images, cont?.examples ?? []) as Finding[];
  return analysis;
}
