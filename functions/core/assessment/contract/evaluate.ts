import { findMetric } from './metrics';
import type { ContractCondition } from './schema';

/** One condition checked against a delivery: its actual value, and whether it held. */
export interface ConditionResult {
  metric: string;
  max?: number;
  min?: number;
  source?: string;
  note?: string;
  /** The measured value; null when it could not be measured. */
  actual: number | null;
  /** Held or broken; null when not measurable (neither held nor broken). */
  held: boolean | null;
  measurable: boolean;
  /** Why the condition could not be measured, when it could not. */
  reason?: string;
}

/** A contract checked against one delivery. */
export interface ContractResult {
  /** True only when every condition was measured and held. */
  held: boolean;
  broken: number;
  unmeasurable: number;
  conditions: ConditionResult[];
}

/** A `bySource` row as DESIGN.md gives it (only `source` is read by name). */
export interface SourceRow {
  source: string;
  [k: string]: unknown;
}

/** Reads a dot path (array indexes as numbers) from a value; undefined when a step is missing. */
export function readPath(value: unknown, path: string): unknown {
  let cur: unknown = value;
  for (const step of path.split('.')) {
    if (cur === null || cur === undefined || typeof cur !== 'object') return undefined;
    cur = Array.isArray(cur) ? cur[Number(step)] : (cur as Record<string, unknown>)[step];
  }
  return cur;
}

function locate(
  c: ContractCondition,
  analysis: unknown,
  comparison: unknown,
): { actual: number | null; reason?: string } {
  let root: unknown = analysis;
  let path = c.metric;
  if (c.source !== undefined) {
    const rows = (analysis as { bySource?: SourceRow[] } | null)?.bySource;
    if (!Array.isArray(rows))
      return { actual: null, reason: 'the delivery has no per-source results (no source field)' };
    root = rows.find((r) => r.source === c.source);
    if (root === undefined)
      return { actual: null, reason: `source "${c.source}" is not among the delivery's sources` };
  } else if (path.startsWith('compare.')) {
    if (comparison === undefined || comparison === null)
      return { actual: null, reason: 'there is no previous delivery to compare with' };
    root = comparison;
    path = path.slice('compare.'.length);
  }
  const v = readPath(root, path);
  if (typeof v === 'number' && Number.isFinite(v)) return { actual: v };
  return { actual: null, reason: `the delivery has no value for ${c.metric}` };
}

/** Checks one condition: held when the actual value is within [min, max] (bounds inclusive). */
export function evaluateCondition(
  c: ContractCondition,
  analysis: unknown,
  comparison?: unknown,
): ConditionResult {
  const { actual, reason } = locate(c, analysis, comparison);
  const base = {
    metric: c.metric,
    ...(c.max !== undefined ? { max: c.max } : {}),
    ...(c.min !== undefined ? { min: c.min } : {}),
    ...(c.source !== undefined ? { source: c.source } : {}),
    ...(c.note !== undefined ? { note: c.note } : {}),
  };
  if (actual === null) return { ...base, actual, held: null, measurable: false, reason };
  const held = (c.max === undefined || actual <= c.max) && (c.min === undefined || actual >= c.min);
  if (isImages(analysis) && c.source === undefined && !c.metric.startsWith('compare.')) {
    const kind = findMetric(c.metric, false)?.images;
    if (!kind) return { ...base, actual: null, held: null, measurable: false, reason: TEXT_ONLY };
    // a lower bound over the maximum is a break; under it (or against a minimum) it proves nothing
    if (kind === 'lowerBound' && !(c.max !== undefined && actual > c.max))
      return { ...base, actual, held: null, measurable: false, reason: LOWER_BOUND };
  }
  return { ...base, actual, held, measurable: true };
}

const TEXT_ONLY = 'it is measured on written text, and this delivery is an archive of images';
const LOWER_BOUND =
  'for an archive of images only a lower bound is measured (images declaring AI origin in their own bytes): it breaks a maximum it exceeds, but cannot show one held';

/** An analysis of an archive of images (its `images` block). */
const isImages = (analysis: unknown): boolean =>
  typeof analysis === 'object' &&
  analysis !== null &&
  'images' in analysis &&
  Boolean((analysis as { images?: unknown }).images);

/** Checks every condition of a contract against a delivery's analysis and optional comparison. */
export function evaluateContract(
  conditions: readonly ContractCondition[],
  analysis: unknown,
  comparison?: unknown,
): ContractResult {
  const results = conditions.map((c) => evaluateCondition(c, analysis, comparison));
  const broken = results.filter((r) => r.held === false).length;
  const unmeasurable = results.filter((r) => !r.measurable).length;
  return { held: broken === 0 && unmeasurable === 0, broken, unmeasurable, conditions: results };
}
