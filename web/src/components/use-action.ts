/** Runs a page action (create, revoke, delete), keeps its error and reloads the list it changed. */
import { useCallback, useState } from 'preact/hooks';

/** An action runner and the error of its last run (cleared when the next run starts). */
export interface ActionState {
  /** Runs `f`; on success calls the reload given to the hook, on failure keeps the error. */
  act: (f: () => Promise<unknown>) => Promise<void>;
  error: unknown;
}

/** Shares the try/reload/error dance of the sections that change a list they show. */
export function useAction(reload: () => void): ActionState {
  const [error, setError] = useState<unknown>(undefined);
  const act = useCallback(
    async (f: () => Promise<unknown>) => {
      setError(undefined);
      try {
        await f();
        reload();
      } catch (e) {
        setError(e);
      }
    },
    [reload],
  );
  return { act, error };
}
