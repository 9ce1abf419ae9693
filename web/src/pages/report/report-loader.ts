/** Loads a report together with its version list: two requests in flight at once, not one after the other. */
import type { ScoredReport } from '../../api/domain';
import { getReport, listReports } from '../../api/staff';
import type { ReportVersion } from '../../api/types';

/** The latest report and every stored version (empty when there is no report yet). */
export interface ReportWithVersions {
  report: ScoredReport | null;
  versions: ReportVersion[];
}

/** The two calls the loader makes (injectable so a test can hold them open). */
export interface ReportApi {
  getReport: (id: string) => Promise<ScoredReport | null>;
  listReports: (id: string) => Promise<{ items: ReportVersion[] }>;
}

/** Fetches the report and its version list in parallel (issue 13: no extra round trip). */
export async function loadReportWithVersions(
  id: string,
  api: ReportApi = { getReport, listReports },
): Promise<ReportWithVersions> {
  const [report, versions] = await Promise.all([api.getReport(id), api.listReports(id)]);
  return { report, versions: report ? versions.items : [] };
}
