import { createRouter } from '../../create-router';
import { attachPackHandler, detachPackHandler } from './attach-handlers';
import { createPackHandler, deletePackHandler, getPackHandler, listPacksHandler } from './handlers';
import { attachPack, createPack, deletePack, detachPack, getPack, listPacks } from './routes';

/** The fingerprint library router (staff read; admin and governance keep) and the attach control. */
export function fingerprintRoutes() {
  return createRouter()
    .openapi(listPacks, listPacksHandler)
    .openapi(createPack, createPackHandler)
    .openapi(getPack, getPackHandler)
    .openapi(deletePack, deletePackHandler)
    .openapi(attachPack, attachPackHandler)
    .openapi(detachPack, detachPackHandler);
}
