import { createRoute } from '@hono/zod-openapi';
import { getTemplate, templates } from '../../../core/questionnaire';
import { NotFoundError } from '../../../lib/errors';
import { createRouter } from '../../create-router';
import { requireStaff } from '../../middleware/staff-auth';
import { errorResponses, jsonResponse } from '../../schemas/problem';
import * as z from '../../schemas/zod';

const TemplateSchema = z.record(z.string(), z.unknown()).openapi('Template');

/** The built-in template with only its first question, as the example. */
function templateExample(): Record<string, unknown> {
  const t = templates[0];
  if (!t) return {};
  const first = t.sections[0];
  const sections = first ? [{ ...first, questions: first.questions.slice(0, 1) }] : [];
  return { ...t, sections } as unknown as Record<string, unknown>;
}

/** GET /api/templates */
export const listTemplates = createRoute({
  method: 'get',
  path: '/templates',
  operationId: 'listTemplates',
  tags: ['templates'],
  summary: 'Questionnaire templates (latest version of each)',
  security: [{ staffJwt: [] }],
  middleware: [requireStaff()] as const,
  responses: {
    200: jsonResponse(
      z.object({ items: z.array(TemplateSchema) }),
      'Templates (example abridged to one question)',
      { items: [templateExample()] },
    ),
    ...errorResponses(401, 429),
  },
});

/** GET /api/templates/{id} */
export const getTemplateRoute = createRoute({
  method: 'get',
  path: '/templates/{id}',
  operationId: 'getTemplate',
  tags: ['templates'],
  summary: 'One template (latest version, or ?version=N)',
  security: [{ staffJwt: [] }],
  middleware: [requireStaff()] as const,
  request: {
    params: z.object({
      id: z
        .string()
        .max(100)
        .openapi({ param: { name: 'id', in: 'path' } }),
    }),
    query: z.strictObject({ version: z.coerce.number().int().positive().optional() }),
  },
  responses: {
    200: jsonResponse(
      TemplateSchema,
      'The template (example abridged to one question)',
      templateExample(),
    ),
    ...errorResponses(400, 401, 404, 429),
  },
});

/** The templates router. */
export function templateRoutes() {
  return createRouter()
    .openapi(listTemplates, (c) => {
      const latest = new Map<string, (typeof templates)[number]>();
      for (const t of templates)
        if ((latest.get(t.id)?.version ?? 0) < t.version) latest.set(t.id, t);
      return c.json({ items: [...latest.values()] as unknown as Record<string, unknown>[] }, 200);
    })
    .openapi(getTemplateRoute, (c) => {
      const t = getTemplate(c.req.valid('param').id, c.req.valid('query').version);
      if (!t) throw new NotFoundError('No such template; list them with GET /api/templates.');
      return c.json(t as unknown as Record<string, unknown>, 200);
    });
}
