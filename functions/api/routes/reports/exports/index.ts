import { createRouter } from '../../../create-router';
import { getFrameworkPack, getFrameworkPackHandler } from './frameworks';
import {
  diffReportVersionsHandler,
  downloadReportBundleHandler,
  downloadReportPdfHandler,
  exportAssessmentsCsvHandler,
  exportReportCroissantHandler,
  exportReportCsvHandler,
} from './handlers';
import { getReportMatchExamples, getReportMatchExamplesHandler } from './match-examples';
import {
  diffReportVersions,
  downloadReportBundle,
  downloadReportPdf,
  exportAssessmentsCsv,
  exportReportCroissant,
  exportReportCsv,
} from './routes';

/**
 * Report versions compared and taken away: diff, bundle, CSV, Croissant, PDF, the vendor's texts of
 * fingerprint matches, framework packs, assessments CSV.
 */
export function reportExportRoutes() {
  return createRouter()
    .openapi(diffReportVersions, diffReportVersionsHandler)
    .openapi(downloadReportBundle, downloadReportBundleHandler)
    .openapi(exportReportCsv, exportReportCsvHandler)
    .openapi(exportReportCroissant, exportReportCroissantHandler)
    .openapi(downloadReportPdf, downloadReportPdfHandler)
    .openapi(getReportMatchExamples, getReportMatchExamplesHandler)
    .openapi(getFrameworkPack, getFrameworkPackHandler)
    .openapi(exportAssessmentsCsv, exportAssessmentsCsvHandler);
}
