import { fmix32 } from '../hash/mix';
import { sortedEntries } from '../partial/budget';
import type { BudgetEntry } from '../partial/types';

const tokensOf = (entries: BudgetEntry[]) => entries.reduce((s, e) => s + e.tokens.length, 0);

/**
 * The first `limit` tokens of the diversity budget in sampling-key order (a random sample of
 * records); the last text is cut to the exact count, so metrics that depend on size compare fairly.
 */
export function firstTokens(entries: BudgetEntry[], limit: number): BudgetEntry[] {
  const out: BudgetEntry[] = [];
  let tokens = 0;
  for (const e of sortedEntries(entries, limit)) {
    const room = limit - tokens;
    if (room <= 0) break;
    if (e.tokens.length <= room) out.push(e);
    else {
      const share = room / e.tokens.length;
      out.push({
        ...e,
        tokens: e.tokens.slice(0, room),
        text: e.text.slice(0, Math.ceil(e.text.length * share)),
      });
    }
    tokens += Math.min(room, e.tokens.length);
  }
  return out;
}

/** Total tokens of the budget entries. */
export const budgetTokens = tokensOf;

/**
 * Splits the budget's records into two random halves (by a salted hash of each record's key) and
 * cuts both to the same token count: two samples of the same source, for judging noise.
 */
export function randomHalves(entries: BudgetEntry[], salt: number): [BudgetEntry[], BudgetEntry[]] {
  const a: BudgetEntry[] = [];
  const b: BudgetEntry[] = [];
  for (const e of entries) ((fmix32(e.key ^ e.tie ^ salt) & 1) === 0 ? a : b).push(e);
  const size = Math.min(tokensOf(a), tokensOf(b));
  return [firstTokens(a, size), firstTokens(b, size)];
}
