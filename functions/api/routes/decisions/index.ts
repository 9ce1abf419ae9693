import { createRouter } from '../../create-router';
import { decideHandler } from './handlers';
import { decide } from './routes';

/** The review decisions router. */
export function decisionRoutes() {
  return createRouter().openapi(decide, decideHandler);
}
