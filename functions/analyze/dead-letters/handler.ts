import type { AppDeps } from '../../api/env';
import { parseSampleKey } from '../../api/services/samples';
import { ConflictError } from '../../lib/errors';
import type { ProductMetrics } from '../../lib/metrics';
import type { ObjectCreated } from '../handler';
import { failAndNotify } from './fail-sample';

/** What the dead-letter handler needs. */
export type DeadLetterDeps = Pick<AppDeps, 'config' | 'logger' | 'clock' | 'newId' | 'mailer'> & {
  /** Uploads read and saved, assessments read, the outbox added to (store/failure-repositories.ts). */
  repos: FailureRepos;
  metrics: ProductMetrics;
};

type Repos = AppDeps['repos'];
/** The repository methods marking a sample failed uses. */
export interface FailureRepos {
  samples: Pick<Repos['samples'], 'get' | 'save'>;
  references: Pick<Repos['references'], 'get' | 'save'>;
  assessments: Pick<Repos['assessments'], 'get'>;
  outbox: Pick<Repos['outbox'], 'add'>;
}

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
    await failAndNotify(deps, sample, deadLetterMessage(sample.fileName), 'dead-letter');
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
