import type { RouteHandler } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { contractCsvRows } from '../../../../core/assessment/contract/csv-rows';
import { listView } from '../../../../core/assessment/ranking';
import { computePacks } from '../../../../core/frameworks';
import { frameworkCsvRows } from '../../../../core/frameworks/csv-rows';
import { getTemplate } from '../../../../core/questionnaire';
import {
  croissantExport,
  decidedVersion,
  diffReports,
  labeler,
  reportCsv,
  toCsv,
  versionAnswers,
} from '../../../../core/report';
import type { AppEnv } from '../../../env';
import { loadAssessment } from '../../../services/assessments';
import { withMatchTexts } from '../../../services/match-texts';
import { reportBundle } from '../../../services/report-bundle';
import { allAssessments, loadReportVersion } from '../../../services/report-versions';
import type {
  diffReportVersions,
  downloadReportBundle,
  downloadReportPdf,
  exportAssessmentsCsv,
  exportReportCroissant,
  exportReportCsv,
} from './routes';

const attachment = (c: Context<AppEnv>, body: string | Uint8Array, type: string, name: string) =>
  c.body(body as string, 200, {
    'Content-Type': type,
    'Content-Disposition': `attachment; filename="${name}"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });

/** Diffs two stored report versions (both integrity-checked). */
export const diffReportVersionsHandler: RouteHandler<typeof diffReportVersions, AppEnv> = async (
  c,
) => {
  const { deps, staff } = c.var;
  const a = await loadAssessment(deps, staff.organizationId, c.req.valid('param').id);
  const { from, to } = c.req.valid('query');
  const [older, newer] = await Promise.all([
    loadReportVersion(deps, a, from),
    loadReportVersion(deps, a, to),
  ]);
  // answers are JSON values; the diff types them as the questionnaire's (readonly) answer values
  return c.json(JSON.parse(JSON.stringify(diffReports(older, newer))) as never, 200);
};

async function versioned(c: Context<AppEnv>, params: { id: string; version: number }) {
  const { deps, staff } = c.var;
  const a = await loadAssessment(deps, staff.organizationId, params.id);
  const report = await loadReportVersion(deps, a, params.version);
  const base = `report-${a.id}-v${report.version}`;
  return { a, report, base, label: labeler(getTemplate(a.templateId, a.templateVersion)) };
}

/** The version's framework packs, from the answers it was scored on; none without its template. */
function packsOf(a: { templateId: string; templateVersion: number }, report: VersionedReport) {
  const template = getTemplate(a.templateId, a.templateVersion);
  if (!template) return [];
  return computePacks({ report, answers: versionAnswers(report).answers, template });
}
type VersionedReport = Awaited<ReturnType<typeof versioned>>['report'];

/** The stored report in a bundle signed with the deployment's key, as one JSON file. */
export const downloadReportBundleHandler: RouteHandler<
  typeof downloadReportBundle,
  AppEnv
> = async (c) => {
  const { a, report, base } = await versioned(c, c.req.valid('param'));
  return attachment(
    c,
    JSON.stringify(await reportBundle(c.var.deps, a, report), null, 2),
    'application/json',
    `${base}.json`,
  );
};

/** Factors, discrepancies, the delivery contract and every framework item as CSV. */
export const exportReportCsvHandler: RouteHandler<typeof exportReportCsv, AppEnv> = async (c) => {
  const { a, report, base, label } = await versioned(c, c.req.valid('param'));
  const contract = contractCsvRows(
    a.contractCheck?.conditions ?? [],
    await c.var.deps.repos.remediation.list(a.organizationId, a.id),
  );
  return attachment(
    c,
    reportCsv(report, label, [...contract, ...frameworkCsvRows(packsOf(a, report), label.plain)]),
    'text/csv; charset=utf-8',
    `${base}.csv`,
  );
};

/** Croissant JSON-LD of the answers and measurements. */
export const exportReportCroissantHandler: RouteHandler<
  typeof exportReportCroissant,
  AppEnv
> = async (c) => {
  const { a, report, base } = await versioned(c, c.req.valid('param'));
  const template = getTemplate(a.templateId, a.templateVersion);
  if (!template) throw new Error(`template ${a.templateId} v${a.templateVersion} is missing`);
  // the version's own answers, not the assessment's current ones (changed since, maybe unsubmitted)
  const { answers, recorded } = versionAnswers(report);
  const doc = croissantExport({
    report,
    answers,
    answersRecorded: recorded,
    template,
    dataset: a.dataset,
    vendor: { name: a.vendor.name },
  });
  return attachment(
    c,
    JSON.stringify(doc, null, 2),
    'application/ld+json',
    `${base}.croissant.json`,
  );
};

/** The report as a PDF: the stored version plus the decision record (who, when, comments). */
export const downloadReportPdfHandler: RouteHandler<typeof downloadReportPdf, AppEnv> = async (
  c,
) => {
  const { a, report, base, label } = await versioned(c, c.req.valid('param'));
  // The decision is joined at render time, not stored in a new version (see decision-record.ts).
  const versions = await c.var.deps.repos.reports.list(a.organizationId, a.id);
  const decision = decidedVersion(versions, a.decision);
  // pdf-lib is a third of the API bundle: it loads with the first PDF, not with the routes.
  const { reportPdf } = await import('../../../../core/report/pdf');
  // The vendor's texts of matched records (fingerprint packs) are read for the PDF only.
  const shown = await withMatchTexts(c.var.deps, a, report);
  const items = await c.var.deps.repos.remediation.list(a.organizationId, a.id);
  const pdf = await reportPdf(shown, {
    title: `${a.dataset.name} (${a.vendor.name})`,
    label,
    ...(decision ? { decision } : {}),
    contract: { conditions: a.contractCheck?.conditions ?? [], items },
    frameworks: packsOf(a, report),
  });
  return attachment(c, pdf, 'application/pdf', `${base}.pdf`);
};

const DECISION = { approve: 'Approved', reject: 'Rejected', request_changes: 'Changes requested' };

const STATUS: Record<string, string> = {
  draft: 'Draft',
  invited: 'Invited',
  in_progress: 'In progress',
  submitted: 'Submitted',
  approved: 'Approved',
  rejected: 'Rejected',
  changes_requested: 'Changes requested',
};

/** Every assessment of the caller's organization as CSV. */
export const exportAssessmentsCsvHandler: RouteHandler<
  typeof exportAssessmentsCsv,
  AppEnv
> = async (c) => {
  const { deps, staff } = c.var;
  const items = await allAssessments(deps, staff.organizationId);
  const csv = toCsv(
    [
      'vendor',
      'dataset',
      'status',
      'due',
      'score',
      'tier',
      'maturity',
      'report version',
      'created',
      'decision',
      'decided',
      'vendor contact',
      'id',
    ],
    // Score, tier and maturity stay blank until the vendor submits (listView withholds them).
    items
      .map(listView)
      .map((a) => [
        a.vendor.name,
        a.dataset.name,
        STATUS[a.status] ?? a.status,
        a.dueAt.slice(0, 10),
        a.report?.score ?? '',
        a.report?.tier ?? '',
        a.report?.maturity ?? '',
        a.report?.version ?? '',
        a.createdAt.slice(0, 10),
        a.decision ? DECISION[a.decision.decision] : '',
        a.decision?.at.slice(0, 10) ?? '',
        a.vendor.contactEmail,
        a.id,
      ]),
  );
  return attachment(c, csv, 'text/csv; charset=utf-8', 'assessments.csv');
};
