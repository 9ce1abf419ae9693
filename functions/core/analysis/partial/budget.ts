import type { BudgetEntry } from './types';

/** Orders entries by sampling key, then tie-breaker (both unsigned). */
export function compareEntries(
  a: { key: number; tie: number },
  b: { key: number; tie: number },
): number {
  return a.key - b.key || (a.tie >>> 0) - (b.tie >>> 0);
}

/**
 * Bottom-k selection by token budget: keeps the shortest prefix, in key order, of all offered texts
 * whose tokens reach `limit`. A max-heap makes rejection O(1) once the budget is full, and the kept
 * set depends only on which texts were offered (not their order), so shards merge exactly.
 */
export class BudgetHeap {
  constructor(
    readonly entries: BudgetEntry[],
    public tokens: number,
    readonly limit: number,
  ) {
    entries.sort((a, b) => compareEntries(b, a));
    // a descending array is a valid max-heap
  }

  /** Whether an entry with this key would be kept; call before building the entry. */
  wants(key: number, tie: number): boolean {
    const top = this.entries[0];
    return this.tokens < this.limit || top === undefined || compareEntries({ key, tie }, top) < 0;
  }

  offer(entry: BudgetEntry): void {
    const heap = this.entries;
    heap.push(entry);
    this.tokens += entry.tokens.length;
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (compareEntries(heap[parent] as BudgetEntry, heap[i] as BudgetEntry) >= 0) break;
      [heap[parent], heap[i]] = [heap[i] as BudgetEntry, heap[parent] as BudgetEntry];
      i = parent;
    }
    while (heap.length > 1 && this.tokens - (heap[0] as BudgetEntry).tokens.length >= this.limit)
      this.pop();
  }

  private pop(): void {
    const heap = this.entries;
    const top = heap[0] as BudgetEntry;
    const last = heap.pop() as BudgetEntry;
    this.tokens -= top.tokens.length;
    if (heap.length === 0) return;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && compareEntries(heap[l] as BudgetEntry, heap[m] as BudgetEntry) > 0)
        m = l;
      if (r < heap.length && compareEntries(heap[r] as BudgetEntry, heap[m] as BudgetEntry) > 0)
        m = r;
      if (m === i) break;
      [heap[m], heap[i]] = [heap[i] as BudgetEntry, heap[m] as BudgetEntry];
      i = m;
    }
  }
}

/** The kept entries in key order (the canonical form used by merge, finalize and serialization). */
export function sortedEntries(entries: BudgetEntry[], limit: number): BudgetEntry[] {
  const sorted = [...entries].sort(compareEntries);
  const out: BudgetEntry[] = [];
  let tokens = 0;
  for (const e of sorted) {
    if (tokens >= limit) break;
    out.push(e);
    tokens += e.tokens.length;
  }
  return out;
}
