import { createRouter } from '../../create-router';
import type { AppDeps } from '../../env';
import { createFailureLimiter } from '../../middleware/failure-limiter';
import { requireVendor } from '../../middleware/vendor-auth';
import {
  acceptExceptionHandler,
  commentItemHandler,
  getContractHandler,
  getItemHandler,
  updateItemHandler,
  vendorCommentHandler,
  vendorContractHandler,
} from './handlers';
import {
  acceptException,
  commentItem,
  getContract,
  getItem,
  updateItem,
  vendorComment,
  vendorContract,
} from './routes';

/** Delivery contracts and remediation: staff routes, and the vendor's own (token) routes. */
export function contractRoutes(deps: AppDeps) {
  const router = createRouter();
  const vendorAuth = requireVendor(createFailureLimiter(deps.config.VENDOR_AUTH_FAILURE_LIMIT));
  router.use('/vendor/contract', vendorAuth);
  router.use('/vendor/remediation/*', vendorAuth);
  return router
    .openapi(getContract, getContractHandler)
    .openapi(getItem, getItemHandler)
    .openapi(updateItem, updateItemHandler)
    .openapi(commentItem, commentItemHandler)
    .openapi(acceptException, acceptExceptionHandler)
    .openapi(vendorContract, vendorContractHandler)
    .openapi(vendorComment, vendorCommentHandler);
}
