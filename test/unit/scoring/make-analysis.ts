import type { Analysis } from '../../../functions/core/analysis/types';

type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends object | null ? DeepPartial<T[K]> | T[K] : T[K];
};

/** A clean analysis of a human-written, well-documented sample; override what a test needs. */
export function makeAnalysis(overrides: DeepPartial<Analysis> = {}): Analysis {
  const base: Analysis = {
    input: {
      records: 1000,
      bytes: 500_000,
      format: 'jsonl',
      fields: {
        text: 'text',
        source: 'source',
        createdAt: 'created_at',
        synthetic: 'synthetic',
        license: 'license',
      },
      malformed: 0,
    },
    duplicates: { exactRate: 0, nearRate: 0.005, clusters: [] },
    diversity: {
      distinct1: 0.3,
      distinct2: 0.7,
      distinct3: 0.9,
      compressionRatio: 2.8,
      mattr: 0.75,
      selfRepetition: 0.01,
    },
    synthetic: {
      declaredShare: 0,
      markerRate: 0,
      estimatedShare: 0.02,
      interval: [0, 0.05],
      method: 'markers',
    },
    labels: null,
    provenance: {
      completeness: 1,
      perField: { source: 1, created_at: 1, synthetic: 1, license: 1 },
      syntheticWithoutGenerator: 0,
    },
    freshness: {
      oldest: '2024-01-01',
      newest: '2025-05-01',
      medianAgeDays: 200,
      unparseable: 0,
      histogram: [],
    },
    contamination: null,
    pii: { recordShare: 0, kinds: {} },
    findings: [],
  };
  return merge(base, overrides) as Analysis;
}

function merge(base: unknown, patch: unknown): unknown {
  if (patch === undefined) return base;
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  if (base === null || typeof base !== 'object' || Array.isArray(base)) return patch;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(patch)) out[k] = merge(out[k], v);
  return out;
}
