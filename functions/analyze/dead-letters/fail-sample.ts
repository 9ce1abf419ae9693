import { notify } from '../../api/services/notify';
import type { Sample } from '../../store/samples';
import { failedUpload } from '../uploads';
import type { DeadLetterDeps } from './handler';

/** Why a sample is marked failed outside the analyzer: SQS gave up, or the distributed workflow did. */
export type FailureSource = 'dead-letter' | 'workflow';

const OWNER_NOTE: Record<FailureSource, string> = {
  'dead-letter': 'failed three times',
  workflow: 'failed in the distributed analysis (samples beyond one machine)',
};

/**
 * Marks a sample failed with `message` (compare-and-set on its version), counts the failure, and
 * tells the vendor (the message) and the procurement owner of the assessment.
 */
export async function failAndNotify(
  deps: DeadLetterDeps,
  sample: Sample,
  message: string,
  source: FailureSource,
): Promise<void> {
  const { repos, logger } = deps;
  await repos.samples.save(failedUpload(sample, message, deps.clock()));
  deps.metrics.analysisFailed(source);
  logger.error(
    `analysis ${source === 'dead-letter' ? 'dead-lettered' : 'workflow failed'}; sample marked failed`,
    {
      organizationId: sample.organizationId,
      assessmentId: sample.assessmentId,
      sampleId: sample.sampleId,
    },
  );
  const assessment = await repos.assessments.get(sample.organizationId, sample.assessmentId);
  if (!assessment) return;
  const subject = `Sample analysis failed: ${sample.fileName} (${assessment.dataset.name})`;
  const recipients = [
    { to: assessment.vendor.contactEmail, body: message },
    {
      to: assessment.createdBy,
      body: `The analysis of the sample "${sample.fileName}" that ${assessment.vendor.name} uploaded for "${assessment.dataset.name}" ${OWNER_NOTE[source]}. The vendor was asked to upload it again. Operators received an alarm.`,
    },
  ];
  for (const r of recipients.filter((x) => x.to.includes('@'))) {
    await notify(deps, {
      organizationId: sample.organizationId,
      assessmentId: sample.assessmentId,
      to: r.to,
      subject,
      body: r.body,
      kind: 'analysis-failed',
    });
  }
}
