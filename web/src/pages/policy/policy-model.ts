/** The policy form's values, parsing and error placement (pure, unit-tested). */
import type { PolicyGroup, PolicyInput, PolicyView } from '../../api/staff-types';

/** Groups in the order the page shows them. */
export const groups: { id: PolicyGroup; title: string; intro: string }[] = [
  {
    id: 'weights',
    title: 'Weights',
    intro: 'The most points each risk factor can add to the 0–100 collapse-risk score.',
  },
  {
    id: 'thresholds',
    title: 'Thresholds',
    intro: 'Where a measured or claimed value starts to count and where it reaches full weight.',
  },
  {
    id: 'tolerances',
    title: 'Tolerances for checking claims',
    intro: 'How far the sample may differ from a claim before the claim counts as contradicted.',
  },
  { id: 'tiers', title: 'Risk tiers', intro: 'The lowest score of each tier above low risk.' },
];

/** Text values of every setting, keyed by group then setting. */
export type PolicyValues = Record<PolicyGroup, Record<string, string>>;

/** The form values of a stored policy. */
export function valuesOf(view: PolicyView): PolicyValues {
  const out = {} as PolicyValues;
  for (const { id } of groups)
    out[id] = Object.fromEntries(
      Object.entries(view.policy[id] ?? {}).map(([k, v]) => [k, String(v)]),
    );
  return out;
}

/** Parses the values; fields that are not numbers get an error at `group.key`. */
export function parseValues(values: PolicyValues): {
  input: PolicyInput;
  errors: Record<string, string>;
} {
  const input: PolicyInput = {};
  const errors: Record<string, string> = {};
  for (const { id } of groups) {
    const group: Record<string, number> = {};
    for (const [key, raw] of Object.entries(values[id])) {
      const text = raw.trim().replace(',', '.');
      const n = Number(text);
      if (text === '' || !Number.isFinite(n)) errors[`${id}.${key}`] = 'Enter a number.';
      else group[key] = n;
    }
    input[id] = group;
  }
  return { input, errors };
}

/** Settings whose value differs from the stored policy, as "group.key". */
export function changedKeys(values: PolicyValues, view: PolicyView): string[] {
  return groups.flatMap(({ id }) =>
    Object.entries(values[id])
      .filter(([key, raw]) => Number(raw) !== view.policy[id]?.[key])
      .map(([key]) => `${id}.${key}`),
  );
}
