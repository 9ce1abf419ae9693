import { createRouter } from '../../create-router';
import { createTokenHandler, listTokensHandler, revokeTokenHandler } from './handlers';
import { createToken, listTokens, revokeToken } from './routes';

/** API tokens: admins create, list and revoke them (issue 28.2). */
export function tokenRoutes() {
  return createRouter()
    .openapi(createToken, createTokenHandler)
    .openapi(listTokens, listTokensHandler)
    .openapi(revokeToken, revokeTokenHandler);
}
