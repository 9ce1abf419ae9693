import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { PayloadTooLargeError } from '../lib/errors';
import { createRouter } from './create-router';
import type { AppDeps } from './env';
import { jsonOnly } from './middleware/json-only';
import { jsonShape } from './middleware/json-shape';
import { requestContext } from './middleware/request-context';
import { notFound, onError } from './problem';
import { featureRoutes } from './routes';
import { docsRoutes } from './routes/docs';
import { openApiInfo } from './schemas/document';

/** Largest JSON body any route accepts. */
export const maxJsonBytes = 256 * 1024;

/** Builds the HTTP app; runtime-agnostic (Lambda and Node both call this). */
export function createApp(deps: AppDeps) {
  const app = createRouter();
  app.use('*', requestId({ headerName: 'x-request-id' }));
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
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
  for (const routes of featureRoutes(deps)) app.route('/api', routes);

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
  app.doc31('/api/openapi.json', openApiInfo);
  app.route(
    '/api',
    docsRoutes(() => app.getOpenAPI31Document(openApiInfo)),
  );
  app.notFound(notFound);
  app.onError(onError);
  return app;
}

/** The app's type, for typed clients. */
export type AppType = ReturnType<typeof createApp>;
