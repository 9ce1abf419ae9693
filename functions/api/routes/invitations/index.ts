import { createRouter } from '../../create-router';
import { issueInvitationHandler, revokeInvitationHandler } from './handlers';
import { sendReminder, sendReminderHandler } from './reminder';
import { issueInvitation, revokeInvitation } from './routes';

/** The invitations router. */
export function invitationRoutes() {
  return createRouter()
    .openapi(issueInvitation, issueInvitationHandler)
    .openapi(revokeInvitation, revokeInvitationHandler)
    .openapi(sendReminder, sendReminderHandler);
}
