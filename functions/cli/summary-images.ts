import type { Analysis, Severity } from '../core/analysis';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const SEVERITY_ORDER: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
const counts = (m: Record<string, number>) =>
  Object.entries(m)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ') || 'none';

/** The human-readable summary of an image archive (`input.format: "images"`). */
export function formatImagesSummary(a: Analysis, file: string, holdout?: string): string {
  const im = a.images;
  if (!im) throw new Error('not an image analysis');
  const lines: string[] = [`diligence analyze ${file}`];
  const row = (name: string, value: string) => lines.push(`  ${name.padEnd(14)}${value}`);
  const p = im.provenance;
  row(
    'images',
    `${im.decoded} decoded, ${im.undecodable} undecodable (${counts(im.formats)}; ${(a.input.bytes / 1e6).toFixed(2)} MB)`,
  );
  row(
    'size',
    `median ${Math.round(im.dimensions.medianPixels).toLocaleString('en-US')} pixels; tiny ${pct(im.dimensions.tinyShare)}; generator-typical sizes ${pct(im.dimensions.generatorSizeShare)}`,
  );
  row(
    'duplicates',
    `exact bytes ${pct(im.duplicates.exactBytesRate)}, exact pixels ${pct(im.duplicates.exactPixelsRate)}, any copy ${pct(im.duplicates.nearRate)} (${im.duplicates.clusters.length} clusters in --json)`,
  );
  row(
    'AI evidence',
    `${pct(a.synthetic.evidencedShare ?? 0)} of images declare AI origin in their own bytes (a lower bound: stripped metadata goes unseen)`,
  );
  row(
    'C2PA',
    `${p.c2pa.present} present, ${p.c2pa.valid} valid, ${p.c2pa.invalid} invalid, ${p.c2pa.aiDeclared} declaring AI; signer unverified (no trust list)`,
  );
  row('IPTC source', counts(p.iptcDigitalSourceType));
  row('generators', counts(p.generatorMetadata));
  row('metadata', `camera EXIF ${pct(p.cameraExifShare)}, none at all ${pct(p.noMetadataShare)}`);
  if (a.contamination)
    row(
      'contamination',
      `${pct(a.contamination.overlapRate)} of training images copy one of ${a.contamination.holdoutRecords} holdout images (${holdout}); exact ${pct(a.contamination.exactRate)}`,
    );
  const findings = [...a.findings].sort(
    (x, y) => SEVERITY_ORDER.indexOf(x.severity) - SEVERITY_ORDER.indexOf(y.severity),
  );
  lines.push('', 'Findings:');
  for (const f of findings) lines.push(`  [${f.severity}] ${f.message}`);
  return `${lines.join('\n')}\n`;
}
