import { createRouter } from '../../create-router';
import { attachReferenceHandler, detachReferenceHandler } from './attach-handlers';
import { changeReferenceFieldsHandler, getReferenceFieldsHandler } from './field-handlers';
import { changeReferenceFields, getReferenceFields } from './field-routes';
import {
  createReferenceHandler,
  deleteReferenceHandler,
  getReferenceHandler,
  listReferencesHandler,
} from './handlers';
import { attachMachineReferenceHandler, detachMachineReferenceHandler } from './machine-handlers';
import { attachMachineReference, detachMachineReference } from './machine-routes';
import {
  attachReference,
  createReference,
  deleteReference,
  detachReference,
  getReference,
  listReferences,
} from './routes';

/** The reference library router (procurement and governance) and the attach control. */
export function referenceRoutes() {
  return createRouter()
    .openapi(listReferences, listReferencesHandler)
    .openapi(createReference, createReferenceHandler)
    .openapi(getReference, getReferenceHandler)
    .openapi(getReferenceFields, getReferenceFieldsHandler)
    .openapi(changeReferenceFields, changeReferenceFieldsHandler)
    .openapi(deleteReference, deleteReferenceHandler)
    .openapi(attachReference, attachReferenceHandler)
    .openapi(detachReference, detachReferenceHandler)
    .openapi(attachMachineReference, attachMachineReferenceHandler)
    .openapi(detachMachineReference, detachMachineReferenceHandler);
}
