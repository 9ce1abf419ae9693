import { createRouter } from '../../create-router';
import {
  createAssessmentHandler,
  getAssessmentHandler,
  listAssessmentsHandler,
  listEventsHandler,
  reassessHandler,
} from './handlers';
import {
  archiveAssessmentHandler,
  cancelAssessmentHandler,
  updateAssessmentHandler,
} from './manage-handlers';
import { archiveAssessment, cancelAssessment, updateAssessment } from './manage-routes';
import { createAssessment, getAssessment, listAssessments, listEvents, reassess } from './routes';
import { getVendorHistory, getVendorHistoryHandler } from './vendor-history';

/** The assessments router. */
export function assessmentRoutes() {
  return createRouter()
    .openapi(createAssessment, createAssessmentHandler)
    .openapi(listAssessments, listAssessmentsHandler)
    .openapi(getAssessment, getAssessmentHandler)
    .openapi(listEvents, listEventsHandler)
    .openapi(getVendorHistory, getVendorHistoryHandler)
    .openapi(reassess, reassessHandler)
    .openapi(updateAssessment, updateAssessmentHandler)
    .openapi(cancelAssessment, cancelAssessmentHandler)
    .openapi(archiveAssessment, archiveAssessmentHandler);
}
