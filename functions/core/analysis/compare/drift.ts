import type { AnalysisPartial, BudgetEntry } from '../partial/types';

/** Jensen–Shannon divergence (base 2, 0 = same distribution, 1 = disjoint) of two count maps. */
export function jensenShannon<K>(p: Map<K, number>, q: Map<K, number>): number {
  const tp = [...p.values()].reduce((s, c) => s + c, 0);
  const tq = [...q.values()].reduce((s, c) => s + c, 0);
  if (tp === 0 || tq === 0) return tp === tq ? 0 : 1;
  let sum = 0;
  const term = (x: number, m: number) => (x > 0 ? x * Math.log2(x / m) : 0);
  for (const key of new Set([...p.keys(), ...q.keys()])) {
    const a = (p.get(key) ?? 0) / tp;
    const b = (q.get(key) ?? 0) / tq;
    const m = (a + b) / 2;
    sum += term(a, m) + term(b, m);
  }
  return Math.min(1, Math.max(0, sum / 2));
}

/** Word counts (by word hash) of budget texts. */
export function wordCounts(entries: BudgetEntry[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const { tokens } of entries) for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

/** Label counts of a partial (null when it has no label field or no labels). */
export function labelCounts(p: AnalysisPartial): Map<string, number> | null {
  if (!p.fields.label) return null;
  const counts = new Map<string, number>();
  p.labels.names.forEach((name, i) => {
    const c = p.labels.counts[i] as number;
    if (c > 0) counts.set(name, c);
  });
  return counts.size > 0 ? counts : null;
}
