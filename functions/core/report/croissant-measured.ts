import type { ScoredReport } from '../scoring';
import { imageSampleFacts, imageStatements } from './croissant-images';

const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;

/** One measurement as a schema.org PropertyValue. */
const fact = (name: string, value: number | string, technique: string, sample: string) => ({
  '@type': 'sc:PropertyValue',
  name,
  value,
  measurementTechnique: technique,
  description: `Measured by Diligence in the ${sample} sample, not claimed by the vendor.`,
});

/** Every measurement of the report's samples (and the comparison with the last delivery). */
export function measuredFacts(report: ScoredReport): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const s of report.samples) {
    const r = s.role;
    if (s.images) {
      // an archive of images: its image measures, not the text ones
      out.push(...(imageSampleFacts(s, fact) as Record<string, unknown>[]));
      continue;
    }
    out.push(
      fact('records in the sample', s.input.records, 'count of parsed records', r),
      fact('exact-duplicate rate', s.duplicates.exactRate, 'normalized-text hash', r),
      fact(
        'near-duplicate rate',
        s.duplicates.nearRate,
        'MinHash-LSH, Jaccard ≥ 0.8 on word 5-grams',
        r,
      ),
      fact('estimated machine-text share', s.synthetic.estimatedShare, s.synthetic.method, r),
      fact(
        'distinct word pairs (distinct-2)',
        s.diversity.distinct2,
        'on a 100,000-token random sample',
        r,
      ),
      fact('gzip compression ratio', s.diversity.compressionRatio, 'raw bytes / gzip bytes', r),
      fact(
        'provenance completeness',
        s.provenance.completeness,
        'share of source, date, licence and synthetic-flag fields present',
        r,
      ),
      fact(
        'records with personal data',
        s.pii.recordShare,
        'e-mail, phone, card, IBAN and IP patterns',
        r,
      ),
    );
    if (s.labels)
      out.push(
        fact(
          'label normalized entropy',
          s.labels.normalizedEntropy,
          'Shannon entropy / log(classes)',
          r,
        ),
      );
    if (s.freshness) out.push(fact('newest record', s.freshness.newest, 'creation-date field', r));
    if (s.contamination)
      out.push(
        fact(
          'holdout overlap with training',
          s.contamination.overlapRate,
          'exact, near or shared 13-gram',
          r,
        ),
      );
  }
  const c = report.sinceLastDelivery;
  if (c) {
    out.push(
      fact(
        'records recycled from the previous delivery',
        c.overlap.nearRate,
        'MinHash-LSH against the previous delivery',
        'training',
      ),
      fact(
        'vocabulary drift since the previous delivery',
        c.drift.vocabularyJsd,
        'Jensen–Shannon divergence of word distributions',
        'training',
      ),
    );
  }
  return out;
}

/** Measured statements for the RAI properties they inform. */
export function measuredStatements(report: ScoredReport): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (prop: string, text: string) =>
    out.set(prop, [...(out.get(prop) ?? []), `Measured in the sample: ${text}`]);
  const t = report.samples.find((s) => s.role === 'training');
  if (t?.images) imageStatements(t, add);
  else if (t) {
    add(
      'rai:dataCollectionType',
      `estimated machine-generated share ${pct(t.synthetic.estimatedShare)} (interval ${pct(t.synthetic.interval[0])}–${pct(t.synthetic.interval[1])}).`,
    );
    add(
      'rai:personalSensitiveInformation',
      `${pct(t.pii.recordShare)} of records contain personal data patterns.`,
    );
    if (t.labels) {
      add(
        'rai:dataBiases',
        `largest class ${Math.round(t.labels.imbalanceRatio * 10) / 10} times the smallest; rare classes: ${t.labels.rareClasses.join(', ') || 'none'}.`,
      );
      add(
        'rai:dataAnnotationProtocol',
        `${pct(t.labels.conflictRate)} of duplicate records carry conflicting labels.`,
      );
    }
    add(
      'rai:dataLimitations',
      `${pct(t.duplicates.nearRate)} near-duplicates; provenance fields ${pct(t.provenance.completeness)} complete.`,
    );
  }
  for (const d of report.discrepancies)
    add('rai:dataLimitations', `claim contradicted: ${d.message}`);
  if (report.sinceLastDelivery?.degraded)
    for (const f of report.sinceLastDelivery.findings)
      add('rai:dataLimitations', `since the last delivery: ${f.message}`);
  return out;
}
