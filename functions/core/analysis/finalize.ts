import { buildFindings } from './findings';
import { addSourcesAndLanguages } from './findings-sources';
import { matchPacks, type PackInput } from './fingerprints/match';
import { finalizeImages } from './images/finalize';
import { findContamination } from './metrics/contamination';
import { findDuplicates } from './metrics/dedup';
import { diversity } from './metrics/diversity';
import { freshness } from './metrics/freshness';
import { labelStats } from './metrics/labels';
import { ESTIMATE_METHOD, estimateSynthetic } from './metrics/synthetic';
import { sortedEntries } from './partial/budget';
import type { AnalysisPartial } from './partial/types';
import { spotStrata } from './spot-check/strata';
import { unscoredRecords } from './synthetic/sample';
import type { Analysis } from './types';

/** Options for `finalize`. */
export interface FinalizeOptions {
  /** The reference time for ages (default: the current time). */
  now?: Date | number;
  /** The holdout sample's partial: enables contamination and missing-class checks. */
  holdout?: AnalysisPartial;
  /** Fingerprint packs to match the sample against (with the key of a keyed pack): fills `matches`. */
  fingerprints?: PackInput[];
}

const PROVENANCE_FIELDS = ['source', 'createdAt', 'license', 'synthetic'] as const;

/** Turns a partial into the Analysis contract (plus findings). Pure: the same inputs give the same output. */
export function finalize(p: AnalysisPartial, options: FinalizeOptions = {}): Analysis {
  if (p.images) return finalizeImages(p, options);
  const nowMs = options.now === undefined ? Date.now() : new Date(options.now).getTime();
  const dup = findDuplicates(p.index, p.limits.nearThreshold);
  const budget = sortedEntries(p.budget.entries, p.limits.tokenBudget);
  const div = diversity(budget);
  const synth = estimateSynthetic(p.markers.records, p.scores, unscoredRecords(p));
  const records = p.records;
  const share = (x: number) => (records ? x / records : 0);
  const perField = {
    source: share(p.provenance.present.source),
    createdAt: share(p.provenance.present.createdAt),
    license: share(p.provenance.present.license),
    synthetic: share(p.provenance.present.synthetic),
    generator: share(p.provenance.present.generator),
  };
  const holdout = options.holdout;
  const contamination = holdout
    ? findContamination(
        p.index,
        holdout.index,
        Math.min(p.limits.nearThreshold, holdout.limits.nearThreshold),
      )
    : null;
  const analysis: Analysis = {
    input: {
      records,
      bytes: p.bytes,
      format: p.format,
      fields: p.fields,
      malformed: p.malformed,
    },
    duplicates: { exactRate: dup.exactRate, nearRate: dup.nearRate, clusters: dup.clusters },
    diversity: {
      distinct1: div.distinct1,
      distinct2: div.distinct2,
      distinct3: div.distinct3,
      compressionRatio: div.compressionRatio,
      mattr: div.mattr,
      selfRepetition: p.repetition.records ? p.repetition.sum / 1e6 / p.repetition.records : 0,
    },
    synthetic: {
      declaredShare: p.fields.synthetic ? share(p.provenance.syntheticTrue) : null,
      markerRate: share(p.markers.records),
      estimatedShare: synth.estimatedShare,
      interval: synth.interval,
      method: ESTIMATE_METHOD,
      scoreHistogram: synth.scoreHistogram,
      ...(p.styleSampling
        ? { sampling: { rate: p.styleSampling.rate, scored: synth.scoredRecords } }
        : {}),
    },
    labels: labelStats(p, dup.conflictRate, holdout),
    provenance: {
      completeness:
        PROVENANCE_FIELDS.reduce((s, f) => s + perField[f], 0) / PROVENANCE_FIELDS.length,
      perField,
      syntheticWithoutGenerator: p.provenance.syntheticWithoutGenerator,
    },
    freshness: freshness(p, nowMs),
    contamination:
      contamination && holdout
        ? {
            holdoutRecords: holdout.records,
            overlapRate: contamination.overlapRate,
            exactRate: contamination.exactRate,
            meanCoverage: contamination.meanCoverage,
          }
        : null,
    pii: { recordShare: share(p.pii.records), kinds: { ...p.pii.kinds } },
    spotCheck: records > p.emptyText ? { strata: spotStrata(p) } : null,
    matches: matchPacks(p, options.fingerprints),
    findings: [],
  };
  analysis.findings = buildFindings(p, analysis, { dup, div, synth, contamination, nowMs });
  addSourcesAndLanguages(p, analysis, dup, nowMs);
  return analysis;
}
