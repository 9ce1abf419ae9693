import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { PayloadTooLargeError } from '../lib/errors';
import { createRouter } from './create-router';
import type { AppDeps, AppEnv } from './env';
import { jsonOnly } from './middleware/json-only';
import { jsonShape } from './middleware/json-shape';
import { requestContext } from './middleware/request-context';
import { notFound, onError } from './problem';
import { docsRoutes } from './routes/docs';
import { withApiTokenSecurity } from './schemas/api-token-security';
import { openApiInfo } from './schemas/document';
import { wellKnownRoutes } from './well-known';

/** Largest JSON body any route accepts. */
export const maxJsonBytes = 256 * 1024;

/** A feature router as `app.route` mounts it under /api. */
// biome-ignore lint/suspicious/noExplicitAny: routers differ in their schema type parameters.
export type FeatureRouter = Hono<AppEnv, any, any>;

/**
 * The HTTP app around the given feature routers: headers, request context, body limits, the
 * OpenAPI document and reference over exactly those routers, problem+json errors. `createApp`
 * passes every router; the Lambda's lazy app passes those a path can reach (see `lazy-app.ts`).
 */
export function buildApp(deps: AppDeps, routers: readonly FeatureRouter[]) {
  const app = createRouter();
  app.use('*', requestId({ headerName: 'x-request-id' }));
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        // blob: the report's image thumbnails (fetched with the staff token, shown from object URLs)
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
      },
      referrerPolicy: 'no-referrer',
      xContentTypeOptions: 'nosniff',
      crossOriginResourcePolicy: 'same-origin',
    }),
  );
  app.use('/api/*', requestContext(deps));
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: maxJsonBytes,
      onError: () => {
        throw new PayloadTooLargeError(
          `The request body is over ${maxJsonBytes / 1024} KiB; send less data.`,
        );
      },
    }),
  );
  app.use('/api/*', jsonOnly);
  app.use('/api/*', jsonShape);
  for (const routes of routers) app.route('/api', routes);

  app.openAPIRegistry.registerComponent('securitySchemes', 'staffJwt', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'Staff ID token (Cognito in AWS; POST /api/dev/session locally)',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'vendorToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'Invitation token from the vendor link',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiToken', {
    type: 'http',
    scheme: 'bearer',
    description:
      'API token (dlg_…) an admin created under Integrations; acts with its role (docs/integrations.md)',
  });
  // The document is generated per request to these two paths only, never at start-up.
  const document = () => withApiTokenSecurity(app.getOpenAPI31Document(openApiInfo));
  app.get('/api/openapi.json', (c) => c.json(document()));
  app.route('/api', docsRoutes(document));
  app.route('/', wellKnownRoutes(deps));
  app.notFound(notFound);
  app.onError(onError);
  return app;
}
