import {
  type ConditionResult,
  evaluateContract,
  type RemediationItem,
  remediationItemId,
} from '../../core/assessment/contract';
import type { Assessment, ContractCheck } from '../../core/assessment/types';
import type { ScoredReport } from '../../core/scoring';
import { loadAssessment, retryStale, saveChange } from './assessments';
import type { ReportDeps } from './reports';
import { assessmentData, emitEvent } from './webhook-events';

/** Days procurement has, by default, to see a broken condition remedied. */
export const REMEDIATION_DAYS = 30;

/** The approved predecessor carrying a contract, or undefined when none applies. */
export async function contractSource(
  deps: Pick<ReportDeps, 'repos'>,
  a: Assessment,
): Promise<Assessment | undefined> {
  if (!a.previousAssessmentId) return undefined;
  const prev = await deps.repos.assessments.get(a.organizationId, a.previousAssessmentId);
  if (prev?.status !== 'approved' || !prev.decision?.conditions?.length) return undefined;
  return prev;
}

const sameOutcome = (a: ConditionResult[] | undefined, b: ConditionResult[]) =>
  JSON.stringify(a?.map((c) => [c.actual, c.held])) ===
  JSON.stringify(b.map((c) => [c.actual, c.held]));

/**
 * Checks the approved predecessor's contract against a re-assessment's freshly scored report
 * (its training analysis and the comparison with the previous delivery): stores every condition's
 * outcome on the assessment (with an audit event) and opens a remediation item per broken
 * condition. The e-mails go out with the remediation sweep. Runs in the re-score worker.
 */
export async function checkContract(
  deps: ReportDeps,
  assessment: Assessment,
  report: ScoredReport,
  reportVersion: number,
): Promise<ContractCheck | undefined> {
  const approved = await contractSource(deps, assessment);
  const analysis = report.samples.find((s) => s.role === 'training');
  if (!approved?.decision?.conditions || !analysis) return undefined;
  const result = evaluateContract(approved.decision.conditions, analysis, report.sinceLastDelivery);
  const now = deps.clock();
  const check: ContractCheck = {
    ...result,
    contractAssessmentId: approved.id,
    checkedAt: now.toISOString(),
    reportVersion,
  };
  const actor = { kind: 'system', name: 'contract' } as const;
  await retryStale(async () => {
    const current = await loadAssessment(deps, assessment.organizationId, assessment.id);
    if (sameOutcome(current.contractCheck?.conditions, result.conditions)) return;
    await saveChange(deps, current, actor, 'contract.checked', (draft) => {
      draft.contractCheck = check;
      draft.conditionsBroken = result.broken > 0;
      return {
        contractAssessmentId: approved.id,
        held: result.held,
        broken: result.conditions
          .filter((c) => c.held === false)
          .map((c) => ({ metric: c.metric, source: c.source, actual: c.actual })),
        unmeasurable: result.unmeasurable,
      };
    });
  });
  const org = await deps.repos.organizations.get(assessment.organizationId);
  const staff = [assessment.createdBy, approved.decision.by, org?.governanceEmail].filter(
    (x): x is string => !!x,
  );
  if (result.broken > 0)
    await emitEvent(deps, {
      organizationId: assessment.organizationId,
      type: 'contract.broken',
      data: {
        ...assessmentData(assessment, deps.config.PUBLIC_BASE_URL),
        broken: result.conditions
          .filter((c) => c.held === false)
          .map((c) => ({ metric: c.metric, actual: c.actual })),
      },
    });
  for (const [index, c] of result.conditions.entries()) {
    if (c.held !== false) continue;
    await openItem(deps, assessment, approved, index, c, staff, now);
  }
  return check;
}

async function openItem(
  deps: ReportDeps,
  a: Assessment,
  approved: Assessment,
  index: number,
  condition: ConditionResult,
  staff: string[],
  now: Date,
): Promise<void> {
  const itemId = remediationItemId(index);
  const item: RemediationItem = {
    itemId,
    organizationId: a.organizationId,
    assessmentId: a.id,
    contractAssessmentId: approved.id,
    condition,
    status: 'open',
    owner: null,
    dueAt: new Date(now.getTime() + REMEDIATION_DAYS * 86_400_000).toISOString(),
    comments: [],
    exception: null,
    pastExceptions: [],
    notice: 'broken',
    recipients: { vendor: a.vendor.contactEmail, staff },
    labels: { vendor: a.vendor.name, dataset: a.dataset.name },
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    version: 1,
  };
  if (await deps.repos.remediation.create(item)) return;
  // Checked again (a new report): keep the item, refresh the actual value; a resolved one reopens.
  await retryStale(async () => {
    const stored = await deps.repos.remediation.get(a.organizationId, a.id, itemId);
    if (!stored || (stored.status !== 'resolved' && stored.condition.actual === condition.actual))
      return;
    await deps.repos.remediation.save({
      ...stored,
      condition,
      ...(stored.status === 'resolved'
        ? { status: 'open' as const, notice: 'broken' as const }
        : {}),
      updatedAt: now.toISOString(),
      version: stored.version + 1,
    });
  });
}

/** {@link checkContract} after scoring: a failure is logged, never fails the stored report. */
export async function checkContractAfterScoring(
  deps: ReportDeps,
  assessment: Assessment,
  report: ScoredReport,
  reportVersion: number,
): Promise<void> {
  if (!assessment.previousAssessmentId) return;
  try {
    await checkContract(deps, assessment, report, reportVersion);
  } catch (error) {
    deps.logger.error('contract check failed', { assessmentId: assessment.id, error });
  }
}
