/**
 * Debounced autosave of draft answers with a version check. Every valid answer is stored (the API
 * merges and refuses only the invalid ones); a refused answer stays on screen with its message
 * until corrected. On 409 the latest saved answers are reloaded and the person is told.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { AnswerValue } from '../../api/domain';
import { ApiError } from '../../api/http';
import type { Answers } from '../../api/types';
import { mergeAnswers } from '../../api/vendor';
import { withAnswer } from './answer-model';

/** What the save indicator says. */
export type SaveState = 'saved' | 'pending' | 'saving' | 'invalid' | 'conflict' | 'failed';

const DELAY_MS = 800;

/** Holds answers and version; `setAnswer` schedules a save, `flush` saves now. */
export function useAutosave(
  initial: { answers: Answers; version: number },
  reload: () => Promise<{ answers: Answers; version: number }>,
) {
  const [answers, setAnswers] = useState<Answers>(initial.answers);
  const [state, setState] = useState<SaveState>('saved');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const errorsRef = useRef<Record<string, string>>({});
  // Values the API refused, still on screen; sent again with every save until accepted.
  const refusedValues = useRef<Record<string, AnswerValue | null>>({});
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [failure, setFailure] = useState<unknown>(undefined);
  const latest = useRef(initial.answers);
  const version = useRef(initial.version);
  const dirty = useRef(false);
  // Changed answers since the last save; null clears an answer (the API merges partial maps).
  const changes = useRef<Record<string, AnswerValue | null>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<boolean> | null>(null);

  const save = useCallback(async (): Promise<boolean> => {
    if (inFlight.current) await inFlight.current;
    if (!dirty.current) return Object.keys(errorsRef.current).length === 0;
    dirty.current = false;
    // Refused answers ride along until accepted: fixing a related answer can make them valid.
    const sending = { ...refusedValues.current, ...changes.current };
    changes.current = {};
    setState('saving');
    const run = (async () => {
      try {
        const saved = await mergeAnswers(sending, version.current);
        version.current = saved.version;
        const refused = new ApiError({
          type: 'refused',
          title: 'Not saved',
          status: 400,
          errors: saved.errors,
        }).fieldErrors('answers');
        refusedValues.current = Object.fromEntries(
          Object.keys(refused).map((id) => [id, sending[id] ?? null]),
        );
        const nextErrors = refused;
        errorsRef.current = nextErrors;
        setErrors(nextErrors);
        setFailure(undefined);
        setSavedAt(new Date());
        const bad = Object.keys(nextErrors).length > 0;
        setState(dirty.current ? 'pending' : bad ? 'invalid' : 'saved');
        return !bad;
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) {
          const fresh = await reload();
          latest.current = fresh.answers;
          version.current = fresh.version;
          dirty.current = false;
          changes.current = {};
          refusedValues.current = {};
          setAnswers(fresh.answers);
          errorsRef.current = {};
          setErrors({});
          setState('conflict');
        } else if (error instanceof ApiError && error.status === 400) {
          // The request itself was refused: keep every value so the next edit resends them.
          changes.current = { ...sending, ...changes.current };
          errorsRef.current = error.fieldErrors('answers');
          setErrors(errorsRef.current);
          setState('invalid');
        } else {
          changes.current = { ...sending, ...changes.current };
          dirty.current = true;
          setFailure(error);
          setState('failed');
        }
        return false;
      }
    })();
    inFlight.current = run;
    try {
      return await run;
    } finally {
      inFlight.current = null;
    }
  }, [reload]);

  const setAnswer = useCallback(
    (id: string, value: AnswerValue | undefined) => {
      latest.current = withAnswer(latest.current, id, value);
      changes.current = { ...changes.current, [id]: value ?? null };
      dirty.current = true;
      setAnswers(latest.current);
      if (id in errorsRef.current) {
        const { [id]: _gone, ...rest } = errorsRef.current;
        errorsRef.current = rest;
        setErrors(rest);
      }
      setState('pending');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), DELAY_MS);
    },
    [save],
  );

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    return save();
  }, [save]);

  /** Replaces local state with answers the server just returned (e.g. after submit). */
  const reset = useCallback((next: { answers: Answers; version: number }) => {
    clearTimeout(timer.current);
    latest.current = next.answers;
    version.current = next.version;
    dirty.current = false;
    changes.current = {};
    setAnswers(next.answers);
    setState('saved');
  }, []);

  useEffect(() => () => clearTimeout(timer.current), []);

  return { answers, state, errors, savedAt, failure, setAnswer, flush, reset };
}
