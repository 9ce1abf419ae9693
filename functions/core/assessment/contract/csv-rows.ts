import type { ConditionResult } from './evaluate';
import { findMetric } from './metrics';
import type { RemediationItem } from './remediation';
import { conditionWords, formatValue } from './words';

const actual = (c: ConditionResult) =>
  c.actual === null
    ? `not measurable${c.reason ? `: ${c.reason}` : ''}`
    : formatValue(c.actual, findMetric(c.metric, c.source !== undefined)?.unit ?? 'number');

const outcome = (c: ConditionResult) =>
  c.held === null ? 'not measurable' : c.held ? 'held' : 'broken';

/**
 * The contract's rows for the report CSV (columns kind, name, points, source, reason,
 * remediation, claimed, measured): one per checked condition, one per remediation item with its
 * status, exception (with expiry) and comments as plain text. Cells go through the CSV formula guard.
 */
export function contractCsvRows(
  conditions: ConditionResult[],
  items: RemediationItem[],
): unknown[][] {
  return [
    ...conditions.map((c) => [
      'condition',
      conditionWords(c),
      '',
      outcome(c),
      c.note ?? '',
      '',
      '',
      actual(c),
    ]),
    ...items.map((i) => [
      'remediation',
      conditionWords(i.condition),
      '',
      i.status,
      i.exception ? `exception until ${i.exception.until.slice(0, 10)}: ${i.exception.reason}` : '',
      `owner ${i.owner ?? 'none'}; due ${i.dueAt.slice(0, 10)}`,
      i.comments.map((x) => `${x.role}: ${x.text}`).join('\n'),
      actual(i.condition),
    ]),
  ];
}
