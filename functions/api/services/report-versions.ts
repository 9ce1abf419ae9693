import type { Assessment } from '../../core/assessment/types';
import type { VersionedReport } from '../../core/report';
import { verifyReportHash } from '../../core/scoring';
import { IntegrityError, NotFoundError } from '../../lib/errors';
import type { AppDeps } from '../env';

type Deps = Pick<AppDeps, 'repos' | 'blobs' | 'config' | 'logger'>;

/** One stored report version (the latest when `version` is omitted), after checking its SHA-256. */
export async function loadReportVersion(
  deps: Deps,
  a: Assessment,
  version?: number,
): Promise<VersionedReport> {
  const versions = await deps.repos.reports.list(a.organizationId, a.id);
  const record = version ? versions.find((v) => v.version === version) : versions.at(-1);
  if (!record) {
    throw new NotFoundError(
      version
        ? `No report version ${version}: this assessment has ${versions.length} version(s).`
        : 'No report yet: one is made when the vendor submits or a sample is analyzed.',
    );
  }
  const stored = JSON.parse(
    await deps.blobs.getText(deps.config.REPORTS_BUCKET, record.key),
  ) as VersionedReport;
  const { version: _v, ...body } = stored;
  if (stored.sha256 !== record.sha256 || !verifyReportHash(body)) {
    deps.logger.error('report integrity check failed', {
      assessmentId: a.id,
      version: record.version,
    });
    throw new IntegrityError(
      `Report version ${record.version} failed its integrity check (its SHA-256 no longer matches) and was not exported. Ask an administrator to investigate; earlier versions may still be readable.`,
    );
  }
  return { ...stored, version: record.version };
}

/** Every assessment of the organization, newest first (follows the pages to the end). */
export async function allAssessments(
  deps: Pick<AppDeps, 'repos'>,
  org: string,
): Promise<Assessment[]> {
  const out: Assessment[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.repos.assessments.list(org, {
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}
