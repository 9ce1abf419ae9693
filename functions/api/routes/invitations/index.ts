import { createRouter } from '../../create-router';
import {
  changeContactHandler,
  createContactHandler,
  listContactsHandler,
  removeContactHandler,
} from '../contacts/handlers';
import { changeContact, createContact, listContacts, removeContact } from '../contacts/routes';
import { issueInvitationHandler, revokeInvitationHandler } from './handlers';
import { sendReminder, sendReminderHandler } from './reminder';
import { issueInvitation, revokeInvitation } from './routes';

/** The invitations router, with the vendor contacts each invitation link can be issued to. */
export function invitationRoutes() {
  return createRouter()
    .openapi(issueInvitation, issueInvitationHandler)
    .openapi(revokeInvitation, revokeInvitationHandler)
    .openapi(sendReminder, sendReminderHandler)
    .openapi(listContacts, listContactsHandler)
    .openapi(createContact, createContactHandler)
    .openapi(changeContact, changeContactHandler)
    .openapi(removeContact, removeContactHandler);
}
