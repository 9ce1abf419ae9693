import { describe, expect, it } from 'vitest';
import type { ScoredReport } from '../../../web/src/api/domain';
import type { ReportVersion } from '../../../web/src/api/types';
import { loadReportWithVersions } from '../../../web/src/pages/report/report-loader';

function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const version: ReportVersion = {
  version: 1,
  generatedAt: '2026-11-28T10:00:00.000Z',
  sha256: 'a'.repeat(64),
  score: 30,
  tier: 'moderate',
};

describe('report loader', () => {
  it('asks for the version list before the report has arrived (one round, not two)', async () => {
    const report = deferred<ScoredReport | null>();
    const versions = deferred<{ items: ReportVersion[] }>();
    const calls: string[] = [];
    const loading = loadReportWithVersions('a-1', {
      getReport: (id) => {
        calls.push(`report ${id}`);
        return report.promise;
      },
      listReports: (id) => {
        calls.push(`versions ${id}`);
        return versions.promise;
      },
    });
    // Neither answer has arrived yet, and both requests are already out.
    expect(calls).toEqual(['report a-1', 'versions a-1']);
    versions.resolve({ items: [version] });
    report.resolve({ version: 1 } as ScoredReport);
    expect(await loading).toEqual({ report: { version: 1 }, versions: [version] });
  });

  it('returns no versions when there is no report yet', async () => {
    const out = await loadReportWithVersions('a-2', {
      getReport: async () => null,
      listReports: async () => ({ items: [] }),
    });
    expect(out).toEqual({ report: null, versions: [] });
  });
});
