import type { DeliveryComparison } from '../analysis/compare/types';
import type { Analysis } from '../analysis/types';
import { type Answers, type AnswerValue, UNKNOWN } from '../questionnaire/types';
import type { Policy } from './policy';
import type { ClaimCheck, Discrepancy, FactorSource } from './types';

/** What every rule reads: answers (possibly with worst-case substitutions), evidence and policy. */
export interface Ctx {
  answers: Answers;
  policy: Policy;
  now: Date;
  training?: Analysis;
  holdout?: Analysis;
  /** The training sample compared with the previous delivery's (re-assessments). */
  comparison?: DeliveryComparison;
}

/** A factor before rounding and remediation are attached. */
export interface RawFactor {
  id: string;
  raw: number;
  reason: string;
  source: FactorSource;
  questionIds: string[];
}

/** What a rule produces. */
export interface Outcome {
  factors: RawFactor[];
  discrepancies: Discrepancy[];
  checks?: ClaimCheck[];
}

/** An empty outcome. */
export const none = (): Outcome => ({ factors: [], discrepancies: [], checks: [] });

/** True when the answer is missing, "unknown", or not a usable value. */
export const isUndisclosed = (answers: Answers, id: string): boolean => {
  const v: AnswerValue | undefined = Object.hasOwn(answers, id) ? answers[id] : undefined;
  return v === undefined || v === UNKNOWN || (typeof v === 'number' && !Number.isFinite(v));
};

/** The numeric answer, or undefined when undisclosed or not a number. */
export const num = (answers: Answers, id: string): number | undefined => {
  const v = Object.hasOwn(answers, id) ? answers[id] : undefined;
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};

/** The string answer other than "unknown", or undefined. */
export const str = (answers: Answers, id: string): string | undefined => {
  const v = Object.hasOwn(answers, id) ? answers[id] : undefined;
  return typeof v === 'string' && v !== UNKNOWN ? v : undefined;
};

/** The list answer, or undefined. */
export const list = (answers: Answers, id: string): readonly string[] | undefined => {
  const v = Object.hasOwn(answers, id) ? answers[id] : undefined;
  return Array.isArray(v) ? (v as readonly string[]) : undefined;
};

/** Clamps to [0, 1]. */
export const clamp01 = (x: number): number => (Number.isNaN(x) ? 0 : Math.min(1, Math.max(0, x)));

/** 0 at `start`, 1 at `full`, linear between (works whether `full` is above or below `start`). */
export const ramp = (x: number, start: number, full: number): number =>
  clamp01((x - start) / (full - start));

/** Formats a number for messages: at most one decimal. */
export const fmt = (x: number): string => String(Math.round(x * 10) / 10);

/** Formats a share in [0, 1] as a percentage for messages. */
export const pct = (share: number): string => `${fmt(share * 100)} %`;

const MS_PER_MONTH = 30.4375 * 24 * 3600 * 1000;

/** Milliseconds since epoch of an ISO date or date-time, or undefined when unparseable. */
export const parseDate = (value: string): number | undefined => {
  const ms = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(ms) ? undefined : ms;
};

/** Whole months (fractional) from `ms` to `now`. */
export const monthsBefore = (now: Date, ms: number): number => (now.getTime() - ms) / MS_PER_MONTH;
