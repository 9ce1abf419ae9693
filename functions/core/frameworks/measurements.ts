import type { Analysis } from '../analysis/types';

/** A measurement a framework item can cite: its words and how to read it from an analysis. */
export interface Measurement {
  label: string;
  /** The value in words, or null when the analysis has nothing to say (no labels, no dates…). */
  read: (a: Analysis) => string | null;
}

const pct = (x: number) => `${(x * 100).toFixed(x < 0.1 && x > 0 ? 1 : 0)} %`;

/** Languages, once the analyzer reports them (`languages.detected`); absent from older analyses. */
function languagesOf(a: Analysis): string | null {
  const l = (a as { languages?: { detected?: { language: string; share: number }[] } }).languages;
  const detected = l?.detected ?? [];
  if (detected.length === 0) return null;
  return detected
    .slice(0, 5)
    .map((d) => `${d.language} ${pct(d.share)}`)
    .join(', ');
}

/**
 * The analyzer's measurements framework items cite, by id. Each reads a stored analysis and says
 * what was measured; null when the sample could not measure it.
 */
export const MEASUREMENTS: Record<string, Measurement> = {
  records: { label: 'records in the sample', read: (a) => a.input.records.toLocaleString('en') },
  'duplicates.exactRate': {
    label: 'exact duplicates',
    read: (a) => pct(a.duplicates.exactRate),
  },
  'duplicates.nearRate': { label: 'near duplicates', read: (a) => pct(a.duplicates.nearRate) },
  diversity: {
    label: 'variety of the text',
    read: (a) =>
      `variety of word pairs ${pct(a.diversity.distinct2)}, of words in running text ${pct(a.diversity.mattr)}`,
  },
  synthetic: {
    label: 'machine-written text (estimate, one-sided 95 % lower bound, markers)',
    read: (a) =>
      `estimated ${pct(a.synthetic.estimatedShare)}, at least ${pct(a.synthetic.interval[0])}, markers on ${pct(a.synthetic.markerRate)}`,
  },
  labels: {
    label: 'label balance and conflicts',
    read: (a) =>
      a.labels
        ? `${Object.keys(a.labels.classes).length} classes, balance ${a.labels.normalizedEntropy.toFixed(2)}, conflicting labels ${pct(a.labels.conflictRate)}`
        : null,
  },
  provenance: {
    label: 'provenance fields filled in',
    read: (a) => pct(a.provenance.completeness),
  },
  freshness: {
    label: 'record dates',
    read: (a) =>
      a.freshness
        ? `${a.freshness.oldest} to ${a.freshness.newest}, median age ${Math.round(a.freshness.medianAgeDays)} days`
        : null,
  },
  contamination: {
    label: 'overlap with the holdout',
    read: (a) =>
      a.contamination
        ? `${pct(a.contamination.overlapRate)} of ${a.contamination.holdoutRecords.toLocaleString('en')} holdout records overlap the training sample`
        : null,
  },
  pii: { label: 'records with personal data', read: (a) => pct(a.pii.recordShare) },
  languages: { label: 'languages detected', read: languagesOf },
};
