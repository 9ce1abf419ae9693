import {
  diversityFindings,
  freshnessFindings,
  labelFindings,
  provenanceFindings,
  syntheticFindings,
} from './findings-detail';
import { bySeverity, pct } from './findings-util';
import type { Contamination } from './metrics/contamination';
import type { Duplicates } from './metrics/dedup';
import type { Diversity } from './metrics/diversity';
import type { estimateSynthetic } from './metrics/synthetic';
import { candidateProbability, PARAMS } from './params';
import { type InputFormat, misnamed } from './parse/format';
import type { AnalysisPartial } from './partial/types';
import type { Analysis, Finding, Severity } from './types';

/** What the findings are built from besides the partial and the analysis. */
export interface Context {
  dup: Duplicates;
  div: Diversity;
  synth: ReturnType<typeof estimateSynthetic>;
  contamination: Contamination | null;
  nowMs: number;
}

/** The findings of an analysis: each with a stable id, a severity, a message and masked evidence. */
export function buildFindings(p: AnalysisPartial, a: Analysis, ctx: Context): Finding[] {
  const out: Finding[] = [];
  const add = (
    id: string,
    severity: Severity,
    message: string,
    evidence: Record<string, unknown> = {},
  ) => out.push({ id, severity, message, evidence });
  const n = p.records;
  const ix = p.index;

  if (misnamed(p.fileName, p.format as InputFormat)) {
    add(
      'input.misnamed',
      'low',
      `The file ${p.fileName} is named as CSV but holds JSON Lines (one JSON object per line); it was read as JSON Lines. Rename it to .jsonl so other tools read it correctly.`,
      { fileName: p.fileName, readAs: 'JSON Lines' },
    );
  }
  if (p.malformed > 0) {
    const rate = p.malformed / (n + p.malformed);
    add(
      'input.malformed',
      bySeverity(rate, [[0.01, 'medium']], 'low'),
      `${p.malformed} malformed rows were skipped (${pct(rate)}).`,
      {
        count: p.malformed,
        first: p.malformedExamples,
      },
    );
  }
  if (p.emptyText > 0) {
    add(
      'input.empty-text',
      bySeverity(p.emptyText / n, [[0.05, 'medium']], 'low'),
      `${p.emptyText} records have no text.`,
      {
        count: p.emptyText,
      },
    );
  }
  if (p.mangledIds.count > 0) {
    add(
      'input.mangled-ids',
      'medium',
      `${p.mangledIds.count} values of "${p.fields.id}" look mangled by a spreadsheet (e.g. ${p.mangledIds.example}): rounded to scientific notation, they no longer identify records.`,
      {
        field: p.fields.id,
        count: p.mangledIds.count,
        example: p.mangledIds.example,
      },
    );
  }
  if (ix.sampleBits > 0) {
    add(
      'input.sampled',
      'info',
      `Duplicates and contamination were measured on ${ix.n} of ${n} records: a hash sample (rate 1/${2 ** ix.sampleBits}) of the normalized texts, so copies are kept or dropped together; near-duplicate rates are estimates.`,
      {
        indexed: ix.n,
        rate: 2 ** -ix.sampleBits,
      },
    );
  }
  const j = 0.8;
  add(
    'duplicates.method',
    'info',
    `Near duplicates: MinHash (${PARAMS.permutations} seeded permutations) over word ${PARAMS.shingleWords}-gram shingles (character ${PARAMS.shortCharShingle}-grams for records under ${PARAMS.shingleWords} words), LSH ${PARAMS.bands} bands × ${PARAMS.rows} rows: a pair at Jaccard ${j} becomes a candidate with probability ${candidateProbability(j).toFixed(4)}; candidates count when their signatures estimate Jaccard ≥ ${p.limits.nearThreshold}.`,
    {
      permutations: PARAMS.permutations,
      bands: PARAMS.bands,
      rows: PARAMS.rows,
      candidateProbabilityAt08: candidateProbability(j),
      truncatedWalks: ctx.dup.truncatedWalks,
    },
  );
  const { exactRate, nearRate } = a.duplicates;
  if (exactRate > 0) {
    add(
      'duplicates.exact',
      bySeverity(exactRate, [
        [0.3, 'high'],
        [0.1, 'medium'],
        [0.01, 'low'],
      ]),
      `${pct(exactRate)} of records repeat an earlier record's text (after normalization).`,
      {
        exactRate,
        clusters: a.duplicates.clusters.slice(0, 5),
      },
    );
  }
  if (nearRate > exactRate) {
    add(
      'duplicates.near',
      bySeverity(nearRate, [
        [0.3, 'high'],
        [0.1, 'medium'],
        [0.02, 'low'],
      ]),
      `${pct(nearRate)} of records are near duplicates (exact ones included) in ${ctx.dup.clusterCount} clusters.`,
      {
        nearRate,
        clusters: a.duplicates.clusters.slice(0, 5),
      },
    );
  }
  diversityFindings(p, a, ctx, add);
  syntheticFindings(p, a, ctx, add);
  labelFindings(a, add);
  provenanceFindings(p, a, add);
  freshnessFindings(p, a, ctx, add);
  if (ctx.contamination && a.contamination) {
    const c = ctx.contamination;
    add(
      'contamination.overlap',
      bySeverity(c.overlapRate, [
        [0.5, 'critical'],
        [0.1, 'high'],
        [0.01, 'medium'],
        [1e-9, 'low'],
      ]),
      `${pct(c.overlapRate)} of holdout records overlap training (exact ${pct(c.exactRate)}, near ${pct(c.nearRate)}, shared 13-word n-gram ${pct(c.ngramRate)}); mean coverage ${pct(c.meanCoverage)}.`,
      {
        ...c,
      },
    );
  }
  if (p.pii.records > 0) {
    add(
      'pii.found',
      bySeverity(a.pii.recordShare, [[0.01, 'high']], 'medium'),
      `${p.pii.records} records (${pct(a.pii.recordShare)}) contain personal data: ${Object.entries(
        a.pii.kinds,
      )
        .filter(([, c]) => c > 0)
        .map(([k, c]) => `${c} ${k}`)
        .join(', ')}.`,
      {
        kinds: a.pii.kinds,
        examples: p.pii.examples,
      },
    );
  }
  return out;
}
