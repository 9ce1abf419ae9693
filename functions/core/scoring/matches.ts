import type { Analysis } from '../analysis/types';
import { factor } from './claims/rule';
import { type Ctx, pct, type RawFactor, ramp } from './context';

/** One fingerprint pack's matches in a sample (`analysis.matches`, DESIGN.md "Fingerprints"). */
export interface SampleMatch {
  pack: string;
  kind: 'synthetic' | 'eval' | 'echo';
  records: number;
  exactShare: number;
  nearShare: number;
  matchedShare: number;
  examples: number[];
}

/** The pack matches an analysis carries (none for analyses without packs). */
export function packMatches(a: Analysis | undefined): SampleMatch[] {
  const m = (a as { matches?: SampleMatch[] } | undefined)?.matches;
  return Array.isArray(m) ? m : [];
}

/** Matched sample records of `m` (its share of the analysis's records, or its own count). */
export function matchedRecords(a: Analysis, m: SampleMatch): number {
  const total = (a as { input?: { records?: number } }).input?.records;
  return typeof total === 'number' ? Math.round(m.matchedShare * total) : m.records;
}

/** Up to five example record indexes, for messages ("records 3, 17, 40"). */
export function exampleList(m: SampleMatch): string {
  const shown = m.examples.slice(0, 5);
  return shown.length === 0
    ? ''
    : ` (e.g. record${shown.length > 1 ? 's' : ''} ${shown.join(', ')})`;
}

/**
 * The largest matched share of machine text: `synthetic` and `echo` packs only (an `eval` match is
 * contamination, not machine text). Measured, a lower bound on the synthetic share; the largest
 * single pack, since packs may overlap.
 */
export function machineMatch(a: Analysis | undefined): SampleMatch | undefined {
  let best: SampleMatch | undefined;
  for (const m of packMatches(a))
    if (m.kind !== 'eval' && m.matchedShare > 0 && (!best || m.matchedShare > best.matchedShare))
      best = m;
  return best;
}

/** Factors of pack matches: echo (the buyer's own model outputs sold back) and eval contamination. */
export function matchFactors(ctx: Ctx): RawFactor[] {
  const { weights, thresholds } = ctx.policy;
  const out: RawFactor[] = [];
  const samples = [
    ['training', ctx.training],
    ['holdout', ctx.holdout],
  ] as const;
  for (const [role, a] of samples) {
    if (!a) continue;
    for (const m of packMatches(a)) {
      if (m.matchedShare <= 0) continue;
      const n = matchedRecords(a, m);
      const where = `${n} record${n === 1 ? '' : 's'} (${pct(m.matchedShare)}) of the ${role} sample`;
      if (m.kind === 'echo') {
        const reason = `${where} match "${m.pack}", outputs of your own model${exampleList(m)}: the vendor sold you your own model's outputs. Training on them is the self-consuming loop that causes model collapse.`;
        const points =
          weights.echo_outputs_sold *
          Math.max(0.5, ramp(m.matchedShare, 0, thresholds.contaminationFull));
        out.push(factor('echo_outputs_sold', points, reason, 'sample', []));
      } else if (m.kind === 'eval') {
        const reason = `${where} contain records of your evaluation set "${m.pack}"${exampleList(m)}: results measured on that set are inflated, whatever the vendor claimed about holdout hygiene.`;
        const points =
          weights.eval_contamination *
          Math.max(0.5, ramp(m.matchedShare, 0, thresholds.contaminationFull));
        out.push(factor('eval_contamination', points, reason, 'sample', []));
      }
    }
  }
  return out;
}
