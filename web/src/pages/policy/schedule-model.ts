/** The re-assessment schedule form: values, parsing and what a save sends (pure, unit-tested). */
import type { ReassessmentPolicy } from '../../api/reassessment';
import type { PolicyInput, PolicyView } from '../../api/staff-types';
import type { Tier } from '../../api/types';

/** The tiers in the order the form lists them, riskiest first. */
export const scheduleTiers: Tier[] = ['critical', 'high', 'moderate', 'low'];

/** Suggested cadences: twice a year for high and critical risk (the update duty of the EU training-data summary), yearly otherwise. */
export const suggestedDays: Record<Tier, number> = {
  critical: 182,
  high: 182,
  moderate: 365,
  low: 365,
};

/** The form's text values: days per tier ('' = no schedule) and the mode. */
export interface ScheduleValues {
  days: Record<Tier, string>;
  mode: ReassessmentPolicy['mode'];
}

const off: ReassessmentPolicy = {
  cadenceDays: { low: null, moderate: null, high: null, critical: null },
  mode: 'propose',
};

/** The schedule stored in a policy (off when the policy predates it). */
export function scheduleOf(view: PolicyView): ReassessmentPolicy {
  return (view.policy as { reassessment?: ReassessmentPolicy }).reassessment ?? off;
}

/** The form values of a stored schedule. */
export function scheduleValues(p: ReassessmentPolicy): ScheduleValues {
  const days = {} as Record<Tier, string>;
  for (const t of scheduleTiers)
    days[t] = p.cadenceDays[t] === null ? '' : String(p.cadenceDays[t]);
  return { days, mode: p.mode };
}

/** Parses the values; a bad number gets an error at `cadenceDays.<tier>` (the API's path). */
export function parseSchedule(values: ScheduleValues): {
  schedule: ReassessmentPolicy;
  errors: Record<string, string>;
} {
  const schedule: ReassessmentPolicy = { cadenceDays: { ...off.cadenceDays }, mode: values.mode };
  const errors: Record<string, string> = {};
  for (const t of scheduleTiers) {
    const text = values.days[t].trim();
    if (text === '') continue;
    const n = Number(text);
    if (!/^\d+$/.test(text) || n < 1 || n > 1095)
      errors[`cadenceDays.${t}`] =
        'Enter whole days from 1 to 1095, or leave it empty for no schedule.';
    else schedule.cadenceDays[t] = n;
  }
  return { schedule, errors };
}

/** True when the values differ from the stored schedule. */
export function scheduleChanged(values: ScheduleValues, stored: ReassessmentPolicy): boolean {
  const now = scheduleValues(stored);
  return (
    values.mode !== now.mode || scheduleTiers.some((t) => values.days[t].trim() !== now.days[t])
  );
}

/** The whole stored policy with `schedule` in it: what saving only the schedule sends. */
export function withSchedule(view: PolicyView, schedule: ReassessmentPolicy): PolicyInput {
  const { version: _version, ...rest } = view.policy;
  return { ...rest, reassessment: schedule } as PolicyInput;
}

/**
 * `input` (the scoring settings form) on top of the stored policy, keeping the stored schedule
 * and every setting the form does not show (fingerprint packs …), so saving it never drops them.
 */
export function keepSchedule(input: PolicyInput, view: PolicyView): PolicyInput {
  const { version: _version, ...stored } = view.policy;
  return { ...stored, ...input, reassessment: scheduleOf(view) } as PolicyInput;
}
