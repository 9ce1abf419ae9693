import type { Analysis, Finding } from '../types';
import { lowerBoundPercent } from './lower-bound';
import type { ImagesBlock } from './types';

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const pctAtLeast = (x: number) => `${lowerBoundPercent(x).toFixed(1)}%`;
/** "1 image carries", "2 images carry": the count with its noun (and verb) agreeing. */
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The image findings: declared AI origin (measured), tampered or invalid manifests, data-mining
 * prohibitions, undecodable files, copies (exact: measured; near: screening for review) and
 * holdout overlap. Missing metadata is never read as evidence of a real photograph.
 */
export function imageFindings(a: Analysis, b: ImagesBlock, holdoutExamples: string[]): Finding[] {
  const out: Finding[] = [];
  const add = (
    id: string,
    severity: Finding['severity'],
    message: string,
    evidence: Record<string, unknown> = {},
  ) => out.push({ id, severity, message, evidence });
  const p = b.provenance;
  const evidenced = new Set(p.aiEvidence.map((e) => e.file)).size + p.aiEvidenceMore;
  if (evidenced > 0)
    add(
      'images.ai-declared',
      'high',
      `${evidenced} of ${b.decoded} images (${pctAtLeast(evidenced / b.decoded)}) declare AI origin in their own bytes (C2PA, IPTC digital source type or generator metadata). This is a lower bound: metadata is removed by any re-encode.`,
      { count: evidenced, examples: p.aiEvidence.slice(0, 10) },
    );
  if (p.c2pa.invalid > 0)
    add(
      'images.c2pa-invalid',
      'high',
      `${count(p.c2pa.invalid, 'image carries', 'images carry')} a C2PA manifest that fails validation: the file changed after signing, or the manifest is broken. Such a manifest is not counted as evidence either way; ask the vendor how these files were produced.`,
      { count: p.c2pa.invalid, files: p.c2pa.invalidFiles.slice(0, 10) },
    );
  const prohibited =
    (p.c2pa.trainingMining.notAllowed ?? 0) +
    Object.entries(p.dataMining)
      .filter(([k]) => /PROHIBITED/i.test(k))
      .reduce((s, [, v]) => s + v, 0);
  if (prohibited > 0)
    add(
      'images.training-prohibited',
      'high',
      `${count(prohibited, 'image says', 'images say')} in their own metadata that AI training or data mining is not allowed (C2PA training-mining or PLUS DataMining). Check the licence before training on them.`,
      { count: prohibited, c2pa: p.c2pa.trainingMining, dataMining: p.dataMining },
    );
  if (b.undecodable > 0)
    add(
      'images.undecodable',
      b.undecodable / (b.decoded + b.undecodable) > 0.01 ? 'medium' : 'low',
      b.undecodable === 1
        ? '1 file could not be decoded as an image and was counted, not analyzed.'
        : `${b.undecodable} files could not be decoded as images and were counted, not analyzed.`,
      { count: b.undecodable },
    );
  const d = b.duplicates;
  if (d.exactPixelsRate > 0)
    add(
      'images.exact-duplicates',
      d.exactPixelsRate > 0.05 ? 'medium' : 'low',
      `${pct(d.exactPixelsRate)} of images repeat an earlier image pixel for pixel (${pct(d.exactBytesRate)} byte for byte).`,
      { exactPixelsRate: d.exactPixelsRate, exactBytesRate: d.exactBytesRate },
    );
  if (d.nearRate > d.exactPixelsRate)
    add(
      'images.near-duplicates',
      'info',
      `${pct(d.nearRate)} of images look like copies of an earlier one (resized, re-encoded, greyscale or mirrored). A perceptual-hash screen for review, not proof.`,
      { nearRate: d.nearRate, clusters: d.clusters.slice(0, 5) },
    );
  if (a.contamination && a.contamination.overlapRate > 0)
    add(
      'images.holdout-overlap',
      a.contamination.exactRate > 0 ? 'high' : 'medium',
      `${pct(a.contamination.overlapRate)} of training images are copies of holdout images (${pct(a.contamination.exactRate)} exact).`,
      { examples: holdoutExamples },
    );
  return out;
}
