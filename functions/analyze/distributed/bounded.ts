/** Reads in flight at once when the merge steps fetch partials or example ranges from S3. */
export const PARALLEL_READS = 8;

/**
 * Runs `fn` over `items` with at most `limit` calls in flight and yields the results in item
 * order, so a consumer merging in file order overlaps S3 reads with its own work while holding
 * at most `limit` results that are not yet consumed.
 */
export async function* inOrder<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): AsyncGenerator<R> {
  const pending: Promise<R>[] = [];
  let next = 0;
  const fill = () => {
    while (next < items.length && pending.length < limit) {
      const i = next++;
      const p = fn(items[i] as T, i);
      // a later rejection is observed when its turn comes; until then it must not be unhandled
      p.catch(() => {});
      pending.push(p);
    }
  };
  fill();
  while (pending.length > 0) {
    const value = await (pending.shift() as Promise<R>);
    fill();
    yield value;
  }
}

/** Runs `fn` over `items` with at most `limit` calls in flight; resolves once all are done. */
export async function eachLimit<T>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<void>,
): Promise<void> {
  for await (const _ of inOrder(items, limit, fn));
}
