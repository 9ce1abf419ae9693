import { createRoute } from '@hono/zod-openapi';
import { staffRoles } from '../../../core/assessment/types';
import { createRouter } from '../../create-router';
import { requireStaff } from '../../middleware/staff-auth';
import { errorResponses, jsonResponse } from '../../schemas/problem';
import * as z from '../../schemas/zod';

const ConfigSchema = z
  .object({
    mode: z.enum(['local', 'aws']),
    cognito: z.object({ domain: z.string(), clientId: z.string() }).optional(),
  })
  .openapi('ClientConfig');

const MeSchema = z
  .object({ email: z.string(), role: z.enum(staffRoles), organizationId: z.string() })
  .openapi('Me');

/** GET /api/config: what the web app needs to sign in. */
export const configRoute = createRoute({
  method: 'get',
  path: '/config',
  operationId: 'getClientConfig',
  security: [],
  tags: ['meta'],
  summary: 'Sign-in configuration for the web app',
  responses: {
    200: jsonResponse(ConfigSchema, 'Client configuration', { mode: 'local' }),
  },
});

/** GET /api/me: the signed-in staff identity. */
export const meRoute = createRoute({
  method: 'get',
  path: '/me',
  operationId: 'getCurrentUser',
  tags: ['meta'],
  summary: 'The signed-in staff member',
  security: [{ staffJwt: [] }],
  middleware: [requireStaff()] as const,
  responses: {
    200: jsonResponse(MeSchema, 'Who you are', {
      email: 'pat@demo.example',
      role: 'procurement',
      organizationId: 'demo',
    }),
    ...errorResponses(401, 429),
  },
});

/** The meta router. */
export function metaRoutes() {
  return createRouter()
    .openapi(configRoute, (c) => {
      const { config } = c.var.deps;
      const cognito =
        config.COGNITO_DOMAIN && config.DILIGENCE_MODE === 'aws'
          ? { domain: config.COGNITO_DOMAIN, clientId: config.AUTH_AUDIENCE }
          : undefined;
      return c.json({ mode: config.DILIGENCE_MODE, cognito }, 200);
    })
    .openapi(meRoute, (c) => {
      const { email, role, organizationId } = c.var.staff;
      return c.json({ email, role, organizationId }, 200);
    });
}
