import type { Analysis } from '../../core/analysis/types';
import type { Assessment } from '../../core/assessment/types';
import { getTemplate } from '../../core/questionnaire';
import type { AnswerValue } from '../../core/questionnaire/types';
import {
  recordAnswers,
  type SampleRef,
  type SampleRefChange,
  sampleRefChanges,
  sampleRefs,
} from '../../core/report';
import {
  defaultPolicy,
  type Policy,
  policySchema,
  type ScoredReport,
  score,
  withHash,
} from '../../core/scoring';
import { StaleWriteError } from '../../lib/errors';
import type { AppDeps } from '../env';
import { auditEvent } from './audit';
import { checkContractAfterScoring } from './contract-check';
import { sinceLastDelivery } from './delivery-comparison';
import { evidenceFor } from './evidence';
import { withPackMatches } from './pack-matches';
import { storeReport } from './report-store';
import { deletedUnderRetention } from './retention-notes';
import { isDecided } from './sample-freeze';
import { countingSample, type SampleFile, sampleFile } from './sample-selection';

/** What scoring needs from the app's dependencies. */
export type ReportDeps = Pick<
  AppDeps,
  'repos' | 'blobs' | 'config' | 'clock' | 'newId' | 'logger' | 'analyzer'
>;
type Deps = ReportDeps;

/** The organization's current policy, or the built-in default (version 0). */
export async function currentPolicy(deps: Pick<AppDeps, 'repos'>, org: string): Promise<Policy> {
  const stored = await deps.repos.policies.current(org);
  return stored ? policySchema.parse({ ...stored.policy, version: stored.version }) : defaultPolicy;
}

/** The analyses that count (one per role), with contamination measured between them. */
export async function assessmentAnalyses(
  deps: Deps,
  a: Assessment,
): Promise<{ training?: Analysis; holdout?: Analysis }> {
  return (await countedAnalyses(deps, a)).analyses;
}

/** The counting analyses and the files they come from (read once, scored under any policy). */
export async function countedAnalyses(deps: Deps, a: Assessment) {
  const samples = await deps.repos.samples.list(a.organizationId, a.id);
  const bucket = deps.config.SAMPLES_BUCKET;
  const read = async (key: string | null) => (key ? deps.blobs.getText(bucket, key) : undefined);
  const train = countingSample(samples, 'training');
  const hold = countingSample(samples, 'holdout');
  const files: Partial<Record<'training' | 'holdout', SampleFile>> = {
    ...(train ? { training: sampleFile(train) } : {}),
    ...(hold ? { holdout: sampleFile(hold) } : {}),
  };
  const holdout = hold?.analysisKey
    ? (JSON.parse((await read(hold.analysisKey)) ?? '') as Analysis)
    : undefined;
  let training: Analysis | undefined;
  if (train?.partialKey && hold?.partialKey && train.analysisKey) {
    // Partials are binary and may be large: keep the stream's chunks, never one string.
    const chunks = async (key: string) => {
      const out: Uint8Array[] = [];
      for await (const chunk of await deps.blobs.stream(bucket, key)) out.push(chunk);
      return out;
    };
    const [tp, hp, stored] = await Promise.all([
      chunks(train.partialKey),
      chunks(hold.partialKey),
      read(train.analysisKey),
    ]);
    const combined = await deps.analyzer.withHoldout(tp, hp, deps.clock());
    // Same partial, same clusters: keep the example texts the stored analysis carries.
    training = { ...combined, duplicates: (JSON.parse(stored ?? '') as Analysis).duplicates };
  } else if (train?.analysisKey) {
    training = JSON.parse((await read(train.analysisKey)) ?? '') as Analysis;
  }
  const analyses = { ...(training ? { training } : {}), ...(holdout ? { holdout } : {}) };
  return { analyses, files, deleted: deletedUnderRetention([train, hold]) };
}

/** Where report version `v` of an assessment is stored. */
export { reportKey } from './report-store';

/** Scores the assessment and stores a new immutable report version, then updates its summary. */
export async function rescore(
  deps: ReportDeps,
  assessment: Assessment,
  trigger: string,
): Promise<ScoredReport | undefined> {
  if (isDecided(assessment)) {
    deps.logger.info('decided report left unchanged', { assessmentId: assessment.id, trigger });
    return undefined;
  }
  const template = getTemplate(assessment.templateId, assessment.templateVersion);
  if (!template) return undefined;
  const policy = await currentPolicy(deps, assessment.organizationId);
  const counted = await countedAnalyses(deps, assessment);
  const { scored, matched, reference, unusableSamples } = await scoreUnder(
    deps,
    assessment,
    template,
    policy,
    counted,
  );
  const counts = counted.files;
  // Each sample names its file (name, upload time, records, SHA-256) inside the hashed report.
  const report = withHash({
    ...scored,
    samples: scored.samples.map((s) => ({
      ...s,
      ...(counts[s.role] ? { file: counts[s.role] } : {}),
    })),
    reference,
    fingerprints: matched.fingerprints,
    unusableSamples: [...unusableSamples, ...counted.deleted],
    // Every answer scored on, so the version diff compares all of them (older versions lack it).
    answers: recordAnswers(assessment.answers as Record<string, AnswerValue>),
  } as ScoredReport);
  // What the files behind the report changed since the previous version, for the audit trail.
  const previous = (await deps.repos.reports.list(assessment.organizationId, assessment.id)).at(-1);
  const files = sampleRefs(report);
  const fileChanges = previous?.samples ? sampleRefChanges(previous.samples, files) : [];
  // Object first, record second; an orphan of an earlier failed write is re-indexed.
  const { version, key } = await storeReport(deps, assessment, report, {
    policyVersion: policy.version,
    trigger,
  });
  await updateSummary(deps, assessment, { version, key, report, files, fileChanges });
  await checkContractAfterScoring(deps, assessment, report, version);
  return report;
}

/**
 * Scores `assessment` under `policy` exactly as a stored report is scored: fingerprint packs,
 * reference evidence and the comparison with the last delivery included. Stores nothing; the
 * policy preview calls this too, so a preview of the current policy equals the report.
 */
export async function scoreUnder(
  deps: ReportDeps,
  assessment: Assessment,
  template: NonNullable<ReturnType<typeof getTemplate>>,
  policy: Policy,
  counted: Awaited<ReturnType<typeof countedAnalyses>>,
) {
  // Fingerprint packs (policy and attached) matched against the counting samples' partials.
  const matched = await withPackMatches(deps, assessment, policy, counted.analyses);
  const evidence = await evidenceFor(deps, assessment, matched.analyses);
  const since = await sinceLastDelivery(deps, assessment, policy);
  const scored = score({
    assessmentId: assessment.id,
    answers: assessment.answers as Record<string, string | number | string[]>,
    template,
    analyses: evidence.analyses,
    ...(since ? { sinceLastDelivery: since } : {}),
    policy,
    now: deps.clock(),
  });
  return {
    scored,
    matched,
    reference: evidence.reference,
    unusableSamples: evidence.unusableSamples,
  };
}

/**
 * Writes the summary of report `s.version` onto the assessment with its 'scored' audit event,
 * without bumping `version`: a reviewer who read the assessment before the re-score can still
 * decide on it. An older report never replaces a newer summary; a decided assessment keeps its own.
 */
async function updateSummary(
  deps: ReportDeps,
  assessment: Assessment,
  s: {
    version: number;
    key: string;
    report: ScoredReport;
    files: SampleRef[];
    fileChanges: SampleRefChange[];
  },
): Promise<void> {
  const summary = {
    version: s.version,
    score: s.report.risk.score,
    tier: s.report.risk.tier,
    maturity: s.report.maturity.level,
    reportKey: s.key,
    sha256: s.report.sha256,
    generatedAt: s.report.generatedAt,
  };
  // The files (names, SHA-256) the version is built on and how they changed: the trail names them.
  const detail = {
    version: s.version,
    score: summary.score,
    tier: summary.tier,
    files: s.files,
    ...(s.fileChanges.length ? { fileChanges: s.fileChanges } : {}),
  };
  const actor = { kind: 'system', name: 'scoring' } as const;
  const event = auditEvent(deps, assessment, actor, 'scored', detail, deps.clock());
  try {
    const outcome = await deps.repos.assessments.saveReport(assessment, summary, event);
    if (outcome !== 'saved')
      deps.logger.info('report summary left unchanged', { assessmentId: assessment.id, outcome });
  } catch (error) {
    if (!(error instanceof StaleWriteError)) throw error;
    deps.logger.warn('report summary not updated after retries', {
      assessmentId: assessment.id,
      version: s.version,
    });
  }
}
