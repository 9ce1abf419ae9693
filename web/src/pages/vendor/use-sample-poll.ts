/** Polls a sample's status until it is analyzed or failed (bounded, with gentle backoff). */
import { useEffect, useState } from 'preact/hooks';
import type { SampleInfo } from '../../api/types';
import { getSample } from '../../api/vendor';
import { isFinal } from './sample-model';

const MAX_POLLS = 600;

/** The latest known state of `sampleId`, refreshed while it is in progress. */
export function useSamplePoll(sampleId: string | null, initial?: SampleInfo) {
  const [info, setInfo] = useState<SampleInfo | undefined>(initial);
  const [error, setError] = useState<unknown>(undefined);

  useEffect(() => {
    if (!sampleId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    const poll = async (count: number) => {
      try {
        const next = await getSample(sampleId);
        if (stopped) return;
        setInfo(next);
        setError(undefined);
        failures = 0;
        if (isFinal(next.status) || count >= MAX_POLLS) return;
      } catch (e) {
        if (stopped) return;
        setError(e);
        failures += 1;
        if (failures >= 5) return;
      }
      timer = setTimeout(() => void poll(count + 1), Math.min(500 + count * 250, 3000));
    };
    void poll(0);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [sampleId]);

  return { info, error };
}
