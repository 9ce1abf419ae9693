import type { AppDeps } from '../../api/env';
import { notify } from '../../api/services/notify';
import { parseSampleKey } from '../../api/services/samples';
import { ConflictError } from '../../lib/errors';
import type { ProductMetrics } from '../../lib/metrics';
import type { Sample } from '../../store/samples';
import type { ObjectCreated } from '../handler';

/** What the dead-letter handler needs. */
export type DeadLetterDeps = Pick<
  AppDeps,
  'config' | 'logger' | 'clock' | 'newId' | 'repos' | 'mailer'
> & { metrics: ProductMetrics };

/** The message a vendor reads on a sample whose analysis failed for a reason not in the file. */
export function deadLetterMessage(fileName: string): string {
  return `The analysis of "${fileName}" failed three times for a reason we could not pin on the file. Upload the file again (register it as a new sample); if it fails again, upload a smaller part of it. Our operators have been alerted.`;
}

/**
 * Handles dead-lettered upload notifications: a sample still `analyzing` (or never started) is
 * marked failed with a message the vendor can act on, and the vendor and the procurement owner of
 * the assessment are told. Samples already analyzed or failed are left alone, so redelivery is
 * harmless; a concurrent change (409) is retried by SQS.
 */
export function createDeadLetterHandler(deps: DeadLetterDeps) {
  const { repos, logger, config } = deps;

  async function markFailed(object: ObjectCreated): Promise<void> {
    const ids = parseSampleKey(object.key);
    if (object.bucket !== config.SAMPLES_BUCKET || !ids) {
      logger.warn('dead letter for an object that is not a sample', { key: object.key });
      return;
    }
    const sample = await repos.samples.get(ids.organizationId, ids.assessmentId, ids.sampleId);
    if (!sample || sample.status === 'analyzed' || sample.status === 'failed') {
      logger.info('dead letter needs no action', { key: object.key, status: sample?.status });
      return;
    }
    const now = deps.clock();
    const failed: Sample = {
      ...sample,
      status: 'failed',
      error: deadLetterMessage(sample.fileName),
      updatedAt: now.toISOString(),
      version: sample.version + 1,
    };
    await repos.samples.save(failed);
    deps.metrics.analysisFailed('dead-letter');
    logger.error('analysis dead-lettered; sample marked failed', {
      organizationId: sample.organizationId,
      assessmentId: sample.assessmentId,
      sampleId: sample.sampleId,
    });
    const assessment = await repos.assessments.get(sample.organizationId, sample.assessmentId);
    if (!assessment) return;
    const subject = `Sample analysis failed: ${sample.fileName} (${assessment.dataset.name})`;
    const recipients = [
      { to: assessment.vendor.contactEmail, body: `${failed.error}` },
      {
        to: assessment.createdBy,
        body: `The analysis of the sample "${sample.fileName}" that ${assessment.vendor.name} uploaded for "${assessment.dataset.name}" failed three times. The vendor was asked to upload it again. Operators received an alarm.`,
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

  return async (objects: ObjectCreated[], messageId: string): Promise<void> => {
    for (const object of objects) {
      try {
        await markFailed(object);
      } catch (error) {
        if (error instanceof ConflictError) {
          logger.warn('sample changed while handling a dead letter; retrying', { messageId });
        }
        throw error;
      }
    }
  };
}
