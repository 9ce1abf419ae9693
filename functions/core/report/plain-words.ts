/**
 * The report in buyer words, one vocabulary for the web page, the PDF and the CSV: how much is
 * machine-made, how much is recycled, what changed and what to do. Method names (distinct-n,
 * MATTR, Jensen–Shannon, MinHash, bootstrap) belong only under "How this was measured".
 */
import type { DeliveryComparison, MetricChange } from '../analysis/compare/types';
import type { Finding } from '../analysis/types';

/** Method words a buyer's main text must not contain (tests scan rendered text with it). */
export const JARGON =
  /distinct-\d|distinct-n|\bdistinct[123]\b|MATTR|Jensen|Shannon|\bJSD\b|MinHash|bootstrap|type-token|\bLSH\b|Jaccard|shingle|\b(?:diversity|synthetic|duplicates)\.[a-z]/i;

/** A share in words ("12.5 %"). */
export const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;

/** Buyer names and units of the compared measurements (the analysis path stays in the JSON). */
const METRICS: Record<
  string,
  { name: string; worse: 1 | -1 | 0; unit: 'share' | 'ratio' | 'date' | 'count' }
> = {
  'diversity.distinct1': { name: 'Variety of words', worse: -1, unit: 'share' },
  'diversity.distinct2': { name: 'Variety of word pairs', worse: -1, unit: 'share' },
  'diversity.distinct3': { name: 'Variety of three-word phrases', worse: -1, unit: 'share' },
  'diversity.compressionRatio': {
    name: 'Repetitiveness (how well the text compresses)',
    worse: 1,
    unit: 'ratio',
  },
  'diversity.mattr': { name: 'Variety of words in running text', worse: -1, unit: 'share' },
  'synthetic.estimatedShare': { name: 'Machine-made text (estimate)', worse: 1, unit: 'share' },
  'synthetic.declaredShare': {
    name: 'Records the vendor marked machine-made',
    worse: 1,
    unit: 'share',
  },
  'synthetic.markerRate': { name: 'Records with machine-text phrases', worse: 1, unit: 'share' },
  'duplicates.exactRate': { name: 'Exact copies', worse: 1, unit: 'share' },
  'duplicates.nearRate': { name: 'Near copies', worse: 1, unit: 'share' },
  'labels.normalizedEntropy': { name: 'Balance of labels', worse: -1, unit: 'share' },
  'labels.rareClasses': { name: 'Rare labels', worse: 0, unit: 'count' },
  'provenance.completeness': { name: 'Records with a recorded source', worse: -1, unit: 'share' },
  'freshness.newest': { name: 'Newest record', worse: 0, unit: 'date' },
};

/** Whether a higher value of the measurement is worse (1), better (-1) or neither (0). */
export const metricWorse = (metric: string) => METRICS[metric]?.worse ?? 0;

/** A compared measurement's name in words; an unknown one reads "Another measurement". */
export function metricName(metric: string): string {
  return METRICS[metric]?.name ?? 'Another measurement';
}

/** A measurement's value with its unit ("12.5 %", "3.1 x", "2026-05-01"); null reads "-". */
export function metricValue(metric: string, v: number | string | null): string {
  if (v === null || v === undefined) return '-';
  if (typeof v === 'string') return v.slice(0, 10);
  const unit = METRICS[metric]?.unit;
  if (unit === 'share') return pct(v);
  if (unit === 'ratio') return `${Math.round(v * 100) / 100} x`;
  return String(Math.round(v * 1000) / 1000);
}

/** One change in a sentence: "Variety of words: 17.5 % -> 12.4 % (worse)". */
export function changeSentence(m: MetricChange): string {
  const dir =
    typeof m.change === 'number' && m.change !== 0 && metricWorse(m.metric) !== 0
      ? m.change * metricWorse(m.metric) > 0
        ? ' (worse)'
        : ' (better)'
      : '';
  return `${metricName(m.metric)}: ${metricValue(m.metric, m.previous)} -> ${metricValue(m.metric, m.current)}${dir}`;
}

/** "Since last delivery" as a buyer reads it. */
export interface DeliveryWords {
  verdict: string;
  machineMade: string;
  recycled: string;
  changed: string[];
  todo: string;
}

const byId = (c: DeliveryComparison, id: string) => c.findings.find((f) => f.id === id);

/** The comparison with the previous delivery in buyer words (method details excluded). */
export function deliveryWords(c: DeliveryComparison): DeliveryWords {
  const synth = c.changes.find((m) => m.metric === 'synthetic.estimatedShare');
  const machineMade =
    synth && typeof synth.previous === 'number' && typeof synth.current === 'number'
      ? `Machine-made: about ${pct(synth.current)} of the records (previous delivery ${pct(synth.previous)})${byId(c, 'delivery.machine_text_rose') ? ', more than the previous delivery could explain' : ''}.`
      : 'Machine-made: not compared (one delivery had no estimate).';
  const recycled = `Recycled: ${pct(c.overlap.nearRate)} of the new records repeat the previous delivery (${pct(c.overlap.exactRate)} word for word)${byId(c, 'delivery.recycled') ? ', above the policy limit' : ''}.`;
  const changed: string[] = [];
  if (byId(c, 'delivery.diversity_fell'))
    changed.push('The text is more repetitive than in the previous delivery, beyond chance.');
  const vanished = byId(c, 'delivery.classes_vanished');
  if (vanished) changed.push(vanished.message);
  if (changed.length === 0) changed.push('Nothing changed beyond chance.');
  const todo = c.degraded
    ? 'What to do: ask the vendor why this delivery differs (new sources, generated or reused records) before accepting it, or ask for a fresh delivery.'
    : 'What to do: nothing beyond the usual review; this delivery matches the previous one.';
  return {
    verdict: c.degraded
      ? 'Worse than the previous delivery.'
      : 'No sign of degradation since the previous delivery.',
    machineMade,
    recycled,
    changed,
    todo,
  };
}

/** A finding that explains a method (or speaks in method words): shown under "How this was measured". */
export function isMethodNote(f: Pick<Finding, 'id' | 'message'>): boolean {
  return f.id.endsWith('.method') || JARGON.test(f.message);
}

type Rewrite = string | ((match: string, ...groups: string[]) => string);
const REWRITES: [RegExp, Rewrite][] = [
  [/\s*\((?:MinHash|embeddings)[^)]*\)/g, ''],
  [/(?:moving-average )?type-token ratio \(MATTR\)/gi, 'word variety'],
  [/\bMATTR\b/g, 'word variety'],
  [/gzip compression ratio/gi, 'repetitiveness (compression ratio)'],
  [/\s*\(distinct-\d\)/g, ''],
  [
    /\bdistinct-(\d) (0?\.\d+|[01])\b/g,
    (_m: string, n: string, v: string) => `variety of ${n}-word phrases ${pct(Number(v))}`,
  ],
  [/\bdistinct-(\d)\b/g, 'variety of $1-word phrases'],
  [/Jensen[–-]Shannon(?: divergence)?/g, 'word-use change'],
  [/,? ?(?:a )?bootstrap[^.;]*/gi, ''],
  [/\bMinHash\b/g, 'similarity search'],
];

/** A stored sentence (factor reason, remedy, finding) with method names put in plain words. */
export function plainText(text: string): string {
  return REWRITES.reduce((s, [re, to]) => s.replace(re, to as string), text);
}
