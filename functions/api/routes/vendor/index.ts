import { createRouter } from '../../create-router';
import type { AppDeps } from '../../env';
import { createFailureLimiter } from '../../middleware/failure-limiter';
import { requireVendor } from '../../middleware/vendor-auth';
import { saveAnswersHandler, submitHandler, vendorViewHandler } from './answer-handlers';
import { deleteSampleHandler, mergeAnswersHandler } from './control-handlers';
import { deleteSample, mergeAnswers } from './control-routes';
import { getVendorFrameworkDraft, getVendorFrameworkDraftHandler } from './framework-draft';
import { changeSampleFieldsHandler, getSampleFieldsHandler } from './mapping-handlers';
import { changeSampleFields, getSampleFields } from './mapping-routes';
import {
  abortUploadHandler,
  completeUploadHandler,
  listPartsHandler,
  presignPartsHandler,
} from './multipart-handlers';
import { abortUpload, completeUpload, listParts, presignParts } from './multipart-routes';
import {
  createVendorPassport,
  createVendorPassportHandler,
  getVendorPassport,
  getVendorPassportHandler,
  revokeVendorPassport,
  revokeVendorPassportHandler,
} from './passport';
import { createSample, getSample, saveAnswers, submit, vendorView } from './routes';
import { createSampleHandler, getSampleHandler } from './sample-handlers';

/** The vendor router: every route needs a live invitation token. */
export function vendorRoutes(deps: AppDeps) {
  const router = createRouter();
  router.use(
    '/vendor/*',
    requireVendor(createFailureLimiter(deps.config.VENDOR_AUTH_FAILURE_LIMIT)),
  );
  return router
    .openapi(vendorView, vendorViewHandler)
    .openapi(saveAnswers, saveAnswersHandler)
    .openapi(submit, submitHandler)
    .openapi(createSample, createSampleHandler)
    .openapi(getSample, getSampleHandler)
    .openapi(getSampleFields, getSampleFieldsHandler)
    .openapi(changeSampleFields, changeSampleFieldsHandler)
    .openapi(mergeAnswers, mergeAnswersHandler)
    .openapi(deleteSample, deleteSampleHandler)
    .openapi(presignParts, presignPartsHandler)
    .openapi(listParts, listPartsHandler)
    .openapi(completeUpload, completeUploadHandler)
    .openapi(abortUpload, abortUploadHandler)
    .openapi(getVendorFrameworkDraft, getVendorFrameworkDraftHandler)
    .openapi(getVendorPassport, getVendorPassportHandler)
    .openapi(createVendorPassport, createVendorPassportHandler)
    .openapi(revokeVendorPassport, revokeVendorPassportHandler);
}
