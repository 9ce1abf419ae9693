/** Polling while a re-score runs: quick at first, then every 10 s, giving up after ~10 minutes. */
import { useEffect, useState } from 'preact/hooks';

/** Delays between polls: quick at first (a re-score takes seconds), then every 10 s. */
export const pollDelaysMs = [1_000, 2_000, 4_000, 8_000, 10_000] as const;
/** Polling gives up after this many tries (about 10 minutes); Refresh still works. */
export const maxPolls = 64;

/** The delay before poll number `n` (0-based). */
export const pollDelay = (n: number): number =>
  pollDelaysMs[Math.min(n, pollDelaysMs.length - 1)] ?? 10_000;

/**
 * Calls `poll` with a growing delay while `updating` is true (each poll reloads the assessment,
 * which says whether the re-score is still running); stops when it turns false or after `maxPolls`.
 */
export function useReportPolling(updating: boolean, poll: () => void): boolean {
  const [polls, setPolls] = useState(0);
  useEffect(() => {
    if (!updating) {
      setPolls(0);
      return;
    }
    if (polls >= maxPolls) return;
    const timer = setTimeout(() => {
      setPolls((n) => n + 1);
      poll();
    }, pollDelay(polls));
    return () => clearTimeout(timer);
  }, [updating, polls]);
  return updating && polls >= maxPolls;
}
