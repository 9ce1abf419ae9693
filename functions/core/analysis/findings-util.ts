import type { Severity } from './types';

/** A share as a percentage for messages (two decimals below 1%). */
export const pct = (x: number) => `${(x * 100).toFixed(x < 0.01 && x > 0 ? 2 : 1)}%`;

/** Picks the severity of the first threshold (descending) that `value` reaches. */
export function bySeverity(
  value: number,
  steps: [number, Severity][],
  otherwise: Severity = 'info',
): Severity {
  for (const [min, severity] of steps) if (value >= min) return severity;
  return otherwise;
}
