/**
 * `load`, run at most once at a time and kept once it succeeds; a failure is forgotten, so the
 * next call tries again (a chunk or client that failed to load is not cached for the container's
 * life). For the Lambda's lazily loaded parts: route groups, the data side, S3, jose, the engine.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    if (!pending) {
      pending = load();
      pending.catch(() => {
        pending = undefined;
      });
    }
    return pending;
  };
}
