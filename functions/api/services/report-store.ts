import type { Assessment } from '../../core/assessment/types';
import { sampleRefs } from '../../core/report/sample-refs';
import type { ScoredReport } from '../../core/scoring';
import { ConflictError } from '../../lib/errors';
import { loadOnce } from '../../lib/load-once';
import type { ProductMetrics } from '../../lib/metrics';
import type { BlobHead } from '../../store/blob-store';
import type { ReportRecord } from '../../store/reports';
import type { AppDeps } from '../env';

/** What storing a report needs; `metrics` defaults to Powertools in AWS and to nothing locally. */
export type ReportStoreDeps = Pick<AppDeps, 'repos' | 'blobs' | 'config' | 'logger'> & {
  metrics?: Pick<ProductMetrics, 'reportStoreFailed'>;
};

/** Why the report was scored and with which policy (kept in the record and the object). */
export interface ReportOrigin {
  policyVersion: number;
  trigger: string;
}

/** Where report version `v` of an assessment is stored. */
export const reportKey = (a: Pick<Assessment, 'organizationId' | 'id'>, v: number) =>
  `reports/${a.organizationId}/${a.id}/v${String(v).padStart(6, '0')}.json`;

const attempts = 5;

/**
 * Stores `report` as the assessment's next version: the object first (checksum header,
 * create-if-absent), its record second. An object found without a record (a write that failed
 * between the two) is re-indexed from its metadata, so versions stay gapless and every locked
 * object is listed. Any failure counts `ReportStoreFailures` and is rethrown.
 */
export async function storeReport(
  deps: ReportStoreDeps,
  assessment: Pick<Assessment, 'organizationId' | 'id'>,
  report: ScoredReport,
  origin: ReportOrigin,
): Promise<{ version: number; key: string }> {
  try {
    let version = 0;
    for (let attempt = 0; attempt < attempts; attempt++) {
      const versions = await deps.repos.reports.list(assessment.organizationId, assessment.id);
      version = Math.max((versions.at(-1)?.version ?? 0) + 1, version + 1);
      const record = toRecord(assessment, version, report, origin);
      if (await putObject(deps, record, JSON.stringify({ ...report, version }))) {
        await createRecord(deps, record);
        return { version, key: record.key };
      }
      await repairOrphan(deps, assessment, version);
    }
  } catch (error) {
    await countFailure(deps, assessment, error);
    throw error;
  }
  const error = new ConflictError(
    'Could not store the report: too many concurrent versions; try again.',
  );
  await countFailure(deps, assessment, error);
  throw error;
}

function toRecord(
  a: Pick<Assessment, 'organizationId' | 'id'>,
  version: number,
  report: ScoredReport,
  origin: ReportOrigin,
): ReportRecord {
  return {
    organizationId: a.organizationId,
    assessmentId: a.id,
    version,
    key: reportKey(a, version),
    sha256: report.sha256,
    generatedAt: report.generatedAt,
    score: report.risk.score,
    tier: report.risk.tier,
    maturity: report.maturity.level,
    policyVersion: origin.policyVersion,
    trigger: origin.trigger,
    samples: sampleRefs(report),
  };
}

/** The record's fields as object metadata, so an orphaned object can be indexed from its head. */
const toMetadata = (r: ReportRecord): Record<string, string> => ({
  sha256: r.sha256,
  'generated-at': r.generatedAt,
  score: String(r.score),
  tier: r.tier,
  maturity: String(r.maturity),
  'policy-version': String(r.policyVersion),
  trigger: r.trigger,
});

/** The record an object's metadata describes; undefined for objects written without it. */
function fromHead(
  a: Pick<Assessment, 'organizationId' | 'id'>,
  version: number,
  head: BlobHead,
): ReportRecord | undefined {
  const m = head.metadata;
  const tiers = ['low', 'moderate', 'high', 'critical'] as const;
  const tier = tiers.find((t) => t === m.tier);
  if (!m.sha256 || !m['generated-at'] || !m.trigger || !tier) return undefined;
  const numbers = [m.score, m.maturity, m['policy-version']].map(Number);
  if (numbers.some((n) => !Number.isFinite(n))) return undefined;
  const [score, maturity, policyVersion] = numbers as [number, number, number];
  return {
    organizationId: a.organizationId,
    assessmentId: a.id,
    version,
    key: reportKey(a, version),
    sha256: m.sha256,
    generatedAt: m['generated-at'],
    score,
    tier,
    maturity,
    policyVersion,
    trigger: m.trigger,
  };
}

/** Writes the object if its key is free; false when an object is already there. */
async function putObject(deps: ReportStoreDeps, r: ReportRecord, body: string): Promise<boolean> {
  try {
    await deps.blobs.putNew(deps.config.REPORTS_BUCKET, r.key, body, {
      contentType: 'application/json',
      metadata: toMetadata(r),
    });
    return true;
  } catch (error) {
    if (error instanceof ConflictError) return false;
    throw error;
  }
}

/** Records the version; a record already there is fine if it indexes this very object. */
async function createRecord(deps: ReportStoreDeps, r: ReportRecord): Promise<void> {
  try {
    await deps.repos.reports.create(r);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    // Another writer re-indexed our object (it found it before our record landed).
    const existing = await deps.repos.reports.get(r.organizationId, r.assessmentId, r.version);
    if (existing?.key !== r.key || existing.sha256 !== r.sha256) throw error;
  }
}

/** Indexes the object at `version` when it has no record yet (an earlier write stopped halfway). */
async function repairOrphan(
  deps: ReportStoreDeps,
  a: Pick<Assessment, 'organizationId' | 'id'>,
  version: number,
): Promise<void> {
  if (await deps.repos.reports.get(a.organizationId, a.id, version)) return;
  const head = await deps.blobs.head(deps.config.REPORTS_BUCKET, reportKey(a, version));
  const record = head && fromHead(a, version, head);
  if (!record) {
    deps.logger.warn('report object without record skipped', { assessmentId: a.id, version });
    return;
  }
  try {
    await deps.repos.reports.create(record);
    deps.logger.warn('orphaned report object re-indexed', { assessmentId: a.id, version });
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
  }
}

// Powertools loads only when a report fails to store, so the API's cold start does not pay for it.
const awsMetrics = loadOnce(async () => (await import('../../lib/metrics')).createProductMetrics());

async function countFailure(
  deps: ReportStoreDeps,
  a: Pick<Assessment, 'organizationId' | 'id'>,
  error: unknown,
): Promise<void> {
  deps.logger.error('report not stored', { assessmentId: a.id, error });
  try {
    if (deps.metrics) deps.metrics.reportStoreFailed?.();
    else if (deps.config.DILIGENCE_MODE === 'aws') (await awsMetrics()).reportStoreFailed?.();
  } catch (metricError) {
    deps.logger.warn('report failure metric not written', { error: metricError });
  }
}
