import { type AnalysisLimits, DEFAULT_LIMITS, PARAMS } from '../params';
import { SCORE_BINS } from '../synthetic/model';
import type { FieldMapping } from '../types';
import { createIndex } from './record-index';
import { createSources } from './sources';
import type { AnalysisPartial } from './types';

/** The parameter fingerprint two partials must share to merge. */
export const PARAMS_KEY = JSON.stringify(PARAMS);

/** An empty partial for records read with `fields`. */
export function createPartial(
  fields: FieldMapping,
  format: string,
  fileName: string | null = null,
  limits: Partial<AnalysisLimits> = {},
): AnalysisPartial {
  return {
    version: PARAMS.version,
    params: PARAMS_KEY,
    limits: { ...DEFAULT_LIMITS, ...limits },
    fileName,
    format,
    fields,
    bytes: 0,
    lines: 0,
    records: 0,
    malformed: 0,
    malformedExamples: [],
    emptyText: 0,
    mangledIds: { count: 0, example: null },
    index: createIndex(),
    labels: { names: [], counts: [], missing: 0, overflow: 0 },
    confidence: { present: 0, low: 0 },
    provenance: {
      present: { source: 0, createdAt: 0, license: 0, synthetic: 0, generator: 0 },
      syntheticTrue: 0,
      syntheticWithoutGenerator: 0,
      examples: [],
    },
    markers: {
      records: 0,
      kinds: { 'self-reference': 0, refusal: 0, 'chat-closing': 0, 'knowledge-cutoff': 0 },
      examples: [],
    },
    scores: new Array(2 * SCORE_BINS).fill(0),
    repetition: { sum: 0, records: 0, looping: 0, examples: [] },
    pii: { records: 0, kinds: { email: 0, phone: 0, card: 0, iban: 0, ip: 0 }, examples: [] },
    dates: { present: 0, unparseable: 0, examples: [], days: new Map() },
    budget: { tokens: 0, entries: [] },
    ...(fields.source ? { sources: createSources() } : {}),
    languages: { entries: [], keyed: false },
  };
}

/** How many examples of each kind a partial keeps (the first ones, in record order). */
export const MAX_EXAMPLES = 10;
