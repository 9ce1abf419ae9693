import { createRouter } from '../../create-router';
import {
  createSpotCheckHandler,
  finishSpotCheckHandler,
  getSpotCheckHandler,
  getSpotRecordHandler,
  listSpotChecksHandler,
  tagSpotRecordHandler,
} from './handlers';
import {
  createSpotCheck,
  finishSpotCheck,
  getSpotCheck,
  getSpotRecord,
  listSpotChecks,
  tagSpotRecord,
} from './routes';

/** Reviewer spot-checks: governance and admins draw and tag; procurement reads the results. */
export function spotCheckRoutes() {
  return createRouter()
    .openapi(createSpotCheck, createSpotCheckHandler)
    .openapi(listSpotChecks, listSpotChecksHandler)
    .openapi(getSpotCheck, getSpotCheckHandler)
    .openapi(getSpotRecord, getSpotRecordHandler)
    .openapi(tagSpotRecord, tagSpotRecordHandler)
    .openapi(finishSpotCheck, finishSpotCheckHandler);
}
