import type { Assessment } from '../../core/assessment/types';
import { getTemplate } from '../../core/questionnaire';
import {
  defaultPolicy,
  type Policy,
  policySchema,
  type ScoredReport,
  score,
  withHash,
} from '../../core/scoring';
import { ConflictError } from '../../lib/errors';
import type { AppDeps } from '../env';
import { saveChange } from './assessments';
import { evidenceFor } from './evidence';

/** What scoring needs from the app's dependencies. */
export type ReportDeps = Pick<
  AppDeps,
  'repos' | 'blobs' | 'config' | 'clock' | 'newId' | 'logger' | 'analyzer'
>;

/** The organization's current policy, or the built-in default (version 0). */
export async function currentPolicy(deps: Pick<AppDeps, 'repos'>, org: string): Promise<Policy> {
  const stored = await deps.repos.policies.current(org);
  return stored ? policySchema.parse({ ...stored.policy, version: stored.version }) : defaultPolicy;
}

/** Where report version `v` of an assessment is stored. */
export const reportKey = (a: Pick<Assessment, 'organizationId' | 'id'>, v: number) =>
  `reports/${a.organizationId}/${a.id}/v${String(v).padStart(6, '0')}.json`;

/** Scores the assessment and stores a new immutable report version, then updates its summary. */
export async function rescore(
  deps: ReportDeps,
  assessment: Assessment,
  trigger: string,
): Promise<ScoredReport | undefined> {
  const template = getTemplate(assessment.templateId, assessment.templateVersion);
  if (!template) return undefined;
  const policy = await currentPolicy(deps, assessment.organizationId);
  const { analyses, reference, unusableSamples } = await evidenceFor(deps, assessment);
  const report = withHash({
    ...score({
      assessmentId: assessment.id,
      answers: assessment.answers as Record<string, string | number | string[]>,
      template,
      analyses,
      policy,
      now: deps.clock(),
    }),
    reference,
    unusableSamples,
  } as ScoredReport);
  for (let attempt = 0; attempt < 5; attempt++) {
    const versions = await deps.repos.reports.list(assessment.organizationId, assessment.id);
    const version = (versions.at(-1)?.version ?? 0) + 1;
    const key = reportKey(assessment, version);
    try {
      await deps.repos.reports.create({
        organizationId: assessment.organizationId,
        assessmentId: assessment.id,
        version,
        key,
        sha256: report.sha256,
        generatedAt: report.generatedAt,
        score: report.risk.score,
        tier: report.risk.tier,
        maturity: report.maturity.level,
        policyVersion: policy.version,
        trigger,
      });
    } catch (error) {
      if (error instanceof ConflictError) continue;
      throw error;
    }
    await deps.blobs.putNew(
      deps.config.REPORTS_BUCKET,
      key,
      JSON.stringify({ ...report, version }),
      {
        contentType: 'application/json',
        metadata: { sha256: report.sha256 },
      },
    );
    await updateSummary(deps, assessment, { version, key, report });
    return report;
  }
  throw new ConflictError('Could not store the report: too many concurrent versions; try again.');
}

async function updateSummary(
  deps: ReportDeps,
  assessment: Assessment,
  s: { version: number; key: string; report: ScoredReport },
): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await deps.repos.assessments.get(assessment.organizationId, assessment.id);
    if (!current || (current.report?.version ?? 0) >= s.version) return;
    try {
      await saveChange(deps, current, { kind: 'system', name: 'scoring' }, 'scored', (draft) => {
        draft.report = {
          version: s.version,
          score: s.report.risk.score,
          tier: s.report.risk.tier,
          maturity: s.report.maturity.level,
          reportKey: s.key,
          sha256: s.report.sha256,
          generatedAt: s.report.generatedAt,
        };
        return { version: s.version, score: s.report.risk.score, tier: s.report.risk.tier };
      });
      return;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  deps.logger.warn('report summary not updated after retries', {
    assessmentId: assessment.id,
    version: s.version,
  });
}
