import { createRouter } from '../../create-router';
import {
  getAnalysisHandler,
  getReportHandler,
  listReportsHandler,
  listSamplesHandler,
} from './handlers';
import { getAnalysis, getReport, listReports, listSamples } from './routes';

/** The reports and samples router for staff. */
export function reportRoutes() {
  return createRouter()
    .openapi(getReport, getReportHandler)
    .openapi(listReports, listReportsHandler)
    .openapi(listSamples, listSamplesHandler)
    .openapi(getAnalysis, getAnalysisHandler);
}
