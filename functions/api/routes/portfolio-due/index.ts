import { createRouter } from '../../create-router';
import { acceptDueHandler, dismissDueHandler, listDueHandler } from './handlers';
import { acceptDue, dismissDue, listDue } from './routes';

/** The scheduled re-assessment router: what is due, and procurement's answer to a proposal. */
export function portfolioDueRoutes() {
  return createRouter()
    .openapi(listDue, listDueHandler)
    .openapi(acceptDue, acceptDueHandler)
    .openapi(dismissDue, dismissDueHandler);
}
