/** Report versions, their diff and the downloads (PDF, bundle, CSV, Croissant) for staff. */
import type { FrameworkPack } from '../../../functions/core/frameworks/types';
import type { ReportDiff } from '../../../functions/core/report/diff';
import { staffToken } from '../session';
import type { ScoredReport } from './domain';
import { ApiError, createHttp, problemFrom } from './http';

const http = createHttp(staffToken);
const enc = encodeURIComponent;

export type { ReportDiff };

/** `GET /api/assessments/{id}/report?version=N`: one stored version. */
export const getReportVersion = (id: string, version: number) =>
  http<ScoredReport>('GET', `/api/assessments/${enc(id)}/report?version=${version}`);

/** `GET /api/assessments/{id}/reports/diff?from&to`. */
export const diffReportVersions = (id: string, from: number, to: number) =>
  http<ReportDiff>('GET', `/api/assessments/${enc(id)}/reports/diff?from=${from}&to=${to}`);

/** What can be downloaded for a report version, with the file-name suffix. */
export const REPORT_DOWNLOADS = [
  { kind: 'pdf', label: 'Download PDF', suffix: '.pdf' },
  { kind: 'bundle', label: 'Signed bundle (JSON + SHA-256)', suffix: '.json' },
  { kind: 'csv', label: 'Factors and discrepancies (CSV)', suffix: '.csv' },
  { kind: 'croissant', label: 'Croissant RAI (JSON-LD)', suffix: '.croissant.json' },
] as const;

/** Fetches an authorized download and hands it to the browser as a file. */
export async function download(path: string, fileName: string): Promise<void> {
  const token = staffToken();
  const response = await fetch(path, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    credentials: 'omit',
  });
  if (!response.ok) throw new ApiError(await problemFrom(response));
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The download path of one report export. */
export const reportDownloadPath = (id: string, version: number, kind: string) =>
  `/api/assessments/${enc(id)}/reports/${version}/${kind}`;

/** `GET /api/assessments/{id}/reports/{version}/frameworks/{framework}`: a framework pack. */
export const getFrameworkPack = (id: string, version: number, framework: string) =>
  http<FrameworkPack>(
    'GET',
    `/api/assessments/${enc(id)}/reports/${version}/frameworks/${enc(framework)}`,
  );

/** The vendor's (masked) texts of a fingerprint match's first example records. */
export interface MatchExamples {
  items: {
    pack: string;
    kind: 'synthetic' | 'eval' | 'echo';
    role: string;
    examples: { record: number; text: string }[];
  }[];
}

/** `GET /api/assessments/{id}/reports/{version}/match-examples`. */
export const getMatchExamples = (id: string, version: number) =>
  http<MatchExamples>('GET', `/api/assessments/${enc(id)}/reports/${version}/match-examples`);
