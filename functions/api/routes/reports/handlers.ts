import type { RouteHandler } from '@hono/zod-openapi';
import { type ScoredReport, verifyReportHash } from '../../../core/scoring';
import { ConflictError, IntegrityError, NotFoundError } from '../../../lib/errors';
import { reportUpdating } from '../../../rescore/enqueue';
import type { AppEnv } from '../../env';
import { loadAssessment } from '../../services/assessments';
import { withImageSummaries } from '../../services/image-summaries';
import { retentionReason } from '../../services/retention-notes';
import { toSampleView } from '../../services/samples';
import type { getAnalysis, getReport, listReports, listSamples } from './routes';

/** Returns the latest (or requested) report version after checking its SHA-256. */
export const getReportHandler: RouteHandler<typeof getReport, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const a = await loadAssessment(deps, staff.organizationId, c.req.valid('param').id);
  const wanted = c.req.valid('query').version;
  const versions = await deps.repos.reports.list(a.organizationId, a.id);
  const record = wanted ? versions.find((v) => v.version === wanted) : versions.at(-1);
  if (!record) {
    const updating = !wanted && (await reportUpdating(deps, a));
    throw new NotFoundError(
      wanted
        ? `No report version ${wanted}.`
        : updating
          ? 'No report yet: it is being scored now; try again in a moment.'
          : 'No report yet: one is made when the vendor submits or a sample is analyzed.',
    );
  }
  const text = await deps.blobs.getText(deps.config.REPORTS_BUCKET, record.key);
  const { version: _v, ...body } = JSON.parse(text) as ScoredReport & { version: number };
  if (body.sha256 !== record.sha256 || !verifyReportHash(body)) {
    deps.logger.error('report integrity check failed', {
      assessmentId: a.id,
      version: record.version,
    });
    throw new IntegrityError(
      `Report version ${record.version} failed its integrity check (its SHA-256 no longer matches) and was not returned. Ask an administrator to investigate; earlier versions may still be readable.`,
    );
  }
  // Returned as stored (parsed again so the response is exactly the verified bytes' content).
  return c.json(JSON.parse(text), 200);
};

/** Lists every stored report version. */
export const listReportsHandler: RouteHandler<typeof listReports, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const a = await loadAssessment(deps, staff.organizationId, c.req.valid('param').id);
  const [versions, updating] = await Promise.all([
    deps.repos.reports.list(a.organizationId, a.id),
    reportUpdating(deps, a),
  ]);
  const items = versions.map(
    ({ version, generatedAt, sha256, score, tier, maturity, policyVersion, trigger, samples }) => ({
      version,
      generatedAt,
      sha256,
      score,
      tier,
      maturity,
      policyVersion,
      trigger,
      // The files the version is built on, so the list can say what changed (newer records only).
      ...(samples ? { samples } : {}),
    }),
  );
  return c.json({ items, reportUpdating: updating }, 200);
};

/** Lists the assessment's samples. */
export const listSamplesHandler: RouteHandler<typeof listSamples, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const a = await loadAssessment(deps, staff.organizationId, c.req.valid('param').id);
  const stored = await deps.repos.samples.list(a.organizationId, a.id);
  const samples = await withImageSummaries(deps, stored);
  return c.json({ items: samples.map(toSampleView) }, 200);
};

/** Returns one sample's full analysis. */
export const getAnalysisHandler: RouteHandler<typeof getAnalysis, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const { id, sampleId } = c.req.valid('param');
  const a = await loadAssessment(deps, staff.organizationId, id);
  const sample = await deps.repos.samples.get(a.organizationId, a.id, sampleId);
  if (!sample) throw new NotFoundError('No such sample in this assessment.');
  if (sample.purgedAt) throw new ConflictError(retentionReason(sample.purgedAt));
  if (!sample.analysisKey)
    throw new ConflictError(`The sample is ${sample.status.replace('_', ' ')}; no analysis yet.`);
  const analysis = JSON.parse(
    await deps.blobs.getText(deps.config.SAMPLES_BUCKET, sample.analysisKey),
  );
  return c.json(analysis as Record<string, unknown>, 200);
};
