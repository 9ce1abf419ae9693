import {
  type ConditionResult,
  conditionWords,
  findMetric,
  formatValue,
  type RemediationItem,
} from '../../../core/assessment/contract';
import type { Assessment } from '../../../core/assessment/types';
import type { AppDeps } from '../../env';
import { contractSource } from '../../services/contract-check';

const withWords = <T extends ConditionResult>(c: T) => ({
  ...c,
  words: conditionWords(c),
  ...(c.actual === null
    ? {}
    : {
        actualWords: formatValue(
          c.actual,
          findMetric(c.metric, c.source !== undefined)?.unit ?? 'number',
        ),
      }),
});

/** An item as the API shows it (recipients stay inside); for the vendor, staff names hidden. */
export function itemView(r: RemediationItem, forVendor = false) {
  const { recipients: _r, labels: _l, notice: _n, organizationId: _o, ...rest } = r;
  const hide = <T extends { by: string }>(x: T) => ({ ...x, by: forVendor ? 'reviewer' : x.by });
  return {
    ...rest,
    condition: withWords(r.condition),
    comments: r.comments.map((c) => (forVendor && c.role !== 'vendor' ? hide(c) : c)),
    exception: r.exception ? hide(r.exception) : null,
    pastExceptions: r.pastExceptions.map(hide),
  };
}

/**
 * The contract that concerns an assessment: its own approval conditions, else those of the
 * approved predecessor it was checked against; the last check; its remediation items.
 */
export async function contractView(deps: Pick<AppDeps, 'repos'>, a: Assessment, forVendor = false) {
  const own = a.status === 'approved' ? a.decision?.conditions : undefined;
  const source = own?.length ? a : await contractSource(deps, a);
  const conditions = (source?.decision?.conditions ?? []).map((c) => ({
    ...c,
    words: conditionWords(c),
  }));
  const check = a.contractCheck ?? null;
  const items = await deps.repos.remediation.list(a.organizationId, a.id);
  return {
    conditions,
    contractAssessmentId: source?.id ?? check?.contractAssessmentId ?? null,
    check: check
      ? {
          held: check.held,
          broken: check.broken,
          unmeasurable: check.unmeasurable,
          checkedAt: check.checkedAt,
          reportVersion: check.reportVersion,
          conditions: check.conditions.map(withWords),
        }
      : null,
    conditionsBroken: a.conditionsBroken ?? false,
    items: items.map((r) => itemView(r, forVendor)),
  };
}
