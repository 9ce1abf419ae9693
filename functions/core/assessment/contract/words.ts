import type { ConditionResult } from './evaluate';
import { findMetric, type MetricUnit } from './metrics';
import type { ContractCondition } from './schema';

/** A value in the metric's unit for people: "5 %", "30 days", "1.8". */
export function formatValue(value: number, unit: MetricUnit): string {
  if (unit === 'share') return `${Number((value * 100).toFixed(2))} %`;
  if (unit === 'days') return `${Number(value.toFixed(1))} days`;
  return String(Number(value.toFixed(4)));
}

/** A condition in plain words: "near duplicates below 5 %" (with its source, when scoped). */
export function conditionWords(c: ContractCondition): string {
  const metric = findMetric(c.metric, c.source !== undefined);
  const unit = metric?.unit ?? 'number';
  const label = metric?.label ?? c.metric;
  const bound =
    c.max !== undefined && c.min !== undefined
      ? `between ${formatValue(c.min, unit)} and ${formatValue(c.max, unit)}`
      : c.max !== undefined
        ? c.max === 0
          ? 'none at all'
          : `at most ${formatValue(c.max, unit)}`
        : `at least ${formatValue(c.min as number, unit)}`;
  const scope = c.source !== undefined ? ` in source "${c.source}"` : '';
  return `${label}${scope}: ${bound}`;
}

/** A checked condition in plain words, with its outcome and actual value. */
export function resultWords(r: ConditionResult): string {
  const unit = findMetric(r.metric, r.source !== undefined)?.unit ?? 'number';
  const outcome = !r.measurable
    ? `not measurable (${r.reason ?? 'no value'})`
    : `${r.held ? 'held' : 'BROKEN'}, measured ${formatValue(r.actual as number, unit)}`;
  return `${conditionWords(r)} — ${outcome}`;
}
