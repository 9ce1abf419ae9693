import { notify } from '../../api/services/notify';
import { staffLink } from '../../api/services/vendor-links';
import { assessmentData, emitEvent } from '../../api/services/webhook-events';
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
  await emitEvent(deps, {
    organizationId: sample.organizationId,
    type: 'sample.failed',
    data: {
      ...assessmentData(assessment, deps.config.PUBLIC_BASE_URL),
      sampleId: sample.sampleId,
      fileName: sample.fileName,
      reason: message,
    },
  });
  const subject = `Sample analysis failed: ${sample.fileName} (${assessment.dataset.name})`;
  const recipients = [
    // what to do next, with one link: the vendor uploads again from its invitation link (a token
    // this function cannot mint), so its one link reaches the buyer who invited it
    {
      to: assessment.vendor.contactEmail,
      body: `${message}\n\nUpload the file again from your invitation link (the latest e-mail about this questionnaire). If that link no longer works, ask ${assessment.createdBy} for a new one:\nmailto:${assessment.createdBy}`,
    },
    {
      to: assessment.createdBy,
      body: `The analysis of the sample "${sample.fileName}" that ${assessment.vendor.name} uploaded for "${assessment.dataset.name}" ${OWNER_NOTE[source]}. The vendor was asked to upload it again. Operators received an alarm.\n\nFollow the assessment:\n${staffLink(deps.config.PUBLIC_BASE_URL ?? '', assessment.id)}`,
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
