import { createRouter } from '../../create-router';
import {
  getAnalysisHandler,
  getReportHandler,
  listReportsHandler,
  listSamplesHandler,
} from './handlers';
import { getAnalysis, getReport, listReports, listSamples } from './routes';
import { listDeliverySeries, listDeliverySeriesHandler } from './series';
import { getThumbnail, getThumbnailHandler } from './thumbnails';

/** The reports and samples router for staff, with the portfolio's delivery series. */
export function reportRoutes() {
  return createRouter()
    .openapi(getReport, getReportHandler)
    .openapi(listReports, listReportsHandler)
    .openapi(listSamples, listSamplesHandler)
    .openapi(getAnalysis, getAnalysisHandler)
    .openapi(listDeliverySeries, listDeliverySeriesHandler)
    .openapi(getThumbnail, getThumbnailHandler);
}
