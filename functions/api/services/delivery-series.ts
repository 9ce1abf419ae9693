import type { Assessment } from '../../core/assessment/types';
import {
  buildDeliverySeries,
  type DeliverySeries,
  deliveredAt,
  deliveryChains,
  type StoredReport,
  type VersionedReport,
} from '../../core/report';
import { verifyReportHash } from '../../core/scoring';
import type { AppDeps } from '../env';
import { allAssessments } from './report-versions';

type Deps = Pick<AppDeps, 'repos' | 'blobs' | 'config' | 'logger'>;

/** Deliveries kept per dataset (the newest); the response says how many were left out. */
export const MAX_DELIVERIES = 12;
/** Stored reports read at once. */
const READ_CONCURRENCY = 6;

/** One page of the organization's delivery series, newest activity first. */
export interface DeliverySeriesPage {
  items: DeliverySeries[];
  total: number;
  nextOffset: number | null;
}

/** The latest stored report of an assessment, checked against its SHA-256. */
async function latestReport(deps: Deps, a: Assessment): Promise<StoredReport | undefined> {
  if (!a.report) return undefined;
  try {
    const text = await deps.blobs.getText(deps.config.REPORTS_BUCKET, a.report.reportKey);
    const stored = JSON.parse(text) as VersionedReport;
    const { version: _v, ...body } = stored;
    if (stored.sha256 !== a.report.sha256 || !verifyReportHash(body)) {
      deps.logger.error('report integrity check failed', { assessmentId: a.id });
      return { unreadable: 'Its report failed the integrity check, so no measurement is shown.' };
    }
    return { ...stored, version: a.report.version };
  } catch (error) {
    deps.logger.error('report not readable for the delivery series', {
      assessmentId: a.id,
      error,
    });
    return { unreadable: 'Its report could not be read just now; reload to try again.' };
  }
}

async function readAll(deps: Deps, wanted: Assessment[]): Promise<Map<string, StoredReport>> {
  const out = new Map<string, StoredReport>();
  let next = 0;
  const worker = async () => {
    while (next < wanted.length) {
      const a = wanted[next++] as Assessment;
      const report = await latestReport(deps, a);
      if (report) out.set(a.id, report);
    }
  };
  await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
  return out;
}

/**
 * The delivery series of one organization's vendor datasets, paged by dataset: the measurements
 * come from each delivery's latest stored report (no sample file is read again).
 */
export async function deliverySeriesPage(
  deps: Deps,
  org: string,
  page: { limit: number; offset: number },
): Promise<DeliverySeriesPage> {
  const chains = deliveryChains(await allAssessments(deps, org));
  const last = (c: Assessment[]) => c.map(deliveredAt).sort().at(-1) ?? '';
  // Same order as the built series, so the page can be chosen before any report is read.
  chains.sort(
    (x, y) =>
      last(y).localeCompare(last(x)) ||
      (x.at(-1)?.vendor.name ?? '').localeCompare(y.at(-1)?.vendor.name ?? '') ||
      (x.at(-1)?.dataset.name ?? '').localeCompare(y.at(-1)?.dataset.name ?? ''),
  );
  const slice = chains.slice(page.offset, page.offset + page.limit);
  const reports = await readAll(
    deps,
    slice.flatMap((c) => c.slice(-MAX_DELIVERIES)),
  );
  const items = buildDeliverySeries(slice, reports, { maxDeliveries: MAX_DELIVERIES });
  const end = page.offset + slice.length;
  return { items, total: chains.length, nextOffset: end < chains.length ? end : null };
}
