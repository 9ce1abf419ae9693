import { createRoute, type RouteHandler } from '@hono/zod-openapi';
import { can, refusal } from '../../../core/assessment/state-machine';
import { ConflictError } from '../../../lib/errors';
import type { AppEnv } from '../../env';
import { requireStaff } from '../../middleware/staff-auth';
import { IdParam } from '../../schemas/assessment';
import { errorResponses, jsonResponse } from '../../schemas/problem';
import * as z from '../../schemas/zod';
import { loadAssessment, saveChange } from '../../services/assessments';
import { mailVendor } from '../../services/mail';

/** The shortest gap between two reminders sent by hand. */
export const reminderGapMs = 60 * 60 * 1000;

/** What POST …/reminders answers: who was reminded, and when. */
const reminderExample = { sentTo: 'data@acme.example', sentAt: '2026-12-01T10:00:00.000Z' };

const ReminderSchema = z
  .object({ sentTo: z.string(), sentAt: z.string() })
  .openapi('Reminder', { example: reminderExample });

/** POST /api/assessments/{id}/reminders */
export const sendReminder = createRoute({
  method: 'post',
  path: '/assessments/{id}/reminders',
  operationId: 'sendReminder',
  tags: ['invitations'],
  summary: 'E-mail the vendor a reminder to finish the questionnaire (procurement)',
  description:
    'The reminder points to the link the vendor already has. Refused with 409 when there is no ' +
    'live link, when the vendor has nothing left to do, or within an hour of the last reminder.',
  security: [{ staffJwt: [] }],
  middleware: [requireStaff('procurement')] as const,
  request: { params: IdParam },
  responses: {
    201: jsonResponse(ReminderSchema, 'The reminder was sent', reminderExample),
    ...errorResponses(400, 401, 403, 404, 409, 429),
  },
});

/** Sends a reminder now and records it on the assessment and in the audit trail. */
export const sendReminderHandler: RouteHandler<typeof sendReminder, AppEnv> = async (c) => {
  const { deps, staff } = c.var;
  const current = await loadAssessment(deps, staff.organizationId, c.req.valid('param').id);
  if (!can(current.status, 'remind')) throw new ConflictError(refusal(current.status, 'remind'));
  const now = deps.clock();
  const inv = current.invitation;
  if (!inv || inv.revokedAt || Date.parse(inv.expiresAt) <= now.getTime()) {
    throw new ConflictError(
      'The vendor has no working invitation link (it was revoked or has expired): issue a new link instead; it is e-mailed to the vendor.',
    );
  }
  const last = inv.lastReminderAt ? Date.parse(inv.lastReminderAt) : 0;
  if (now.getTime() - last < reminderGapMs) {
    throw new ConflictError(
      `A reminder already went out at ${inv.lastReminderAt?.slice(11, 16)} UTC; wait an hour before sending another.`,
    );
  }
  const next = await saveChange(deps, current, staff, 'remind', (draft) => {
    if (draft.invitation) draft.invitation.lastReminderAt = now.toISOString();
    return { to: current.vendor.contactEmail };
  });
  await mailVendor(deps, next, {
    subject: `Reminder: due-diligence questionnaire for ${next.dataset.name}`,
    news: `${staff.email} reminds you that the due-diligence questionnaire for "${next.dataset.name}" is due on ${next.dueAt.slice(0, 10)}.`,
    next: 'Continue where you left off; your saved answers are kept:',
    kind: 'reminder:manual',
  });
  return c.json({ sentTo: next.vendor.contactEmail, sentAt: now.toISOString() }, 201);
};
