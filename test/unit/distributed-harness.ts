/**
 * What the distributed-path tests share: a sample put back as just uploaded, and the analyzer
 * with the workflow on the local runner (the real handlers against the embedded engines).
 */
import { createLocalWorkflow } from '../../functions/analyze/distributed/local-runner';
import { createSampleAnalyzer } from '../../functions/analyze/engine';
import { createAnalyzeHandler } from '../../functions/analyze/handler';
import type { Config } from '../../functions/lib/config';
import type { Sample } from '../../functions/store/samples';
import type { TestPortal } from '../api/harness';

const noMetrics = { sampleAnalyzed() {}, analysisFailed() {}, reportScored() {}, flush() {} };

/** Puts the sample back as just uploaded, before its ObjectCreated event was handled. */
export async function asJustUploaded(t: TestPortal, sample: Sample): Promise<void> {
  const repo = t.portal.deps.repos.samples;
  const current = (await repo.get('demo', sample.assessmentId, sample.sampleId)) as Sample;
  await repo.save({
    ...current,
    status: 'awaiting_upload',
    objectETag: null,
    version: current.version + 1,
  });
}

/**
 * The analyzer with the workflow on the local runner, the portal's configuration changed by
 * `overrides`, on the day of the sample's last change (only the day enters an analysis).
 */
export function distributedAnalyzer(
  t: TestPortal,
  sample: Sample,
  overrides: Partial<Config>,
  options: Parameters<typeof createLocalWorkflow>[1] = {},
) {
  const { deps } = t.portal;
  const config = { ...deps.config, ...overrides };
  const clock = () => new Date(sample.updatedAt);
  const local = createLocalWorkflow({ ...deps, config, clock, metrics: noMetrics }, options);
  const analyze = createAnalyzeHandler({
    ...deps,
    config,
    clock,
    analyzer: createSampleAnalyzer(),
    workflow: local.starter,
  });
  const object = { bucket: config.SAMPLES_BUCKET, key: sample.key, size: sample.sizeBytes };
  return { local, run: () => analyze([object]) };
}
