import { type Diversity, diversity } from '../metrics/diversity';
import type { BudgetEntry } from '../partial/types';
import { budgetTokens, firstTokens, randomHalves } from './budget-slice';

/** The diversity metrics compared between deliveries, and which direction is worse. */
export const DIVERSITY_METRICS = [
  { key: 'distinct1', worse: -1 },
  { key: 'distinct2', worse: -1 },
  { key: 'distinct3', worse: -1 },
  { key: 'compressionRatio', worse: 1 },
  { key: 'mattr', worse: -1 },
] as const satisfies readonly { key: keyof Diversity; worse: 1 | -1 }[];

/** A diversity metric on both deliveries at the same token count, with its noise. */
export interface DiversityDelta {
  key: (typeof DIVERSITY_METRICS)[number]['key'];
  worse: 1 | -1;
  previous: number;
  current: number;
  noise: number;
}

const SPLITS = [0x1b87_3593, 0x2c1b_3c6d, 0x5bd1_e995, 0x7feb_352d];

/**
 * Diversity of both deliveries on equal token budgets (size-dependent metrics are only comparable
 * at equal size) and the noise of each metric: the root-mean-square difference between random
 * halves of each delivery, over several splits, divided by √2. For a metric whose spread falls
 * with √size this is the spread expected between two whole deliveries drawn from one source.
 */
export function diversityDeltas(
  prev: BudgetEntry[],
  cur: BudgetEntry[],
): {
  deltas: DiversityDelta[];
  tokens: number;
} {
  const tokens = Math.min(budgetTokens(prev), budgetTokens(cur));
  const p = firstTokens(prev, tokens);
  const c = firstTokens(cur, tokens);
  const dp = diversity(p);
  const dc = diversity(c);
  const squares = new Map<string, number>();
  let draws = 0;
  for (const entries of [p, c]) {
    for (const salt of SPLITS) {
      const [a, b] = randomHalves(entries, salt);
      if (a.length === 0 || b.length === 0) continue;
      const da = diversity(a);
      const db = diversity(b);
      draws++;
      for (const { key } of DIVERSITY_METRICS)
        squares.set(key, (squares.get(key) ?? 0) + (da[key] - db[key]) ** 2);
    }
  }
  const deltas = DIVERSITY_METRICS.map(({ key, worse }) => ({
    key,
    worse,
    previous: dp[key],
    current: dc[key],
    noise: draws ? Math.sqrt((squares.get(key) ?? 0) / draws / 2) : 0,
  }));
  return { deltas, tokens };
}
