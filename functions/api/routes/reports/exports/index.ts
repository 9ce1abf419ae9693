import { createRouter } from '../../../create-router';
import {
  diffReportVersionsHandler,
  downloadReportBundleHandler,
  downloadReportPdfHandler,
  exportAssessmentsCsvHandler,
  exportReportCroissantHandler,
  exportReportCsvHandler,
} from './handlers';
import {
  diffReportVersions,
  downloadReportBundle,
  downloadReportPdf,
  exportAssessmentsCsv,
  exportReportCroissant,
  exportReportCsv,
} from './routes';

/** Report versions compared and taken away: diff, bundle, CSV, Croissant, PDF, assessments CSV. */
export function reportExportRoutes() {
  return createRouter()
    .openapi(diffReportVersions, diffReportVersionsHandler)
    .openapi(downloadReportBundle, downloadReportBundleHandler)
    .openapi(exportReportCsv, exportReportCsvHandler)
    .openapi(exportReportCroissant, exportReportCroissantHandler)
    .openapi(downloadReportPdf, downloadReportPdfHandler)
    .openapi(exportAssessmentsCsv, exportAssessmentsCsvHandler);
}
