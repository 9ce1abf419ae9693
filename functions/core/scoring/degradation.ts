import type { Finding } from '../analysis/types';
import { factor } from './claims/rule';
import { type Ctx, type RawFactor, ramp } from './context';

const num = (f: Finding, key: string): number => {
  const v = f.evidence[key];
  return typeof v === 'number' ? v : 0;
};

/** How severe one degradation finding is under the policy, 0–1. */
function severityOf(f: Finding, ctx: Ctx): number {
  const t = ctx.policy.thresholds;
  switch (f.id) {
    case 'delivery.recycled':
      return 0.5 + 0.5 * ramp(num(f, 'nearRate'), t.recycledShareStart, t.recycledShareFull);
    case 'delivery.diversity_fell':
      return ramp(num(f, 'relativeChange'), 0, t.diversityDropFull);
    case 'delivery.machine_text_rose':
      return ramp(num(f, 'current') - num(f, 'previous'), 0, t.syntheticRiseFull);
    case 'delivery.classes_vanished':
      return 1;
    default:
      return 0;
  }
}

/**
 * "Degradation since last delivery": on a re-assessment, the worst of the comparison's findings
 * (recycling, falling diversity, rising machine text, vanished classes), weighted by the policy.
 */
export function degradationFactors(ctx: Ctx): RawFactor[] {
  const c = ctx.comparison;
  if (!c?.degraded) return [];
  const scored = c.findings
    .map((f) => ({ f, severity: severityOf(f, ctx) }))
    .filter((s) => s.severity > 0)
    .sort((a, b) => b.severity - a.severity);
  const worst = scored[0];
  if (!worst) return [];
  const reason = `Degraded since the last delivery: ${scored.map((s) => s.f.message).join(' ')}`;
  return [
    factor(
      'delivery_degradation',
      ctx.policy.weights.delivery_degradation * worst.severity,
      reason,
      'sample',
      [],
    ),
  ];
}
