import { createRoute } from '@hono/zod-openapi';
import { staffRoles } from '../../../core/assessment/types';
import { ForbiddenError } from '../../../lib/errors';
import { sendReminders } from '../../../notify/reminders';
import { createRouter } from '../../create-router';
import type { AppDeps } from '../../env';
import { requireStaff } from '../../middleware/staff-auth';
import { errorResponses, jsonBody, jsonResponse } from '../../schemas/problem';
import * as z from '../../schemas/zod';

const SessionBody = z
  .strictObject({
    email: z.email(),
    role: z.enum(staffRoles),
    organizationId: z
      .string()
      .regex(/^[a-z0-9-]{1,64}$/)
      .optional(),
  })
  .openapi('DevSessionRequest');

const UserSchema = z.object({
  email: z.string(),
  name: z.string(),
  role: z.enum(staffRoles),
  organizationId: z.string(),
});

const MessageSchema = z
  .object({
    id: z.string(),
    at: z.string(),
    to: z.string(),
    subject: z.string(),
    body: z.string(),
    kind: z.string(),
  })
  .openapi('OutboxMessage');

/** POST /api/dev/session: a staff token for local use (absent in AWS). */
export const sessionRoute = createRoute({
  method: 'post',
  path: '/dev/session',
  operationId: 'createDevSession',
  security: [],
  tags: ['dev'],
  summary: 'Issue a local staff token (local mode only)',
  request: {
    body: jsonBody(SessionBody, 'Who to sign in as', {
      email: 'ada@demo.test',
      role: 'admin',
      organizationId: 'demo',
    }),
  },
  responses: {
    200: jsonResponse(z.object({ token: z.string() }), 'A signed staff JWT', {
      token: 'eyJhbGciOiJFUzI1NiJ9.eyJlbWFpbCI6ImFkYUBkZW1vLnRlc3QifQ.c2lnbmF0dXJl',
    }),
    ...errorResponses(400, 403, 413, 415),
  },
});

/** GET /api/dev/users: the demo users the local sign-in page offers. */
export const usersRoute = createRoute({
  method: 'get',
  path: '/dev/users',
  operationId: 'listDevUsers',
  security: [],
  tags: ['dev'],
  summary: 'Demo users (local mode only)',
  responses: {
    200: jsonResponse(z.object({ items: z.array(UserSchema) }), 'Demo users', {
      items: [{ email: 'ada@demo.test', name: 'Ada Admin', role: 'admin', organizationId: 'demo' }],
    }),
  },
});

/** GET /api/dev/outbox: notifications that would have been e-mailed (local only). */
export const outboxRoute = createRoute({
  method: 'get',
  path: '/dev/outbox',
  operationId: 'listOutboxMessages',
  tags: ['dev'],
  summary: 'Notifications that would have been e-mailed (local mode only)',
  security: [{ staffJwt: [] }],
  middleware: [requireStaff()] as const,
  responses: {
    200: jsonResponse(z.object({ items: z.array(MessageSchema) }), 'Outbox', {
      items: [
        {
          id: '01kb2y3a1b2c3d4e5f6g7h8j9k',
          at: '2026-11-28T14:05:00.000Z',
          to: 'data@acme.example',
          subject: 'Reminder: questionnaire for Acme Instructions v3 is due in 3 day(s)',
          body: 'The due-diligence questionnaire for "Acme Instructions v3" is due on 2026-12-01.',
          kind: 'reminder:due-3',
        },
      ],
    }),
    ...errorResponses(401),
  },
});

/** POST /api/dev/reminders: run the reminder job now (local only; AWS runs it on a schedule). */
export const remindersRoute = createRoute({
  method: 'post',
  path: '/dev/reminders',
  operationId: 'sendDueReminders',
  tags: ['dev'],
  summary: 'Run the due-date reminder job now for your organization (local mode only, admins)',
  security: [{ staffJwt: [] }],
  middleware: [requireStaff('admin')] as const,
  responses: {
    200: jsonResponse(z.object({ sent: z.number().int() }), 'Reminders sent', { sent: 1 }),
    ...errorResponses(401, 403),
  },
});

/** PUT /api/dev/clock: shift the portal's clock to try reminders, overdue and expired links. */
export const clockRoute = createRoute({
  method: 'put',
  path: '/dev/clock',
  operationId: 'setDevClock',
  tags: ['dev'],
  summary: 'Shift the portal clock by whole or fractional days (local mode only, admins; 0 resets)',
  description:
    'The clock is the whole local portal’s, not one organization’s: every organization on it sees the same time, because the background jobs (lease, expiry and retention sweeps, the analysis workers) run on one clock across organizations. So only admins may move it, the response says so (`scope: portal`), and the move is logged with who made it.',
  security: [{ staffJwt: [] }],
  middleware: [requireStaff('admin')] as const,
  request: {
    body: jsonBody(
      z.strictObject({ offsetDays: z.number().min(-3650).max(3650) }),
      'Days to move the clock from real time',
      { offsetDays: 31 },
    ),
  },
  responses: {
    200: jsonResponse(
      z.object({
        now: z.string(),
        offsetDays: z.number(),
        scope: z.literal('portal').openapi({
          description: 'Always `portal`: the shift applies to every organization on this portal',
        }),
      }),
      'The portal time now, for every organization on it',
      { now: '2026-12-29T14:05:00.000Z', offsetDays: 31, scope: 'portal' },
    ),
    ...errorResponses(400, 401, 403, 413, 415),
  },
});

/** The caller's organization's view of the reminder job: other tenants' assessments are left alone. */
function scopedToOrganization(deps: AppDeps, organizationId: string): AppDeps {
  const assessments = deps.repos.assessments;
  return {
    ...deps,
    repos: {
      ...deps.repos,
      assessments: {
        ...assessments,
        dueBefore: async (until: string) =>
          (await assessments.dueBefore(until)).filter((a) => a.organizationId === organizationId),
      },
    },
  };
}

/** The dev router; mounted only in local mode. */
export function devRoutes() {
  return createRouter()
    .openapi(usersRoute, (c) => c.json({ items: c.var.deps.dev?.users ?? [] }, 200))
    .openapi(sessionRoute, async (c) => {
      const dev = c.var.deps.dev;
      if (!dev) throw new ForbiddenError('Dev sessions exist only in local mode.');
      const body = c.req.valid('json');
      const organizationId = body.organizationId ?? dev.users[0]?.organizationId ?? 'demo';
      const token = await dev.signToken({ email: body.email, role: body.role, organizationId });
      return c.json({ token }, 200);
    })
    .openapi(outboxRoute, async (c) => {
      const items = await c.var.deps.repos.outbox.list(c.var.staff.organizationId);
      return c.json(
        { items: items.map(({ organizationId: _o, assessmentId: _a, ...m }) => m) },
        200,
      );
    })
    .openapi(remindersRoute, async (c) => {
      const deps = scopedToOrganization(c.var.deps, c.var.staff.organizationId);
      return c.json({ sent: await sendReminders(deps) }, 200);
    })
    .openapi(clockRoute, (c) => {
      const { deps, staff } = c.var;
      const { offsetDays } = c.req.valid('json');
      deps.dev?.shiftClock(offsetDays);
      // one clock for the whole portal: other organizations' users see the move too
      deps.logger.warn('dev clock moved for the whole portal', {
        offsetDays,
        by: staff.email,
        organizationId: staff.organizationId,
      });
      return c.json({ now: deps.clock().toISOString(), offsetDays, scope: 'portal' as const }, 200);
    });
}
